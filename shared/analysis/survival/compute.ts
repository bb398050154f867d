import type { QueryEngine } from '../../engine/QueryEngine';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { asTenureError, TenureError } from '../../errors';
import { bandEdgesSelect, bandExpr, makeBands, type Bands } from './bands';
import { causeExpr, incidenceSql } from './causeSql';
import { aalenJohansen, type CauseCounts, type IncidenceResult } from './incidence';
import { pairwiseLogRank, type PairwiseResult } from './pairwise';
import { rmstCompare, type RmstResult } from './rmst';
import { columnTypes, isNumericType, requireColumns } from './columns';
import { requireDates } from '../dateColumns';
import { defaultHazardWidth, defaultHorizons } from './defaults';
import { hazardTable, kaplanMeier, medianSurvival, restrictedMean, survivalAt, type AtTime, type HazardInterval, type KmStep, type TimeCounts } from './km';
import { logRank, type LogRankResult } from './logrank';
import { MAX_GROUPS, parseSurvivalSpec, type SurvivalSpec } from './spec';
import { fromClause, groupExpr, survivalSql, timeEventSource } from './sql';
import { eventText, eventValueWarnings } from './eventCheck';
import { warning, type AnalysisWarning } from '../warnings';

export interface SurvivalGroup {
  /** Group value as text; null for the single curve of an ungrouped analysis. */
  name: string | null;
  n: number;
  events: number;
  censored: number;
  median: number | null;
  /** CI of the median (R quantile.survfit); null = not reached. */
  medianCI: [number | null, number | null];
  /** Restricted mean survival time up to `rmeanTau`. */
  rmean: number;
  steps: KmStep[];
  atTimes: AtTime[];
  hazard: HazardInterval[];
}

export interface SurvivalResult {
  spec: SurvivalSpec;
  unit: string;
  horizons: number[];
  rmeanTau: number;
  hazardWidth: number;
  maxTime: number;
  groups: SurvivalGroup[];
  /** Null with fewer than two groups. */
  logrank: LogRankResult | null;
  /** Pairwise log-rank between every two groups (null with fewer than two). */
  pairwise: PairwiseResult | null;
  /** Restricted mean survival per group and its differences (null without groups of data). */
  rmst: RmstResult | null;
  /** Cumulative incidence per cause (with `spec.cause`). */
  incidence: IncidenceResult | null;
  /** The quantile bands a numeric group column was cut into (with `spec.bands`). */
  bands: Bands | null;
  /** Rows left out: no usable time, a negative time (end before start), or an empty group. */
  excluded: { missingTime: number; negativeTime: number; missingGroup: number };
  /** Empty or degenerate answers (no events, an event value that never occurs, one group…). */
  warnings: AnalysisWarning[];
  sql: string;
}

interface CountRow {
  g: unknown;
  t: number | null;
  d: number;
  c: number;
}

/** Most intervals a hazard table may have (the default width gives about 36). */
export const MAX_HAZARD_INTERVALS = 1000;

