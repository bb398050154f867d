import { TenureError } from '../../errors';
import type { ValueMode } from './valueMode';
import { warning, type AnalysisWarning } from '../warnings';
import { CLASS_NAMES, type ParetoBin, type ParetoClassRow, type ParetoGroupRow, type ParetoResult } from './types';

/** Raw rows of the queries in sql.ts (all amounts in integer units, already plain numbers). */
export interface RawProbe { rows: number; null_ids: number; null_values: number }
export interface RawSummary {
  n: number | null; total: number | null; top20: number | null; k80: number | null; k95: number | null;
  gini_num: number | null; neg_count: number; neg_sum: number; zero_count: number;
  peak_cum: number | null; peak_k: number | null; max_u: number | null; min_u: number | null; multi_group: number;
}
export interface RawClass { class: string; count: number; value: number }
export type RawGroup = { name: string | null; n: number; value: number } & Record<string, number | string | null>;
export interface RawBin { bin: number; first: number; last: number; value: number; cum_end: number; max_u: number; min_u: number }

export interface RawPareto {
  probe: RawProbe;
  summary: RawSummary;
  classes: RawClass[];
  groups: RawGroup[];
  bins: RawBin[];
}

/**
 * Turn the integer-unit query results into the typed result. Shares are quotients of exact integers
 * (correctly rounded while the integers stay below 2^53); amounts are units / 10^scale.
 */
export function buildResult(raw: RawPareto, ctx: { mode: ValueMode; a: number; b: number; sql: string; group?: string }): ParetoResult {
  const { summary: s, probe } = raw;
  const n = s.n ?? 0;
  if (n === 0) {
    throw new TenureError('pareto.noValues', `No customer has a value (${probe.rows} rows, ${probe.null_values} NULL values, ${probe.null_ids} without a customer id)`, {
      params: { rows: probe.rows, nullValues: probe.null_values, nullIds: probe.null_ids },
    });
  }
  const totalU = s.total ?? 0;
  if (!(totalU > 0)) {
    throw new TenureError('pareto.nonPositiveTotal', `The total value is ${totalU / 10 ** ctx.mode.scale}: shares of a total ≤ 0 are undefined`, { params: { total: totalU } });
  }
  const scale = 10 ** ctx.mode.scale;
  const val = (u: number) => u / scale;
  const k20 = Math.ceil(n / 5);
  const classRows = (counts: Map<string, { count: number; value: number }>, nAll: number, totalAll: number): ParetoClassRow[] =>
    CLASS_NAMES.map((name) => {
      const c = counts.get(name) ?? { count: 0, value: 0 };
      return {
        name,
        count: c.count,
        customerShare: c.count / nAll,
        value: val(c.value),
        valueShare: c.value / totalAll,
        avgValue: c.count ? val(c.value) / c.count : null,
      };
    });

  const classes = classRows(new Map(raw.classes.map((c) => [c.class, { count: c.count, value: c.value }])), n, totalU);
  const groups: ParetoGroupRow[] = raw.groups.map((g) => ({
    name: g.name,
    n: g.n,
    value: val(g.value),
    valueShare: g.value / totalU,
    customerShare: g.n / n,
    avgValue: val(g.value) / g.n,
    classes: classRows(new Map(CLASS_NAMES.map((c) => [c, { count: Number(g[`n_${c}`]), value: Number(g[`v_${c}`]) }])), g.n, g.value),
  }));
  const curve: ParetoBin[] = raw.bins.map((b) => ({
    first: b.first,
    last: b.last,
    value: val(b.value),
    cumShare: b.cum_end / totalU,
    customerShare: b.last / n,
    maxValue: val(b.max_u),
    minValue: val(b.min_u),
  }));
  const gini = (s.gini_num ?? 0) / (n * totalU);
  const peakK = s.peak_k ?? n;
  const warnings: AnalysisWarning[] = [];
  if (n === 1) warnings.push(warning('pareto.singleCustomer', 'One customer holds the whole value: there is no distribution to rank'));
  else if (s.max_u === s.min_u) warnings.push(warning('pareto.allEqual', `All ${n} customers have the same value (${val(s.max_u ?? 0)}): value is not concentrated, and the classes only follow the order of ties`, { n, value: val(s.max_u ?? 0) }));
  if (ctx.group && groups.length === 1) warnings.push(warning('pareto.singleGroup', `Column "${ctx.group}" has one value ("${groups[0].name ?? ''}") among the analysed customers: there is nothing to compare`, { column: ctx.group, value: groups[0].name ?? '' }));
  return {
    n,
    rows: probe.rows,
    nullValues: probe.null_values,
    nullIds: probe.null_ids,
    total: val(totalU),
    mean: val(totalU) / n,
    max: val(s.max_u ?? 0),
    min: val(s.min_u ?? 0),
    top20: { k: k20, share: (s.top20 ?? 0) / totalU, value: val(s.top20 ?? 0) },
    k80: s.k80 ?? n,
    k80Share: (s.k80 ?? n) / n,
    k95: s.k95 ?? n,
    classes,
    gini,
    giniSampleCorrected: n > 1 ? (gini * n) / (n - 1) : null,
    negative: { count: s.neg_count, sum: val(s.neg_sum) },
    zeros: s.zero_count,
    peak: { k: peakK, share: (s.peak_cum ?? totalU) / totalU, customersBeyondShare: (n - peakK) / n },
    groups,
    multiGroupCustomers: s.multi_group,
    curve,
    lorenz: lorenzFromBins(raw.bins, n, totalU),
    thresholds: { a: ctx.a, b: ctx.b },
    mode: ctx.mode,
    exact: ctx.mode.exact,
    warnings,
    sql: ctx.sql,
  };
}

/**
 * Lorenz points at every bin edge: the bottom (n − k)/n of customers hold (total − cum_k)/total,
 * where k is a rank in the descending order.
 */
export function lorenzFromBins(bins: RawBin[], n: number, totalU: number): [number, number][] {
  const pts: [number, number][] = [[1, 1]];
  for (const b of bins) pts.push([(n - b.last) / n, (totalU - b.cum_end) / totalU]);
  pts.sort((p, q) => p[0] - q[0]);
  if (pts[0][0] !== 0) pts.unshift([0, 0]);
  return pts;
}
