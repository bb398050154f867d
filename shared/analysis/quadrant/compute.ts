import type { QueryEngine } from '../../engine/QueryEngine';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { qi } from '../../engine/sqlQuote';
import { TenureError } from '../../errors';
import { checkColumns } from './columns';
import { addBootstrap } from './bootstrap';
import { histogramPlan, histogramSql, rangeSql, rangesFit, rangesFromStats, statsSql, summaryFromHistogram } from './histogram';
import { driverLabel, parseQuadrantSpec, type QuadrantSpec, type QuadrantSpecInput } from './spec';
import { regressionSql, spearmanSql, summarySql, baseSql, type SqlContext } from './sql';
import { mean, meanCI95, median, standardizedBetas } from './stats';
import { byPriority, zoneOf, type Crosshair } from './zones';
import type { DriverResult, GroupResult, QuadrantResult } from './result';
import { outcomeWarnings, requireBootstrapBudget, requireSegmentCount, resultWarnings } from './warnings';

export { zoneOf, byPriority, ZONES, type Zone, type Crosshair } from './zones';
export type { DriverResult, GroupResult, QuadrantResult } from './result';

type Row = Record<string, number | string | null>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const key = (overall: unknown, sk: unknown) => (Number(overall) === 1 ? '\u0000all' : String(sk));

/** Run the analysis: SQL for every row-level statistic, then crosshairs and zones in TS. */
export async function computeQuadrant(engine: QueryEngine, input: QuadrantSpecInput | QuadrantSpec): Promise<QuadrantResult> {
  const t0 = Date.now();
  const spec = parseQuadrantSpec(input);
  // The user's filter: one expression over this table, checked by DuckDB's parser before any use.
  await guardFragments(engine, qi(spec.table), [{ field: 'where', sql: spec.where }], 'quadrant.where');
  const { outcomeKind, types } = await checkColumns(engine, spec);
  const ctx: SqlContext = { spec, outcomeKind };
  const sql: string[] = [];
  const run = async (s: string, code = 'sql'): Promise<Row[]> => {
    sql.push(s);
    try {
      return toRows<Row>(await engine.query(s));
    } catch (err) {
      throw new TenureError(code, (err as Error).message);
    }
  };

  await requireSegmentCount(engine, ctx);
  const fromHistogram = await histogramSummary(ctx, types, run);
  const summary = fromHistogram ? [fromHistogram] : await run(summarySql(ctx));
  const imp = fromHistogram ? histogramImportance(spec, fromHistogram) : await importanceByGroup(ctx, run);

  const groups = summary.map((r) => buildGroup(spec, r, imp.get(key(r.overall, r.sk))));
  const overall = groups.find((g) => g.segment === null)!;
  if (spec.importance === 'regression' && overall.regression && overall.regression.r2 === null) {
    throw new TenureError('quadrant.singular', 'The drivers are perfectly collinear (or too few complete rows): regression importance is undefined; use pearson or spearman');
  }
  const scale = midpointScale(spec, summary.find((r) => Number(r.overall) === 1)!);
  for (const g of groups) placeGroup(spec, g, scale);
  // Without a filter the histogram saw every row: a positive value it counted needs no second look.
  const seen = fromHistogram && !spec.where?.trim() ? Number(fromHistogram.y_hits ?? 0) : 0;
  const warnings = [...(await outcomeWarnings(engine, ctx, seen)), ...resultWarnings(spec, overall)];
  const result: QuadrantResult = { spec, method: spec.importance, ciMethod: 't', overall, segments: groups.filter((g) => g.segment !== null), warnings, sql, ms: 0 };
  if (fromHistogram) result.referenceSql = summarySql(ctx);
  if (spec.bootstrap) {
    requireBootstrapBudget(spec, overall.rows);
    await addBootstrap(ctx, result, run);
  }
  result.ms = Date.now() - t0;
  return result;
}

/** The overall summary row from the integer-rating histogram (histogram.ts), or null where it does not apply. */
async function histogramSummary(ctx: SqlContext, types: ReadonlyMap<string, string>, run: (s: string) => Promise<Row[]>): Promise<Row | null> {
  const plan = histogramPlan(ctx, types);
  if (!plan) return null;
  // The table's statistics bound the ranges without a scan; a view has none, then min/max are read.
  const ranges = rangesFromStats(ctx, plan, (await run(statsSql(ctx, plan)))[0]) ?? (await run(rangeSql(ctx, plan)))[0];
  if (!rangesFit(ctx, plan, ranges)) return null;
  return summaryFromHistogram(ctx, await run(histogramSql(ctx, plan))) as Row;
}

/** Spearman's rho and its pair counts came with the histogram's summary row (Pearson's are read from the row itself). */
function histogramImportance(spec: QuadrantSpec, r: Row): Map<string, GroupImportance> {
  const pick = (prefix: string) => spec.drivers.map((_, i) => num(r[`${prefix}${i}`]));
  return new Map([[key(1, null), { imp: pick('imp'), n: pick('ni') }]]);
}

interface GroupImportance {
  imp: (number | null)[];
  n: (number | null)[];
  regression?: { n: number; r2: number | null };
}

