import type { TFunction } from '../i18n/i18n';
import type { ParetoResult } from '../analysis/pareto/types';
import { classTable } from '../analysis/pareto/headline';
import type { SurvivalResult } from '../analysis/survival/compute';
import { groupLabel } from '../analysis/survival/chart';
import { unitLabel } from '../analysis/survival/format';
import type { ReasonsResult } from '../analysis/reasons/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import { priorityTable } from '../analysis/quadrant/compute';
import type { AnalysisTable, ColumnKind } from './tables';
import { survivalHorizon } from './findings';

const tr = (t: TFunction) => t as unknown as (k: string, o?: Record<string, unknown>) => string;

/** Pareto's A/B/C class table (label, customers, shares, value, average). */
export function paretoTable(r: ParetoResult, valueLabel: string, t: TFunction): AnalysisTable {
  const ct = classTable(r, valueLabel, t);
  const kinds: Record<string, ColumnKind> = { text: 'text', count: 'count', share: 'share', amount: 'amount' };
  return {
    columns: ct.columns.map((c) => c.title),
    kinds: ct.columns.map((c) => kinds[c.kind]),
    rows: ct.rows.map((row) => ct.columns.map((c) => row[c.key] as string | number | null)),
    slide: { columns: [0, 1, 2, 4] },
  };
}

/** Per group: n, churned, median and survival at up to three horizons (ending at the finding's). */
export function survivalTable(r: SurvivalResult, t: TFunction): AnalysisTable {
  const unit = unitLabel(tr(t), r.unit);
  const end = survivalHorizon(r);
  const times = r.horizons.filter((h) => h > 0 && h <= (end ?? r.maxTime)).slice(-3);
  return {
    columns: [
      t('export.deck.table.group'),
      t('export.deck.table.customers'),
      t('export.deck.table.churned'),
      t('export.deck.table.median', { timeUnit: unit }),
      ...times.map((time) => t('export.deck.table.survivalAt', { time, timeUnit: unit })),
    ],
    kinds: ['text', 'count', 'count', 'number', ...times.map((): ColumnKind => 'share')],
    rows: r.groups.map((g) => [groupLabel(tr(t), g), g.n, g.events, g.median, ...times.map((time) => g.atTimes.find((a) => a.time === time)?.survival ?? null)]),
    slide: { columns: [0, 1, 3, 4 + times.length - 1].slice(0, times.length ? 4 : 3), maxRows: 12 },
  };
}

/** Drivers in priority order: concentrate first, then keep, overkill, low. */
export function quadrantTable(r: QuadrantResult, t: TFunction): AnalysisTable {
  const rows = priorityTable(r.overall);
  return {
    columns: [t('quadrant.table.priority'), t('quadrant.table.driver'), t('quadrant.table.zone'), t('quadrant.table.performance'), t('quadrant.table.importance')],
    kinds: ['count', 'text', 'text', 'number', 'number'],
    rows: rows.map((d, i) => [i + 1, d.label, d.zone ? t(`quadrant.zone.${d.zone}`) : '', d.performance, d.importance]),
    slide: { columns: [0, 1, 2], maxRows: 12 },
  };
}

export function reasonsTable(r: ReasonsResult, t: TFunction): AnalysisTable {
  return {
    columns: [t('export.deck.table.reason'), t('export.deck.table.count'), t('export.deck.table.share'), t('export.deck.table.cumulative')],
    kinds: ['text', 'count', 'share', 'share'],
    rows: r.overall.rows.map((x) => [x.reason ?? t('survival.reasons.noReason'), x.count, x.share, x.cumulativeShare]),
    slide: { columns: [0, 2, 3], maxRows: 10 },
  };
}
