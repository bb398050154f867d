import type { QueryEngine } from '../engine/QueryEngine';
import { aggregateRow } from './batchedAggregates';
import { toRows } from '../engine/arrowRows';
import { qi, ql } from '../engine/sqlQuote';
import type { ColumnOverride, ImportPlan, PlanColumn } from './importTypes';
import type { ExcelKind } from './excelRead';
import { flagFromRow, flagStats, idNameHint, inferFromSample, inferFull, type Detected } from './typeInference';
import { LEADING_ZERO_RE, convertExpr, isMissing, trimmed } from './valueParsing';
import { OWN_DATABASE } from './tableInfo';

/** A plan column and where its raw values sit in the staging table. */
export interface StagedColumn {
  col: PlanColumn;
  staged: string;
  /** Excel: typed cells pass through; 'text' (and every CSV column) is parsed from text. */
  kind: ExcelKind;
  /** Excel blank-string/error cells already NULL in a typed column. */
  preCoerced: number;
  /** The sample had at most two distinct values: the full data decides the flag. */
  flagCandidate?: boolean;
  /** Types measured over every row (no need to check the guess again). */
  verified?: boolean;
}

/** Apply the user's per-column choices (name, type, date style, decimal style) to a plan. */
export function applyOverrides(plan: ImportPlan, overrides: Record<number, ColumnOverride> | undefined): void {
  if (!overrides) return;
  for (const c of plan.columns) {
    const o = overrides[c.index];
    if (!o) continue;
    if (o.name?.trim()) c.name = o.name.trim();
    if (o.type) {
      c.type = o.type;
      c.userType = true;
    }
    if (o.date) c.date = o.date;
    if (o.decimal) c.decimal = o.decimal;
  }
}

/**
 * Guess the types of the text columns the user has not typed from the first rows (cheap); the
 * import verifies the guesses after converting (checkGuesses) and re-measures only failures.
 */
export async function detectStagedTypes(engine: QueryEngine, staging: string, cols: StagedColumn[], plan: ImportPlan): Promise<void> {
  const todo = cols.filter((s) => s.kind === 'text' && !s.col.userType);
  const found = await inferFromSample(engine, qi(staging), todo.map((s) => s.staged), { decimal: plan.decimal, dateOrder: plan.dateOrder }, todo.map(label));
  for (const s of todo) {
    const d = found.get(s.staged)!;
    setDetected(s, d);
    s.flagCandidate = d.flagCandidate;
  }
}

/** The name identifier hints look at (phone, zip…): the header as written. */
export const label = (s: StagedColumn): string => s.col.source || s.col.name;

function setDetected(s: StagedColumn, d: Detected): void {
  const keepName = s.col.name;
  Object.assign(s.col, { type: d.type, decimal: d.decimal, date: d.date, ambiguousDates: d.ambiguousDates, flag: d.flag, textReason: d.textReason });
  s.col.name = keepName;
}

/** Re-detect some columns over every staged value (their sample guess did not hold). */
export async function redetectFull(engine: QueryEngine, staging: string, cols: StagedColumn[], plan: ImportPlan): Promise<void> {
  const found = await inferFull(engine, qi(staging), cols.map((s) => s.staged), { decimal: plan.decimal, dateOrder: plan.dateOrder }, cols.map(label));
  for (const s of cols) {
    setDetected(s, found.get(s.staged)!);
    s.flagCandidate = false;
    s.verified = true;
  }
}

/** The types DuckDB actually made, by column (what the Explorer shows must be what SQL sees). */
export async function madeTypes(engine: QueryEngine, table: string): Promise<Map<string, string>> {
  const sql = `SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = ${ql(table)} AND NOT internal AND ${OWN_DATABASE}`;
  return new Map(toRows<{ name: string; type: string }>(await engine.query(sql)).map((r) => [r.name, r.type]));
}

export interface GuessCheck {
  rows: number;
  /** Final NULLs per final column name. */
  nulls: Map<string, number>;
  /** DuckDB's type per final column name. */
  types: Map<string, string>;
  coercion: Map<string, { coerced: number; invalid: number }>;
  /** Sample-guessed columns the full data contradicts: re-detect them in full and convert again. */
  suspects: StagedColumn[];
}

const leadingZero = (t: string): string => `((${t} LIKE '0%' OR ${t} LIKE '-0%' OR ${t} LIKE '+0%') AND regexp_full_match(${t}, ${ql(LEADING_ZERO_RE)}))`;

