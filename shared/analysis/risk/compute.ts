import type { QueryEngine } from '../../engine/QueryEngine';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { asTenureError, TenureError } from '../../errors';
import { resolveValueMode } from '../pareto/compute';
import { parseParetoSpec } from '../pareto/spec';
import { fromCounts, type SurvivalGroup } from '../survival/compute';
import { eventValueWarnings } from '../survival/eventCheck';
import { MAX_GROUPS } from '../survival/spec';
import { warning, type AnalysisWarning } from '../warnings';
import { columnTypes, isNumericType, requireColumns } from '../survival/columns';
import { parseSurvivalSpec, type SurvivalSpec } from '../survival/spec';
import { coxPredictorFactory, coxScores, type CoxPredictorFactory } from './cox';
import { scoreTable, segmentPeak, type CallWindow, type ScoreRow } from './score';
import { parseRiskSpec, type RiskSpec } from './spec';
import { qi } from '../../engine/sqlQuote';
import * as Q from './sql';

export interface RiskSegmentRow {
  /** Segment value as text; null = everyone (no segment) or a blank segment. */
  segment: string | null;
  active: number;
  scored: number;
  valueAtRisk: number;
  valueScored: number;
  /** Mean p of the scored customers; null when none is scored. */
  meanP: number | null;
  /** KM median of the segment (null = not reached). */
  median: number | null;
  /** The segment's critical window (score.ts segmentPeak). */
  peak: { start: number; end: number; rate: number } | null;
}

export interface RiskClassRow {
  /** Class name (A, B, C or the saved table's text); null = customers without a class. */
  class: string | null;
  scored: number;
  valueAtRisk: number;
  valueScored: number;
  bySegment: { segment: string | null; valueAtRisk: number }[];
}

export interface CallListRow {
  rank: number;
  id: string | null;
  segment: string | null;
  class: string | null;
  time: number;
  p: number;
  value: number;
  expectedLoss: number;
  window: CallWindow | null;
}

/** Cumulative sums down a ranked list (rank 1 = first account). */
export interface CurvePoint {
  rank: number;
  cumLoss: number;
  cumP: number;
  cumValue: number;
}

export interface RiskResult {
  spec: RiskSpec;
  unit: string;
  /** Longest follow-up in the data (the end of what was observed). */
  maxTime: number;
  horizon: number;
  minAtRisk: number;
  customers: number;
  active: number;
  scored: number;
  notScored: number;
  thinTail: number;
  /** Active customers with a usable score but no value (not scored). */
  nullValues: number;
  valueActiveScored: number;
  valueAtRisk: number;
  /** Σp over the scored: the number of them expected to churn within the horizon. */
  expectedChurners: number;
  bySegment: RiskSegmentRow[];
  /** Empty without classes. */
  byClass: RiskClassRow[];
  /** The first N accounts of the call list (N = the economics' contacts): their loss, how many to call now, how soon the rest. */
  plan: { contacts: number; loss: number; now: number; soonest: number | null; latest: number | null };
  /** The head of the call list (spec.top rows, in call order). */
  top: CallListRow[];
  /** Expected loss ranked from the largest (the loss Pareto). */
  lossCurve: CurvePoint[];
  /** The call list's own order (A-class first when asked): what contacting the top N covers. */
  callCurve: CurvePoint[];
  /** Every CTE up to `scored`: the full call list, its saved table and the grid are queries on it. */
  ctes: string;
  /** Empty or degenerate answers (no events, nobody active or scored…). */
  warnings: AnalysisWarning[];
  sql: string;
}

export interface RiskOptions {
  /** Cox predictor factory (tests inject one; the app uses cox.ts's). */
  cox?: CoxPredictorFactory;
}

