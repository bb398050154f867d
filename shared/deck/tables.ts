import type { Cell, TableData } from '../export/tableExport';

export type ColumnKind = 'text' | 'count' | 'share' | 'amount' | 'number';

/** A result table: raw values (numbers stay numbers for CSV/XLSX) plus how each column reads on a slide. */
export interface AnalysisTable extends TableData {
  kinds: ColumnKind[];
}

function cell(v: Cell, kind: ColumnKind, locale: string): Cell {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v === null || v === undefined ? '–' : v;
  if (kind === 'share') return v.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (kind === 'count') return v.toLocaleString(locale, { maximumFractionDigits: 0 });
  if (kind === 'amount') return v.toLocaleString(locale, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
  if (kind === 'number') return v.toLocaleString(locale, { maximumFractionDigits: 3 });
  return String(v);
}

/** Format for a slide: a deck shows "53.6%", not 0.5360127. */
export function displayTable(t: AnalysisTable, locale = 'en'): TableData {
  return { columns: t.columns, rows: t.rows.map((r) => r.map((v, i) => cell(v, t.kinds[i] ?? 'text', locale))) };
}
