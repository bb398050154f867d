import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';
import { qi, ql, qn } from '../engine/sqlQuote';
import { OWN_CATALOG } from './tableInfo';

/** What the Explorer and grid headers show for one column. */
export interface ColumnProfile {
  name: string;
  type: string;
  rows: number;
  nulls: number;
  /** Exact up to EXACT_DISTINCT_ROWS rows, a HyperLogLog estimate above (see distinctExact). */
  distinct: number;
  distinctExact: boolean;
  min: unknown;
  max: unknown;
  /** Most frequent values (text and boolean columns). */
  top: { value: unknown; count: number }[];
  /** Equal-width bins over [min, max] (numeric and date columns). */
  histogram: { from: number; to: number; count: number }[];
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/i;
const TEMPORAL = /^(DATE|TIMESTAMP.*)$/i;

export const isNumericType = (t: string): boolean => NUMERIC.test(t);
export const isTemporalType = (t: string): boolean => TEMPORAL.test(t);

/** Dates become epoch milliseconds so that bins are plain numbers. */
function asNumber(col: string, type: string): string {
  if (isTemporalType(type)) return `epoch_ms(CAST(${col} AS TIMESTAMP))`;
  return `CAST(${col} AS DOUBLE)`;
}

/** SQL: row count, NULLs, approximate distinct count, min and max of one column. */
export function summarySql(table: string, column: string, type: string): string {
  const c = qi(column);
  const minmax = isNumericType(type) || isTemporalType(type) ? `min(${asNumber(c, type)}) AS min, max(${asNumber(c, type)}) AS max` : `min(CAST(${c} AS VARCHAR)) AS min, max(CAST(${c} AS VARCHAR)) AS max`;
  return `SELECT count(*) AS rows, count(*) - count(${c}) AS nulls, approx_count_distinct(${c}) AS distinct_count, ${minmax} FROM ${qi(table)}`;
}

/** SQL: the `limit` most frequent non-NULL values (ties by value). */
export function topValuesSql(table: string, column: string, limit = 10): string {
  const c = qi(column);
  return `SELECT ${c} AS value, count(*) AS count FROM ${qi(table)} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY count DESC, value LIMIT ${qn(Math.floor(limit))}`;
}

/** SQL: `bins` equal-width bins over [lo, hi]; the maximum falls in the last bin. */
export function histogramSql(table: string, column: string, type: string, lo: number, hi: number, bins = 20): string {
  const x = asNumber(qi(column), type);
  const n = Math.max(1, Math.floor(bins));
  const width = hi > lo ? (hi - lo) / n : 1;
  return `SELECT least(${qn(n - 1)}, CAST(floor((${x} - ${qn(lo)}) / ${qn(width)}) AS INTEGER)) AS bin, count(*) AS count FROM ${qi(table)} WHERE ${qi(column)} IS NOT NULL GROUP BY bin ORDER BY bin`;
}

/** Up to this many rows the distinct count is exact (count(DISTINCT) stays fast). */
export const EXACT_DISTINCT_ROWS = 1_000_000;

/** Profile one column of a table: a few small queries. */
export async function computeColumnProfile(engine: QueryEngine, table: string, column: string, opts: { bins?: number; top?: number } = {}): Promise<ColumnProfile> {
  const info = toRows<{ data_type: string }>(
    await engine.query(`SELECT data_type FROM information_schema.columns WHERE table_name = ${ql(table)} AND column_name = ${ql(column)} AND ${OWN_CATALOG}`),
  )[0];
  if (!info) throw new Error(`No column ${column} in ${table}`);
  const type = info.data_type;
  const s = toRows<{ rows: number; nulls: number; distinct_count: number; min: unknown; max: unknown }>(await engine.query(summarySql(table, column, type)))[0];
  const profile: ColumnProfile = { name: column, type, rows: s.rows, nulls: s.nulls, distinct: s.distinct_count, distinctExact: false, min: s.min, max: s.max, top: [], histogram: [] };
  // HyperLogLog is off even for tiny sets (Telco's three contract types come back as 2): count
  // exactly when that is cheap.
  if (s.rows <= EXACT_DISTINCT_ROWS) {
    profile.distinct = Number(toRows<{ d: number }>(await engine.query(`SELECT count(DISTINCT ${qi(column)}) AS d FROM ${qi(table)}`))[0].d);
    profile.distinctExact = true;
  }
  const binned = (isNumericType(type) || isTemporalType(type)) && typeof s.min === 'number' && typeof s.max === 'number';
  if (binned) {
    const lo = s.min as number;
    const hi = s.max as number;
    const bins = opts.bins ?? 20;
    const n = hi > lo ? bins : 1;
    const width = hi > lo ? (hi - lo) / n : 1;
    const counts = new Map(toRows<{ bin: number; count: number }>(await engine.query(histogramSql(table, column, type, lo, hi, n))).map((r) => [r.bin, r.count]));
    profile.histogram = Array.from({ length: n }, (_, i) => ({ from: lo + i * width, to: i === n - 1 ? hi : lo + (i + 1) * width, count: counts.get(i) ?? 0 }));
  } else {
    profile.top = toRows<{ value: unknown; count: number }>(await engine.query(topValuesSql(table, column, opts.top ?? 10)));
  }
  return profile;
}

/** Profiles of every column of a table. */
export async function computeTableProfile(engine: QueryEngine, table: string, opts: { bins?: number; top?: number } = {}): Promise<ColumnProfile[]> {
  const cols = toRows<{ column_name: string }>(
    await engine.query(`SELECT column_name FROM information_schema.columns WHERE table_name = ${ql(table)} AND ${OWN_CATALOG} ORDER BY ordinal_position`),
  );
  const out: ColumnProfile[] = [];
  for (const c of cols) out.push(await computeColumnProfile(engine, table, c.column_name, opts));
  return out;
}
