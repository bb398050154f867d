import type { Table } from 'apache-arrow';
import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { guardFragments } from '../../engine/guard';
import { qi } from '../../engine/sqlQuote';
import { asTenureError, TenureError } from '../../errors';
import { columnTypes, isNumericType, requireColumns } from '../survival/columns';
import { defaultHorizons } from '../survival/defaults';
import { fitCoxModel, predictProfile, type CovariateColumn, type CoxModel, type ProfileValue } from './model';
import { defaultReference, parseCoxSpec, profileName, type CoxSpec } from './spec';
import { eventValueWarnings } from '../survival/eventCheck';
import type { AnalysisWarning } from '../warnings';
import { coxCountsSql, coxDataSql, coxLevelsSql, coxSource, type CovariateKind } from './sql';

/** A text covariate with more values than this is refused (a dummy per value would swamp the model). */
export const MAX_LEVELS = 50;

export interface CoxPrediction {
  profile: string;
  values: Record<string, ProfileValue>;
  times: number[];
  survival: number[];
}

export interface CoxResult {
  spec: CoxSpec;
  unit: string;
  model: CoxModel;
  /** Rows left out: no usable time, a negative time, or a missing covariate (per column too). */
  excluded: { missingTime: number; negativeTime: number; missingCovariate: number; byColumn: Record<string, number> };
  times: number[];
  /** Customers still at risk (time ≥ t) at each of `times`: the context of a predicted curve. */
  atRisk: number[];
  predicted: CoxPrediction[];
  maxTime: number;
  /** Doubtful inputs (an event value that never occurs). */
  warnings: AnalysisWarning[];
  sql: string;
}

function tooManyLevels(column: string, count: number): never {
  throw new TenureError('cox.tooManyLevels', `Column "${column}" has ${count} different values: too many for a Cox covariate (at most ${MAX_LEVELS}); group them first or use a number`, { column, params: { column, count, max: MAX_LEVELS } });
}

async function run(engine: QueryEngine, sql: string): Promise<Table> {
  try {
    return await engine.query(sql);
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
}

function floatColumn(t: Table, name: string): Float64Array {
  const v = t.getChild(name)!;
  const out = new Float64Array(t.numRows);
  const a = v.toArray() as ArrayLike<number>;
  for (let i = 0; i < out.length; i++) out[i] = Number(a[i]);
  return out;
}

/** Fit the Cox model of a spec on the engine: counts, levels and rows from SQL, the fit in typed arrays. */
export async function fitCoxOnEngine(engine: QueryEngine, spec: CoxSpec): Promise<{ model: CoxModel; excluded: CoxResult['excluded']; sql: string; time: Float64Array }> {
  const types = await columnTypes(engine, spec.table);
  // The filter travels in shared specs (studies, decks): checked like every analysis' SQL (engine/guard).
  await guardFragments(engine, qi(spec.table), [{ field: 'where', sql: spec.where }]);
  const tm = spec.time;
  requireColumns(types, spec.table, [tm.kind === 'duration' ? tm.column : tm.start, tm.kind === 'dates' ? tm.end : undefined, spec.event?.column, ...spec.covariates]);
  const dup = spec.covariates.find((c, i) => spec.covariates.indexOf(c) !== i);
  if (dup) throw new TenureError('cox.duplicateCovariate', `Column "${dup}" is listed twice`, { column: dup, params: { column: dup } });
  const kinds: CovariateKind[] = spec.covariates.map((column) => ({ column, numeric: isNumericType(types.get(column)!) }));
  const src = coxSource(spec, types, kinds);
  const counts = toRows<Record<string, number>>(await run(engine, coxCountsSql(src, kinds)))[0];
  const byColumn: Record<string, number> = {};
  kinds.forEach((c, k) => {
    if (counts[`m${k}`] > 0) byColumn[c.column] = counts[`m${k}`];
  });
  const excluded = { missingTime: counts.missing_time, negativeTime: counts.negative_time, missingCovariate: counts.missing_covariate, byColumn };
  // Counted before the levels are fetched: an id column as a covariate is refused without listing its values.
  kinds.forEach((c, k) => {
    if (!c.numeric && counts[`l${k}`] > MAX_LEVELS) tooManyLevels(c.column, counts[`l${k}`]);
  });
  const levels = new Map<number, string[]>();
  const lsql = coxLevelsSql(src, kinds);
  if (lsql) {
    for (const r of toRows<{ k: number; v: string; n: number }>(await run(engine, lsql))) {
      if (!levels.has(r.k)) levels.set(r.k, []);
      levels.get(r.k)!.push(String(r.v));
    }
    for (const [k, lv] of levels) {
      lv.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (lv.length > MAX_LEVELS) tooManyLevels(kinds[k].column, lv.length);
    }
  }
  const sql = coxDataSql(src, kinds, levels);
  const data = await run(engine, sql);
  const n = data.numRows;
  const time = floatColumn(data, 't');
  const ev = data.getChild('e')!.toArray() as ArrayLike<number>;
  const status = new Uint8Array(n);
  for (let i = 0; i < n; i++) status[i] = ev[i] ? 1 : 0;
  const covariates: CovariateColumn[] = kinds.map((c, k) => {
    if (c.numeric) return { column: c.column, kind: 'number', values: floatColumn(data, `c${k}`) };
    const lv = levels.get(k) ?? [];
    const codes = Int32Array.from(data.getChild(`c${k}`)!.toArray() as ArrayLike<number>);
    const reference = spec.references[c.column] ?? (lv.length ? defaultReference(lv) : '');
    return { column: c.column, kind: 'factor', levels: lv, codes, reference };
  });
  const unknownRef = Object.keys(spec.references).find((c) => !spec.covariates.includes(c));
  if (unknownRef) throw new TenureError('cox.badReference', `"${unknownRef}" is not one of the covariates`, { column: unknownRef, params: { column: unknownRef, level: spec.references[unknownRef] } });
  if (n === 0) throw new TenureError('cox.noRows', 'No row has a usable time and every covariate filled in');
  return { model: fitCoxModel({ time, status, covariates, ties: spec.ties }), excluded, sql, time };
}

/** Index of the first value ≥ t in an ascending array. */
function firstAtLeast(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Run the Cox analysis: the fit, then predicted survival for the spec's profiles. */
export async function computeCox(engine: QueryEngine, input: unknown): Promise<CoxResult> {
  const spec = parseCoxSpec(input);
  const { model, excluded, sql, time } = await fitCoxOnEngine(engine, spec);
  const warnings = spec.event ? await eventValueWarnings(engine, spec.table, await columnTypes(engine, spec.table), spec.event) : [];
  const maxTime = time[time.length - 1];
  const times = spec.times ? [...spec.times].sort((x, y) => x - y) : defaultHorizons(spec.time.unit, maxTime);
  const atRisk = times.map((t) => time.length - firstAtLeast(time, t));
  const predicted = spec.profiles.map((p) => ({ profile: profileName(p), values: p.values, times, survival: predictProfile(model, p.values, times) }));
  return { spec, unit: spec.time.unit, model, excluded, times, atRisk, predicted, maxTime, warnings, sql };
}
