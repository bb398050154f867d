import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { qf, qi } from '../../engine/sqlQuote';
import { newInternalTable } from '../../engine/internalTables';
import { guardFragments } from '../../engine/guard';
import { TenureError } from '../../errors';
import { readableEngineMessage, withoutLineSnippet } from '../../engine/engineError';
import { parseParetoSpec, type ParetoSpec, type ParetoSpecInput } from './spec';
import { binsSql, classesSql, describeSql, groupsSql, probeSql, rankedSql, summarySql } from './sql';
import { buildResult, type RawBin, type RawClass, type RawGroup, type RawProbe, type RawSummary } from './stats';
import { chooseMode, modeFromType, type TypedValue, type ValueMode } from './valueMode';
import { quickMode, sortedPareto } from './sorted';
import { requireGroupCount } from './groupCount';
import type { ParetoResult } from './types';

/** The SQL type of the value: integer / decimal (settled) or float (needs the probe); else the user's error. */
async function valueType(engine: QueryEngine, spec: ParetoSpec): Promise<TypedValue> {
  const cols = toRows<{ column_name: string; column_type: string }>(await describeOrExplain(engine, spec));
  const vType = cols.find((c) => c.column_name === 'v')?.column_type ?? 'NULL';
  const typed = modeFromType(vType);
  if (typed === null) {
    const what = spec.value.kind === 'column' ? spec.value.column : spec.value.sql;
    throw new TenureError('pareto.valueNotNumeric', `The value ${what} is ${vType}, not a number (convert it, e.g. TRY_CAST(trim(x) AS DOUBLE))`, {
      column: spec.value.kind === 'column' ? spec.value.column : undefined,
      params: { type: vType },
    });
  }
  return typed;
}

/** Decide how values become exact integer units: from the SQL type, else by probing the decimals of every row. */
export async function resolveValueMode(engine: QueryEngine, spec: ParetoSpec): Promise<{ mode: ValueMode; probe: RawProbe }> {
  return fullProbe(engine, spec, await valueType(engine, spec));
}

async function fullProbe(engine: QueryEngine, spec: ParetoSpec, typed: TypedValue): Promise<{ mode: ValueMode; probe: RawProbe }> {
  const probeRow = toRows<RawProbe & { max_abs: number | null; sum_abs: number | null; min_scale?: number | null; not_finite: number }>(
    await engine.query(probeSql(spec, typed === 'float')),
  )[0];
  // A value expression such as x / 0 gives ±infinity or NaN: no share of such a total means anything.
  if (probeRow.not_finite > 0) {
    const what = spec.value.kind === 'column' ? spec.value.column : spec.value.sql;
    throw new TenureError('pareto.notFinite', `${probeRow.not_finite} values of ${what} are infinite or not a number (a division by zero?)`, {
      column: spec.value.kind === 'column' ? spec.value.column : undefined,
      params: { count: probeRow.not_finite, value: what },
    });
  }
  const mode = chooseMode(typed, { minScale: probeRow.min_scale ?? null, maxAbs: probeRow.max_abs, sumAbs: probeRow.sum_abs });
  return { mode, probe: { rows: probeRow.rows, null_ids: probeRow.null_ids, null_values: probeRow.null_values } };
}

/**
 * The DESCRIBE of the source, or an error that names what the user wrote (the value expression or
 * the filter) with DuckDB's reason, never the internal DESCRIBE statement.
 */
async function describeOrExplain(engine: QueryEngine, spec: ParetoSpec) {
  try {
    return await engine.query(describeSql(spec));
  } catch (err) {
    const reason = withoutLineSnippet(readableEngineMessage(err instanceof Error ? err.message : String(err)));
    if (spec.value.kind === 'expr') {
      const valueOnly = await engine.query(`DESCRIBE SELECT ${qf(spec.value.sql)} AS v FROM ${qi(spec.table)}`).then(() => true, () => false);
      if (!valueOnly) throw new TenureError('pareto.valueExpr', `The value expression ${spec.value.sql} cannot be computed: ${reason}`, { params: { expr: spec.value.sql, reason } });
    }
    if (spec.where?.trim()) throw new TenureError('pareto.filter', `The filter ${spec.where} cannot be applied: ${reason}`, { params: { where: spec.where, reason } });
    throw new Error(reason); // DuckDB's own words (an engine error), without the DESCRIBE snippet
  }
}

/**
 * "Each row is a customer" numbers rows by DuckDB's rowid, which only stored tables have: a view (a
 * Parquet folder read in place, a table of an opened .duckdb file) gets a clear error, not a binder error.
 */
