import type { QueryEngine } from '../../engine/QueryEngine';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { TenureError, asTenureError } from '../../errors';
import { columnTypes, requireColumns } from './columns';
import { defaultHazardWidth, defaultHorizons } from './defaults';
import { hazardTable, kaplanMeier, medianSurvival, restrictedMean, survivalAt, type AtTime, type HazardInterval, type KmStep, type TimeCounts } from './km';
import { logRank, type LogRankResult } from './logrank';
import { parseSurvivalSpec, type SurvivalSpec } from './spec';
import { fromClause, survivalSql } from './sql';

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
  /** Rows left out: no usable time, a negative time (end before start), or an empty group. */
  excluded: { missingTime: number; negativeTime: number; missingGroup: number };
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
  if (spec.groupFrom) requireColumns(await columnTypes(engine, spec.groupFrom.table), spec.groupFrom.table, [spec.groupFrom.key, spec.group]);
  await guardFragments(engine, fromClause(spec), [{ field: 'where', sql: spec.where }]);
  const sql = survivalSql(spec, types);
  let rows: CountRow[];
  try {
    rows = toRows<CountRow>(await engine.query(sql));
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
  return fromCounts(spec, rows, sql);
}

function groupName(g: unknown): string {
  if (g instanceof Date) return g.toISOString().slice(0, 10);
  return String(g);
}

/** Build the result from the (group, time) aggregates; exported for tests that feed counts directly. */
export function fromCounts(spec: SurvivalSpec, rows: CountRow[], sql = ''): SurvivalResult {
  const excluded = { missingTime: 0, negativeTime: 0, missingGroup: 0 };
  const byGroup = new Map<string | null, TimeCounts[]>();
  for (const r of rows) {
    const n = r.d + r.c;
    if (r.t === null || Number.isNaN(r.t)) excluded.missingTime += n;
    else if (r.t < 0) excluded.negativeTime += n;
    else if (spec.group && (r.g === null || r.g === undefined)) excluded.missingGroup += n;
    else {
      const key = spec.group ? groupName(r.g) : null;
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
  return { spec, unit, horizons, rmeanTau, hazardWidth, maxTime, groups, logrank: logRank(counts), excluded, sql };
}
