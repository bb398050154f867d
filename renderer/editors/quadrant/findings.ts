import { byPriority, type Zone } from '../../../shared/analysis/quadrant/zones';
import type { DriverResult, GroupResult, QuadrantResult } from '../../../shared/analysis/quadrant/result';
import type { Translate } from '../../../shared/analysis/survival/format';
import type { Cell, TableData } from '../../../shared/export/tableExport';

export type { Translate };

/** One line of the priority table: the driver and whether its zone could change under resampling. */
export interface PriorityRow {
  rank: number;
  driver: DriverResult;
  uncertain: boolean;
}

/** Concentrate first, then keep, overkill, low; importance descending within a zone (drivers without a zone last). */
export function priorityRows(g: GroupResult): PriorityRow[] {
  return byPriority(g.drivers).map((driver, i) => ({
    rank: i + 1,
    driver,
    uncertain: !!driver.bootstrap && (driver.bootstrap.crossesImportance || driver.bootstrap.crossesPerformance),
  }));
}

export function driversIn(g: GroupResult, zone: Zone): DriverResult[] {
  return byPriority(g.drivers).filter((d) => d.zone === zone);
}

/** The finding in one sentence: what to improve first (or, when nothing is, what to protect). */
export function headline(result: QuadrantResult, t: Translate, max = 3): string {
  const g = result.overall;
  const names = (ds: DriverResult[]) => {
    const shown = ds.slice(0, max).map((d) => d.label);
    const more = ds.length - shown.length;
    return more > 0 ? t('quadrant.editor.andMore', { list: shown.join(t('quadrant.editor.listSep')), count: more, total: ds.length }) : shown.join(t('quadrant.editor.listSep'));
  };
  const focus = driversIn(g, 'concentrate');
  if (focus.length) return t('quadrant.editor.headline', { drivers: names(focus), count: focus.length });
  const keep = driversIn(g, 'keep');
  if (keep.length) return t('quadrant.editor.headlineKeep', { drivers: names(keep) });
  return t('quadrant.editor.headlineNone');
}

/** The priority table as export data: raw numbers (CI as two columns) and zone names in the UI language. */
export function priorityTableData(rows: PriorityRow[], t: Translate, withBootstrap: boolean): TableData {
  const columns = [
    t('quadrant.table.priority'),
    t('quadrant.table.driver'),
    t('quadrant.table.zone'),
    t('quadrant.table.n'),
    t('quadrant.table.performance'),
    t('quadrant.editor.ciLow'),
    t('quadrant.editor.ciHigh'),
    t('quadrant.table.importance'),
    t('quadrant.table.marginPerformance'),
    t('quadrant.table.marginImportance'),
  ];
  if (withBootstrap) columns.push(t('quadrant.table.uncertain'));
  const data: Cell[][] = rows.map(({ rank, driver: d, uncertain }) => {
    const ci = d.bootstrap?.performanceCI ?? d.performanceCI;
    const row: Cell[] = [rank, d.label, d.zone ? t(`quadrant.zone.${d.zone}`) : '', d.n, d.performance, ci?.[0] ?? null, ci?.[1] ?? null, d.importance, d.marginPerformance, d.marginImportance];
    if (withBootstrap) row.push(uncertain ? t('quadrant.editor.yes') : '');
    return row;
  });
  return { columns, rows: data };
}