async function rows<T>(engine: QueryEngine, sql: string): Promise<T[]> {
  try {
    return toRows<T>(await engine.query(sql));
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
}

/** Check the columns and the value's type before any heavy query, with errors that name them. */
async function checkInputs(engine: QueryEngine, spec: RiskSpec): Promise<Map<string, string>> {
  const types = await columnTypes(engine, spec.table);
  const tm = spec.time;
  requireColumns(types, spec.table, [spec.customer, tm.kind === 'duration' ? tm.column : tm.start, tm.kind === 'dates' ? tm.end : undefined, spec.event.column, spec.segment, spec.value.kind === 'column' ? spec.value.column : undefined]);
  const vType = (await rows<{ column_name: string; column_type: string }>(engine, Q.describeValueSql(spec)))[0]?.column_type ?? 'NULL';
  if (!isNumericType(vType)) {
    const what = spec.value.kind === 'column' ? spec.value.column : spec.value.sql;
    throw new TenureError('risk.valueNotNumeric', `The value ${what} is ${vType}, not a number`, { column: spec.value.kind === 'column' ? spec.value.column : undefined, params: { value: what, type: vType } });
  }
  if (spec.classes.kind === 'table') requireColumns(await columnTypes(engine, spec.classes.table), spec.classes.table, [spec.classes.key, spec.classes.column]);
  return types;
}

async function classSource(engine: QueryEngine, spec: RiskSpec): Promise<Q.ClassSource> {
  const c = spec.classes;
  if (c.kind !== 'pareto') return c;
  // The Pareto of that per-customer value over the analysed customers, with Pareto's exact integer rule.
  const pspec = parseParetoSpec({ table: spec.table, customer: spec.customer, value: c.value, where: spec.where, a: c.a, b: c.b, keepNonPositive: true });
  const { mode } = await resolveValueMode(engine, pspec);
  return { kind: 'pareto', spec: pspec, mode };
}

async function scores(engine: QueryEngine, spec: RiskSpec, survival: SurvivalSpec, types: Map<string, string>, groups: SurvivalGroup[], opts: RiskOptions): Promise<{ src: string; scores: ScoreRow[]; profile: number }> {
  if (spec.model.kind === 'km') return { src: Q.srcCtes(spec, survival, types), scores: scoreTable(groups, spec.horizon, spec.minAtRisk), profile: 0 };
  const factory = opts.cox ?? coxPredictorFactory;
  if (!factory) throw new TenureError('risk.coxUnavailable', 'Scoring with a Cox model needs the Cox analysis (not available in this version); use the Kaplan-Meier curves');
  // The model is fitted on the same customers, time and event unless its spec says otherwise.
  const predictor = await factory(engine, { time: spec.time, event: spec.event, where: spec.where, ...spec.model.spec, table: spec.table });
  requireColumns(types, spec.table, predictor.covariates);
  const src = Q.srcCtes(spec, survival, types, predictor.covariates);
  const rowsOut = await coxScores(engine, Q.profilesSql(src, predictor.covariates.length), predictor, groups, spec.horizon, spec.minAtRisk);
  return { src, scores: rowsOut, profile: predictor.covariates.length };
}

interface SummaryRow { customers: number; active: number; scored: number; thin_tail: number; value_scored: number; value_at_risk: number; expected_churners: number; null_values: number }
interface SegmentRow { segment: string | null; active: number; scored: number; value_at_risk: number; value_scored: number; mean_p: number | null }
interface ClassRow { class: string | null; segment: string | null; scored: number; value_at_risk: number; value_scored: number }
interface ListRow { rank: number; customer: string | null; segment: string | null; class: string | null; tenure: number; p_churn: number; value: number; expected_loss: number; peak_from: number | null; peak_to: number | null; peak_rate: number | null; call_by: number | null }
interface CurveRow { rnk: number; cum_loss: number; cum_p: number; cum_value: number }

const curve = (r: CurveRow[]): CurvePoint[] => r.map((x) => ({ rank: x.rnk, cumLoss: x.cum_loss, cumP: x.cum_p, cumValue: x.cum_value }));

/** A call-list row from SQL (the window columns back to a window; call_by = tenure means now). */
export function callRow(r: ListRow): CallListRow {
  const window = r.peak_from === null || r.peak_to === null ? null : { start: r.peak_from, end: r.peak_to, rate: r.peak_rate ?? 0, callBy: r.call_by !== null && r.call_by > r.tenure ? r.call_by : null };
  return { rank: r.rank, id: r.customer, segment: r.segment, class: r.class, time: r.tenure, p: r.p_churn, value: r.value, expectedLoss: r.expected_loss, window };
}

/** Value at risk: KM per segment from SQL aggregates, scores in TS, everything per customer in SQL. */
export async function computeRisk(engine: QueryEngine, input: unknown, opts: RiskOptions = {}): Promise<RiskResult> {
  const spec = parseRiskSpec(input);
  await guardFragments(engine, qi(spec.table), [
    { field: 'where', sql: spec.where },
    { field: 'value.sql', sql: spec.value.kind === 'expr' ? spec.value.sql : null },
    { field: 'classes.value.sql', sql: spec.classes.kind === 'pareto' && spec.classes.value.kind === 'expr' ? spec.classes.value.sql : null },
  ]);
  const types = await checkInputs(engine, spec);
  const survival = parseSurvivalSpec({ table: spec.table, time: spec.time, event: spec.event, group: spec.segment, where: spec.where, hazardWidth: spec.hazardWidth });
  const base = Q.srcCtes(spec, survival, types);
  if (spec.segment) {
    // One KM curve per segment: refused before any per-segment work, as the survival analysis does.
    const [c] = await rows<{ n: number }>(engine, `WITH ${base}\nSELECT count(DISTINCT g) AS n FROM src`);
    if (c.n > MAX_GROUPS) {
      throw new TenureError('risk.tooManySegments', `Column "${spec.segment}" has ${c.n} distinct values; value at risk draws a curve per segment, at most ${MAX_GROUPS}`, {
        column: spec.segment,
        params: { column: spec.segment, count: c.n, max: MAX_GROUPS },
      });
    }
  }
  const dup = (await rows<{ id: string; n: number }>(engine, Q.duplicateIdSql(base)))[0];
  if (dup) throw new TenureError('risk.duplicateCustomer', `Customer ${dup.id} is on ${dup.n} rows of ${spec.table}: value at risk needs one row per customer`, { column: spec.customer, params: { id: dup.id, n: dup.n, table: spec.table } });
  const countsSql = Q.countsSql(base);
  const km = fromCounts(survival, await rows(engine, countsSql), countsSql);
  const scored = await scores(engine, spec, survival, types, km.groups, opts);
  const ctes = Q.scoredCtes(scored.src, await classSource(engine, spec), scored.scores, scored.profile);
  // `scored` is materialised once (its CTEs rank the Pareto and join the scores); the small queries read it.
  const tmp = qi(`__risk_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`);
  const create = `CREATE TEMP TABLE ${tmp} AS\n${ctes}\nSELECT * FROM scored`;
  const stmts = {
    summary: Q.summarySql(tmp),
    segments: Q.bySegmentSql(tmp),
    classes: Q.byClassSql(tmp),
    top: Q.callListSql(tmp, spec.aFirst, spec.top),
    plan: Q.planSql(tmp, spec.aFirst, spec.economics.contacts),
    lossCurve: Q.curveSql(tmp, Q.callOrder(false)),
    callCurve: Q.curveSql(tmp, Q.callOrder(spec.aFirst)),
  };
  await rows(engine, create);
  let s: SummaryRow, segs: SegmentRow[], cls: ClassRow[], top: ListRow[], plan: RiskResult['plan'], lossCurve: CurvePoint[], callCurve: CurvePoint[];
  try {
    s = (await rows<SummaryRow>(engine, stmts.summary))[0];
    segs = await rows<SegmentRow>(engine, stmts.segments);
    cls = spec.classes.kind === 'none' ? [] : await rows<ClassRow>(engine, stmts.classes);
    top = await rows<ListRow>(engine, stmts.top);
    plan = (await rows<RiskResult['plan']>(engine, stmts.plan))[0];
    lossCurve = curve(await rows<CurveRow>(engine, stmts.lossCurve));
    callCurve = spec.aFirst ? curve(await rows<CurveRow>(engine, stmts.callCurve)) : lossCurve;
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${tmp}`).catch(() => undefined);
  }

  const groups = new Map(km.groups.map((g) => [g.name, g]));
  const byClass = new Map<string | null, RiskClassRow>();
  for (const r of cls) {
    const row = byClass.get(r.class) ?? { class: r.class, scored: 0, valueAtRisk: 0, valueScored: 0, bySegment: [] };
    row.scored += r.scored;
    row.valueAtRisk += r.value_at_risk;
    row.valueScored += r.value_scored;
    row.bySegment.push({ segment: r.segment, valueAtRisk: r.value_at_risk });
    byClass.set(r.class, row);
  }
  const warnings = [...(await eventValueWarnings(engine, spec.table, types, spec.event)), ...km.warnings.filter((w) => w.code !== 'survival.singleGroup')];
  if (!s.active && s.customers) warnings.push(warning('risk.noActive', `All ${s.customers} customers have churned: nobody is left to score`, { customers: s.customers }));
  else if (s.active && !s.scored) {
    warnings.push(warning('risk.noneScored', `None of the ${s.active} active customers can be scored: no segment keeps ${spec.minAtRisk} customers at risk ${spec.horizon} ${km.unit} further on (shorten the horizon or lower the minimum at risk)`, {
      active: s.active,
      minAtRisk: spec.minAtRisk,
      horizon: spec.horizon,
      unit: km.unit,
    }));
  }
  return {
    spec,
    unit: km.unit,
    maxTime: km.maxTime,
    horizon: spec.horizon,
    minAtRisk: spec.minAtRisk,
    customers: s.customers,
    active: s.active,
    scored: s.scored,
    notScored: s.active - s.scored,
    thinTail: s.thin_tail,
    nullValues: s.null_values,
    valueActiveScored: s.value_scored,
    valueAtRisk: s.value_at_risk,
    expectedChurners: s.expected_churners,
    bySegment: segs
      // Blank segments are not analysed (the KM leaves them out); with no segment there is one row, null.
      .filter((r) => r.segment !== null || !spec.segment)
      .map((r) => {
        const g = groups.get(r.segment);
        return { segment: r.segment, active: r.active, scored: r.scored, valueAtRisk: r.value_at_risk, valueScored: r.value_scored, meanP: r.mean_p, median: g?.median ?? null, peak: g ? segmentPeak(g, spec.minAtRisk) : null };
      }),
    byClass: [...byClass.values()],
    plan,
    top: top.map(callRow),
    lossCurve,
    callCurve,
    ctes,
    warnings,
    sql: [countsSql, create, ...Object.values(stmts).filter((x) => x !== stmts.callCurve || spec.aFirst), `DROP TABLE ${tmp}`].join(';\n\n') + ';',
  };
}