/** Run the Kaplan-Meier analysis: one aggregate query, the step tables and tests in TS. */
export async function computeSurvival(engine: QueryEngine, input: unknown): Promise<SurvivalResult> {
  const spec = parseSurvivalSpec(input);
  const types = await columnTypes(engine, spec.table);
  const tm = spec.time;
  requireColumns(types, spec.table, [tm.kind === 'duration' ? tm.column : tm.start, tm.kind === 'dates' ? tm.end : undefined, spec.event?.column, spec.groupFrom ? spec.groupFrom.on : spec.group]);
  if (tm.kind === 'dates') await requireDates(engine, spec.table, types, [{ column: tm.start }, { column: tm.end, optional: true }]);
  if (spec.groupFrom) requireColumns(await columnTypes(engine, spec.groupFrom.table), spec.groupFrom.table, [spec.groupFrom.key, spec.group]);
  await guardFragments(engine, fromClause(spec), [{ field: 'where', sql: spec.where }, { field: 'cause.sql', sql: spec.cause?.kind === 'sql' ? spec.cause.sql : null }]);
  if (spec.cause && spec.cause.kind !== 'sql') requireColumns(types, spec.table, [spec.cause.column]);
  const query = async <T>(q: string): Promise<T[]> => {
    try {
      return toRows<T>(await engine.query(q));
    } catch (err) {
      throw asTenureError(err, 'sql');
    }
  };
  const from = fromClause(spec);
  let group = groupExpr(spec);
  let bands: Bands | null = null;
  if (spec.group && spec.bands) {
    const type = spec.groupFrom ? (await columnTypes(engine, spec.groupFrom.table)).get(spec.group) : types.get(spec.group);
    if (!type || !isNumericType(type)) {
      throw new TenureError('analysis.bandsNotNumeric', `Quantile bands need a numeric group column; "${spec.group}" is ${type ?? 'unknown'}`, { column: spec.group, params: { column: spec.group } });
    }
    const x = `TRY_CAST(${group} AS DOUBLE)`;
    const [e] = await query<{ lo: number | null; hi: number | null; q: number[] | null }>(
      `WITH ${timeEventSource(spec, types, from, [[x, 'x']])}
SELECT ${bandEdgesSelect('x', spec.bands)} FROM src WHERE t IS NOT NULL AND t >= 0 AND NOT isnan(x)`,
    );
    if (e.lo === null || e.hi === null) throw new TenureError('analysis.noGroupValues', `No rows with a value in "${spec.group}"`, { column: spec.group, params: { column: spec.group } });
    bands = makeBands(spec.group, e.lo, e.hi, [...(e.q ?? [])].map(Number));
    group = bandExpr(x, bands);
  } else if (spec.group) {
    // Refuse before any per-group work: the count is one hash aggregate, never k curves or k² tests.
    const [c] = await query<{ n: number }>(`WITH ${timeEventSource(spec, types, from, [[group, 'g']])}
SELECT count(DISTINCT g) AS n FROM src`);
    if (c.n > MAX_GROUPS) {
      const numeric = !spec.groupFrom && isNumericType(types.get(spec.group) ?? '');
      throw new TenureError(
        numeric ? 'analysis.tooManyGroupsBands' : 'analysis.tooManyGroups',
        `Column "${spec.group}" has ${c.n} distinct values; at most ${MAX_GROUPS} groups can be compared${numeric ? ' (use quantile bands for a numeric column)' : ''}`,
        { column: spec.group, params: { column: spec.group, count: c.n, max: MAX_GROUPS } },
      );
    }
  }
  const sql = survivalSql(spec, types, group);
  const rows = await query<CountRow>(sql);
  const result = fromCounts(spec, rows, sql, bands);
  if (spec.event) result.warnings.unshift(...(await eventValueWarnings(engine, spec.table, types, spec.event)));
  if (spec.cause) {
    const cols: [string, string][] = [[causeExpr(spec.cause), 'k']];
    if (spec.group) cols.push([group, 'g']);
    // Counted before the per-time rows are fetched: a free-text cause with thousands of values is refused at once.
    const [k] = await query<{ n: number }>(`WITH ${timeEventSource(spec, types, from, cols)}\nSELECT count(DISTINCT k) FILTER (WHERE e) AS n FROM src`);
    if (k.n > MAX_GROUPS) tooManyCauses(k.n);
    const isql = incidenceSql(timeEventSource(spec, types, from, cols), !!spec.group);
    result.incidence = incidenceFrom(await query<{ t: number; k: string | null; n: number }>(isql), result, spec.cause.kind === 'tags');
    result.sql += `;

${isql}`;
  }
  return result;
}

function tooManyCauses(count: number): never {
  throw new TenureError('analysis.tooManyCauses', `The cause has ${count} distinct values; at most ${MAX_GROUPS} causes can be shown`, { params: { count, max: MAX_GROUPS } });
}

/** Per-time exits by cause → Aalen-Johansen at the result's horizons; causes sorted as R's sort(unique()). */
export function incidenceFrom(rows: { t: number; k: string | null; n: number }[], r: Pick<SurvivalResult, 'horizons' | 'spec'>, tags = false): IncidenceResult {
  const names = [...new Set(rows.filter((x) => x.k !== null).map((x) => x.k as string))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length > MAX_GROUPS) tooManyCauses(names.length);
  const index = new Map(names.map((c, i) => [c, i]));
  const byTime = new Map<number, CauseCounts>();
  for (const x of rows) {
    if (x.t === null || Number.isNaN(x.t) || x.t < 0) continue;
    let c = byTime.get(x.t);
    if (!c) byTime.set(x.t, (c = { time: x.t, censored: 0, events: new Array<number>(names.length).fill(0) }));
    if (x.k === null) c.censored += x.n;
    else c.events[index.get(x.k)!] += x.n;
  }
  const counts = [...byTime.values()].sort((a, b) => a.time - b.time);
  return { ...aalenJohansen(counts, names, r.horizons, r.spec.confType, r.spec.confLevel), tags };
}

function groupName(g: unknown): string {
  if (g instanceof Date) return g.toISOString().slice(0, 10);
  return String(g);
}