async function requireRowIds(engine: QueryEngine, table: string): Promise<void> {
  const ok = await engine.query(`SELECT rowid FROM ${qi(table)} LIMIT 0`).then(() => true, () => false);
  if (!ok) {
    throw new TenureError('pareto.rowIdNeedsTable', `${table} is a view (read in place), so its rows have no fixed numbers: choose a customer id column, or save it as a table first (CREATE TABLE … AS SELECT * FROM …)`, {
      params: { table },
    });
  }
}

/**
 * Run the Pareto analysis. Exact values (integers, decimals, floats with a bounded number of decimal
 * places) take the sorted-table path (sorted.ts); the float fallback ranks customers in one window
 * query materialised in a temporary table. Either way only small results reach JS (≤ bins rows for
 * the curve, however many customers there are).
 */
export async function computePareto(engine: QueryEngine, input: ParetoSpecInput): Promise<ParetoResult> {
  const spec = parseParetoSpec(input);
  try {
    await guardFragments(engine, qi(spec.table), [{ field: 'where', sql: spec.where }, { field: 'value.sql', sql: spec.value.kind === 'expr' ? spec.value.sql : null }]);
  } catch (err) {
    // A fragment DuckDB cannot parse or bind: say it in Pareto's own words (what the user wrote + DuckDB's reason).
    const e = err as TenureError;
    if (e.code !== 'analysis.sqlInvalid') throw err;
    const reason = String(e.params?.detail ?? e.message);
    if (e.params?.field === 'value.sql' && spec.value.kind === 'expr') {
      throw new TenureError('pareto.valueExpr', `The value expression ${spec.value.sql} cannot be computed: ${reason}`, { params: { expr: spec.value.sql, reason } });
    }
    throw new TenureError('pareto.filter', `The filter ${spec.where} cannot be applied: ${reason}`, { params: { where: spec.where, reason } });
  }
  if (spec.customer === null) await requireRowIds(engine, spec.table);
  const typed = await valueType(engine, spec);
  // Fast and exact: a sampled scale proved in one scan, customers summed and sorted once (sorted.ts).
  const quick = await quickMode(engine, spec, typed);
  if (quick) {
    const raw = await sortedPareto(engine, spec, quick);
    return buildResult({ probe: quick.probe, ...raw }, { mode: raw.mode, a: spec.a, b: spec.b, sql: referenceSql(spec, raw.mode), group: spec.group });
  }
  // Otherwise the full per-row probe (infinite values, more decimals than the sample showed, the float fallback).
  const { mode, probe } = await fullProbe(engine, spec, typed);
  if (mode.exact) {
    const raw = await sortedPareto(engine, spec, { mode, probe, sumAbs: Infinity });
    return buildResult({ probe, ...raw }, { mode: raw.mode, a: spec.a, b: spec.b, sql: referenceSql(spec, raw.mode), group: spec.group });
  }
  const ranked = rankedSql(spec, mode);
  const tmp = qi(newInternalTable('pareto'));
  const stmts = { summary: summarySql(tmp, spec, mode), classes: classesSql(tmp), groups: groupsSql(tmp), bins: binsSql(tmp, spec.chart.bins) };
  await engine.query(`CREATE TEMP TABLE ${tmp} AS ${ranked}`);
  try {
    if (spec.group) await requireGroupCount(engine, tmp, spec.group);
    const summary = toRows<RawSummary>(await engine.query(stmts.summary))[0];
    const classes = toRows<RawClass>(await engine.query(stmts.classes));
    const groups = spec.group ? toRows<RawGroup>(await engine.query(stmts.groups)) : [];
    const bins = toRows<RawBin>(await engine.query(stmts.bins));
    return buildResult({ probe, summary, classes, groups, bins }, { mode, a: spec.a, b: spec.b, sql: referenceSql(spec, mode), group: spec.group });
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${tmp}`).catch(() => undefined);
  }
}

/**
 * The SQL shown with a result ("Show SQL"): the window formulation over one ranked relation, which a
 * user can run in the SQL editor and which gives the same numbers as the sorted-table path.
 */
function referenceSql(spec: ParetoSpec, mode: ValueMode): string {
  const rel = '__pareto_ranked';
  const stmts = [`CREATE TEMP TABLE ${rel} AS\n${rankedSql(spec, mode)}`, summarySql(rel, spec, mode), classesSql(rel), ...(spec.group ? [groupsSql(rel)] : []), binsSql(rel, spec.chart.bins)];
  return stmts.join(';\n\n') + ';';
}