async function importanceByGroup(ctx: SqlContext, run: (s: string) => Promise<Row[]>): Promise<Map<string, GroupImportance>> {
  const { spec } = ctx;
  const p = spec.drivers.length;
  const out = new Map<string, GroupImportance>();
  if (spec.importance === 'spearman') {
    for (const r of await run(spearmanSql(ctx, baseSql(ctx)))) {
      const k = key(r.overall, r.sk);
      const g = out.get(k) ?? { imp: new Array(p).fill(null), n: new Array(p).fill(null) };
      g.imp[Number(r.k)] = num(r.imp);
      g.n[Number(r.k)] = num(r.n);
      out.set(k, g);
    }
  } else if (spec.importance === 'regression') {
    for (const r of await run(regressionSql(ctx))) {
      const betas = regressionBetas(p, r);
      const n = num(r.n) ?? 0;
      out.set(key(r.overall, r.sk), { imp: betas?.beta ?? new Array(p).fill(null), n: new Array(p).fill(n), regression: { n, r2: betas?.r2 ?? null } });
    }
  }
  return out;
}

/** β from one row of regressionSql: R_xx from c_i_j, r_xy from cy_i. */
export function regressionBetas(p: number, r: Row): { beta: number[]; r2: number } | null {
  const rxx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : num(r[`c_${Math.min(i, j)}_${Math.max(i, j)}`]))));
  const rxy = Array.from({ length: p }, (_, i) => num(r[`cy_${i}`]));
  if (rxy.some((v) => v === null) || rxx.some((row) => row.some((v) => v === null))) return null;
  return standardizedBetas(rxx as number[][], rxy as number[]);
}

function buildGroup(spec: QuadrantSpec, r: Row, gi: GroupImportance | undefined): GroupResult {
  const drivers: DriverResult[] = spec.drivers.map((d, i) => {
    const n = num(r[`n${i}`]) ?? 0;
    const perf = n > 0 ? num(r[`perf${i}`]) : null;
    const sd = num(r[`sd${i}`]);
    const fromSummary = spec.importance === 'pearson' || spec.importance === 'stated';
    return {
      column: d.column,
      label: driverLabel(d),
      n,
      nImportance: (fromSummary ? num(r[`ni${i}`]) : gi?.n[i]) ?? 0,
      performance: perf,
      performanceSd: sd,
      performanceCI: perf === null ? null : meanCI95(perf, sd, n),
      importance: fromSummary ? num(r[`imp${i}`]) : (gi?.imp[i] ?? null),
      zone: null,
      marginPerformance: null,
      marginImportance: null,
    };
  });
  const g: GroupResult = { segment: Number(r.overall) === 1 ? null : String(r.sk), rows: num(r.n_rows) ?? 0, crosshair: null, drivers };
  if (spec.importance === 'regression') g.regression = gi?.regression ?? { n: 0, r2: null };
  return g;
}

interface Scale {
  performance: [number, number] | null;
  importance: [number, number] | null;
}

/** The rating scale for the midpoint crosshair: as given, else the lowest/highest valid value seen overall. */
function midpointScale(spec: QuadrantSpec, overallRow: Row): Scale {
  if (spec.crosshair.type !== 'midpoint') return { performance: null, importance: null };
  if (spec.crosshair.scale) {
    const s: [number, number] = [spec.crosshair.scale.min, spec.crosshair.scale.max];
    return { performance: s, importance: spec.importance === 'stated' ? s : null };
  }
  const range = (prefix: string): [number, number] | null => {
    const lo = spec.drivers.map((_, i) => num(overallRow[`${prefix}min${i}`])).filter((v): v is number => v !== null);
    const hi = spec.drivers.map((_, i) => num(overallRow[`${prefix}max${i}`])).filter((v): v is number => v !== null);
    return lo.length ? [Math.min(...lo), Math.max(...hi)] : null;
  };
  return { performance: range(''), importance: spec.importance === 'stated' ? range('z') : null };
}

/** Crosshair of one group (drivers without both values are left out), then zones and margins. */
function placeGroup(spec: QuadrantSpec, g: GroupResult, scale: Scale): void {
  const ok = g.drivers.filter((d) => d.performance !== null && d.importance !== null);
  const perfs = ok.map((d) => d.performance!);
  const imps = ok.map((d) => d.importance!);
  const ch = spec.crosshair;
  let c: Crosshair | null = null;
  if (ch.type === 'custom') c = { performance: ch.performance, importance: ch.importance };
  else if (ok.length) {
    if (ch.type === 'mean') c = { performance: mean(perfs)!, importance: mean(imps)! };
    else if (ch.type === 'median') c = { performance: median(perfs)!, importance: median(imps)! };
    else {
      // Correlations and betas have no rating scale: the middle of the drivers' importance range.
      const mid = (s: [number, number] | null, v: number[]) => (s ? (s[0] + s[1]) / 2 : (Math.min(...v) + Math.max(...v)) / 2);
      c = { performance: mid(scale.performance, perfs), importance: mid(scale.importance, imps) };
    }
  }
  g.crosshair = c;
  if (!c) return;
  for (const d of g.drivers) {
    if (d.performance !== null) d.marginPerformance = d.performance - c.performance;
    if (d.importance !== null) d.marginImportance = d.importance - c.importance;
    if (d.performance !== null && d.importance !== null) d.zone = zoneOf(d.importance, d.performance, c);
  }
}

/** The priority table: concentrate first, then keep, overkill, low; importance descending within a zone. */
export function priorityTable(g: GroupResult): DriverResult[] {
  return byPriority(g.drivers);
}