/**
 * Two aggregate passes after the single conversion (CREATE TABLE AS SELECT): the final table's
 * row and NULL counts (plus the largest integer, for identifier rules), and the staging table's
 * NULL/NA counts, leading zeros, times in dates and the flag statistics. Values that did not
 * convert = final NULLs − source NULLs − NA tokens; any in a guessed column makes it a suspect.
 */
export async function checkGuesses(engine: QueryEngine, staging: string, target: string, cols: StagedColumn[]): Promise<GuessCheck> {
  const fin = cols.map((s, i) => [`count(*) - count(${qi(s.col.name)}) AS n${i}`, ...(guessed(s) && s.col.type === 'BIGINT' ? [`max(abs(${qi(s.col.name)})) AS x${i}`] : [])]).flat();
  const f = toRows<Record<string, unknown>>(await engine.query(`SELECT count(*) AS rows${fin.length ? ', ' + fin.join(', ') : ''} FROM ${qi(target)}`))[0];
  const nulls = new Map(cols.map((s, i) => [s.col.name, Number(f[`n${i}`])]));
  const types = await madeTypes(engine, target);
  const coercion = new Map<string, { coerced: number; invalid: number }>();
  for (const s of cols) if (s.kind !== 'text') coercion.set(s.col.name, { coerced: s.preCoerced, invalid: 0 });
  const aggs: string[] = [];
  const flags: { t: string; key: string }[] = [];
  cols.forEach((s, i) => {
    // A typed Excel column the user gave another type: values lost = final NULLs − source NULLs.
    if (s.kind !== 'text' && retypedCells(s)) aggs.push(`count(*) - count(${qi(s.staged)}) AS n${i}`);
    if (s.kind !== 'text') return;
    const raw = qi(s.staged);
    const t = trimmed(raw);
    // NA tokens are counted only where something became NULL (the trim is the slow part).
    const finalNulls = nulls.get(s.col.name) ?? 0;
    if (s.col.type !== 'VARCHAR') aggs.push(`count(*) - count(${raw}) AS n${i}`, finalNulls ? `count(*) FILTER (${raw} IS NOT NULL AND ${isMissing(t)}) AS m${i}` : `0 AS m${i}`);
    if (!guessed(s)) return;
    if (s.col.type === 'BIGINT' || s.col.type === 'DOUBLE') aggs.push(`count(*) FILTER (${leadingZero(raw)}) AS z${i}`);
    if (s.col.type === 'DATE') aggs.push(`count(*) FILTER (contains(${raw}, ':')) AS h${i}`);
    // A two-valued sample flag only needs "any third value?" (two comparisons); a one-valued
    // sample needs the full statistics (a second value may complete a pair).
    if (s.flagCandidate && s.col.flag && s.col.type !== 'BOOLEAN') aggs.push(`count(*) FILTER (NOT ${isMissing(raw)} AND lower(${raw}) <> ${ql(String(s.col.flag.trueValue).toLowerCase())} AND lower(${raw}) <> ${ql(String(s.col.flag.falseValue).toLowerCase())}) AS o${i}`);
    else if (s.flagCandidate && s.col.type !== 'BOOLEAN') flags.push({ t: raw, key: `_${i}` });
  });
  const suspects: StagedColumn[] = [];
  if (!aggs.length && !flags.length) return { rows: Number(f.rows), nulls, types, coercion, suspects };
  const r = { ...(await aggregateRow(engine, qi(staging), aggs)), ...(await flagStats(engine, qi(staging), flags)) };
  cols.forEach((s, i) => {
    if (s.kind !== 'text' && retypedCells(s)) {
      const invalid = Math.max(0, (nulls.get(s.col.name) ?? 0) - Number(r[`n${i}`]));
      coercion.set(s.col.name, { coerced: s.preCoerced + invalid, invalid });
    }
    if (s.kind !== 'text') return;
    if (s.col.type !== 'VARCHAR') {
      const coerced = (nulls.get(s.col.name) ?? 0) - Number(r[`n${i}`]);
      coercion.set(s.col.name, { coerced, invalid: Math.max(0, coerced - Number(r[`m${i}`])) });
    }
    if (!guessed(s)) return;
    const bad =
      (coercion.get(s.col.name)?.invalid ?? 0) > 0 ||
      Number(r[`z${i}`] ?? 0) > 0 ||
      Number(r[`h${i}`] ?? 0) > 0 ||
      (s.col.type === 'BIGINT' && bigIntegerHint(s, Number(f[`x${i}`] ?? 0)));
    if (bad) suspects.push(s);
    else if (s.flagCandidate && s.col.flag && s.col.type !== 'BOOLEAN') s.col.flag = Number(r[`o${i}`]) > 0 ? undefined : s.col.flag;
    else if (s.flagCandidate && s.col.type !== 'BOOLEAN') s.col.flag = flagFromRow(r, `_${i}`, s.col.type);
  });
  return { rows: Number(f.rows), nulls, types, coercion, suspects };
}