/** Build the result from the (group, time) aggregates; exported for tests that feed counts directly. */
export function fromCounts(spec: SurvivalSpec, rows: CountRow[], sql = '', bands: Bands | null = null): SurvivalResult {
  const excluded = { missingTime: 0, negativeTime: 0, missingGroup: 0 };
  const byGroup = new Map<string | null, TimeCounts[]>();
  for (const r of rows) {
    const n = r.d + r.c;
    if (r.t === null || Number.isNaN(r.t)) excluded.missingTime += n;
    else if (r.t < 0) excluded.negativeTime += n;
    else if (spec.group && (r.g === null || r.g === undefined)) excluded.missingGroup += n;
    else {
      const key = spec.group ? (bands ? bands.labels[Number(r.g) - 1] : groupName(r.g)) : null;
      if (!byGroup.has(key)) byGroup.set(key, []);
      byGroup.get(key)!.push({ time: r.t, nEvent: r.d, nCensor: r.c });
    }
  }
  const counts = [...byGroup.values()];
  const maxTime = Math.max(0, ...counts.flatMap((g) => g.map((r) => r.time)));
  const unit = spec.time.unit;
  const horizons = spec.horizons ? [...spec.horizons].sort((a, b) => a - b) : defaultHorizons(unit, maxTime);
  const rmeanTau = spec.rmeanTau ?? maxTime;
  const hazardWidth = spec.hazardWidth ?? defaultHazardWidth(maxTime);
  // The hazard table has one row per interval: a tiny width would build millions of them.
  if (maxTime / hazardWidth > MAX_HAZARD_INTERVALS) {
    throw new TenureError('analysis.tooManyIntervals', `A hazard width of ${hazardWidth} cuts 0–${maxTime} into more than ${MAX_HAZARD_INTERVALS} intervals; use a width of at least ${maxTime / MAX_HAZARD_INTERVALS}`, {
      params: { width: hazardWidth, max: maxTime, limit: MAX_HAZARD_INTERVALS, least: maxTime / MAX_HAZARD_INTERVALS },
    });
  }
  const opts = { confType: spec.confType, confLevel: spec.confLevel };
  const groups: SurvivalGroup[] = [...byGroup.entries()].map(([name, tc]) => {
    const steps = kaplanMeier(tc, opts);
    const med = medianSurvival(steps);
    const events = tc.reduce((s, r) => s + r.nEvent, 0);
    const n = events + tc.reduce((s, r) => s + r.nCensor, 0);
    return {
      name,
      n,
      events,
      censored: n - events,
      median: med.median,
      medianCI: [med.lower, med.upper],
      rmean: restrictedMean(steps, rmeanTau),
      steps,
      atTimes: survivalAt(steps, horizons, opts),
      hazard: hazardTable(steps, hazardWidth, maxTime),
    };
  });
  const named = groups.filter((g) => g.name !== null).map((g) => ({ name: g.name as string, steps: g.steps, counts: byGroup.get(g.name)! }));
  const pairwise = named.length >= 2 ? pairwiseLogRank(named, spec.pairwise ?? 'holm') : null;
  const rmst = groups.length ? rmstCompare(groups.map((g) => ({ name: g.name ?? '', steps: g.steps })), spec.rmstTau, spec.confLevel) : null;
  const warnings = survivalWarnings(spec, groups, excluded);
  return { spec, unit, horizons, rmeanTau, hazardWidth, maxTime, groups, logrank: logRank(counts), pairwise, rmst, incidence: null, bands, excluded, warnings, sql };
}

/** An empty or degenerate Kaplan-Meier answer, said in words (also read by value at risk and Cox). */
export function survivalWarnings(spec: Pick<SurvivalSpec, 'group' | 'event'>, groups: Pick<SurvivalGroup, 'name' | 'n' | 'events'>[], excluded: SurvivalResult['excluded']): AnalysisWarning[] {
  const n = groups.reduce((s, g) => s + g.n, 0);
  const out: AnalysisWarning[] = [];
  if (!n) {
    const left = excluded.missingTime + excluded.negativeTime + excluded.missingGroup;
    if (!left) out.push(warning('survival.filterKeepsNone', 'No row passes the filter: there is nothing to analyse'));
    else out.push(warning('survival.noRows', `No row is analysed: ${left} rows were left out for a missing or negative time or an empty group`, { excluded: left }));
    return out;
  }
  const events = groups.reduce((s, g) => s + g.events, 0);
  if (!events && spec.event) {
    const what = eventText(spec.event);
    out.push(warning('survival.noEvents', `None of the ${n} analysed rows is an event (${what}): every curve stays at 100%`, { n, event: what }));
  } else if (!events) {
    out.push(warning('survival.noEndDates', `None of the ${n} analysed rows has an end date: nobody has left, every curve stays at 100%`, { n }));
  }
  if (spec.group && groups.length === 1) {
    out.push(warning('survival.singleGroup', `Column "${spec.group}" has one value ("${groups[0].name}") in the analysed rows: there is nothing to compare`, { column: spec.group, value: String(groups[0].name) }));
  }
  return out;
}
