import type { TFunction } from 'i18next';
import type { GridFilter } from '../../../shared/grid/filterSpec';

/** Values a chip lists before "+n more". */
const CHIP_VALUES = 3;

/** What a filter chip says, e.g. `Contract: Month-to-month, One year`, `tenure 12 – 24`, `TotalCharges is NULL`. */
export function filterLabel(f: GridFilter, t: TFunction, fmtNumber: (n: number) => string): string {
  const column = f.column;
  switch (f.kind) {
    case 'text':
      return t(f.op === 'equals' ? 'grid.filter.chip.equals' : 'grid.filter.chip.contains', { column, value: f.value });
    case 'number':
      if (f.min !== null && f.max !== null) return t('grid.filter.chip.between', { column, from: fmtNumber(f.min), to: fmtNumber(f.max) });
      return f.min !== null ? t('grid.filter.chip.atLeast', { column, value: fmtNumber(f.min) }) : t('grid.filter.chip.atMost', { column, value: fmtNumber(f.max ?? 0) });
    case 'date':
      if (f.from !== null && f.to !== null) return t('grid.filter.chip.between', { column, from: f.from, to: f.to });
      return f.from !== null ? t('grid.filter.chip.since', { column, value: f.from }) : t('grid.filter.chip.until', { column, value: f.to ?? '' });
    case 'null':
      return t(f.isNull ? 'grid.filter.chip.isNull' : 'grid.filter.chip.notNull', { column });
    case 'values': {
      const shown = [...f.values.slice(0, CHIP_VALUES), ...(f.nulls ? [t('grid.null')] : [])];
      const more = f.values.length - Math.min(f.values.length, CHIP_VALUES);
      const list = shown.join(t('grid.filter.chip.separator'));
      return more > 0 ? t('grid.filter.chip.valuesMore', { column, values: list, count: more }) : t('grid.filter.chip.values', { column, values: list });
    }
  }
}