/** A detected (not user-typed, not yet fully measured) text column. */
export const guessed = (s: StagedColumn): boolean => s.kind === 'text' && !s.col.userType && !s.verified;

/** Integers long enough that decide()'s identifier rules (16+ digits; 5+ with a phone/zip name) may apply. */
export function bigIntegerHint(s: StagedColumn, maxAbs: number): boolean {
  return maxAbs >= 1e15 || (idNameHint(label(s)) && maxAbs >= 1e4);
}

/** The SELECT expression producing a final column from its staged raw values. */
export function finalExpr(s: StagedColumn): string {
  const raw = qi(s.staged);
  if (s.kind !== 'text' && s.col.userType && s.col.type !== excelKindType(s.kind)) return retyped(s, raw);
  return naturalExpr(s, raw);
}

/** A typed Excel cell column the user gave another type. */
const retypedCells = (s: StagedColumn): boolean => s.kind !== 'text' && !!s.col.userType && s.col.type !== excelKindType(s.kind);

/** A column whose type the user forced, with how many of its (staged) values will not convert. */
export interface ForcedType {
  index: number;
  column: string;
  type: PlanColumn['type'];
  /** Values present (not blank or NA) and, of those, values that become NULL in the chosen type. */
  present: number;
  lost: number;
}

/**
 * For every column whose type the user forced: the values that would become NULL. One batch of
 * aggregates over the staging table (the preview's sample for a CSV, the whole sheet for Excel).
 */
export async function forcedTypeLosses(engine: QueryEngine, staging: string, cols: StagedColumn[]): Promise<ForcedType[]> {
  const forced = cols.map((s, i) => ({ s, i })).filter(({ s }) => s.col.userType && s.col.type !== 'VARCHAR' && (s.kind === 'text' || retypedCells(s)));
  if (!forced.length) return [];
  const aggs = forced.flatMap(({ s, i }) => {
    const raw = qi(s.staged);
    const present = s.kind === 'text' ? `NOT ${isMissing(trimmed(raw))}` : `${raw} IS NOT NULL`;
    return [`count(*) FILTER (${present}) AS p${i}`, `count(*) FILTER (${present} AND (${finalExpr(s)}) IS NULL) AS l${i}`];
  });
  const r = await aggregateRow(engine, qi(staging), aggs);
  return forced.map(({ s, i }) => ({ index: s.col.index, column: s.col.name, type: s.col.type, present: Number(r[`p${i}`]), lost: Number(r[`l${i}`]) }));
}

/** A typed Excel cell column the user gave another type: whole numbers as text read 90003, not 90003.0. */
function retyped(s: StagedColumn, raw: string): string {
  const natural = naturalExpr(s, raw);
  if (s.col.type !== 'VARCHAR') return `TRY_CAST(${natural} AS ${s.col.type})`;
  if (s.kind === 'integer' || s.kind === 'number') {
    return `CASE WHEN ${raw} = trunc(${raw}) AND abs(${raw}) < 1e15 THEN CAST(CAST(${raw} AS BIGINT) AS VARCHAR) ELSE CAST(${raw} AS VARCHAR) END`;
  }
  return `CAST(${natural} AS VARCHAR)`;
}

function naturalExpr(s: StagedColumn, raw: string): string {
  switch (s.kind) {
    case 'text':
      return convertExpr(trimmed(raw), raw, s.col);
    case 'integer':
      return `CAST(${raw} AS BIGINT)`;
    case 'number':
      return `CAST(${raw} AS DOUBLE)`;
    case 'date':
      return `CAST(epoch_ms(CAST(${raw} AS BIGINT)) AS DATE)`;
    case 'datetime':
      return `epoch_ms(CAST(${raw} AS BIGINT))`;
    case 'boolean':
      return raw;
  }
}

export function selectList(cols: StagedColumn[]): string {
  return cols.map((s) => `${finalExpr(s)} AS ${qi(s.col.name)}`).join(', ');
}

/** Type names as DuckDB reports them for a staged Excel kind. */
export function excelKindType(kind: ExcelKind): PlanColumn['type'] {
  return ({ integer: 'BIGINT', number: 'DOUBLE', date: 'DATE', datetime: 'TIMESTAMP', boolean: 'BOOLEAN', text: 'VARCHAR' } as const)[kind];
}
