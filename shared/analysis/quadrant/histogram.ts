import { qf, qi } from '../../engine/sqlQuote';
import type { SqlContext } from './sql';
import { positiveCond } from './sql';

/**
 * The fast path for integer ratings (what survey exports hold): one count per distinct (rating,
 * outcome) pair of each driver, grouped on the raw columns so DuckDB can use its perfect-hash
 * aggregate, instead of per-row DOUBLE casts feeding Welford updates of avg, stddev and corr. Every
 * statistic of the summary (n, mean, sd, min, max, pairs, Pearson r, Spearman rho) then follows in
 * TypeScript from exact integer sums over a few dozen cells per driver (BigInt, one rounding at the
 * end), so the numbers equal the SQL path's to the last bits or better. Used when every driver is an
 * integer column with a bounded range and the outcome is 0/1 (a positive value or a boolean column) or
 * an integer column; otherwise (stated importance, regression, segments, DOUBLE ratings) the
 * summary SQL runs as before.
 */

type Row = Record<string, number | string | boolean | null>;

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;
/** Largest |value| a rating or outcome may hold here: its square times a count stays exact in BigInt and it is exact as a double. */
const MAX_ABS = 2 ** 31;
/** Most (driver, rating, outcome) cells the histogram may return (bounded before it runs). */
export const MAX_CELLS = 100_000;

/** How the outcome key of the histogram is read: 0/1 from a condition or a boolean, or an integer column. */
interface Plan {
  y: string;
  /** The outcome is an integer column whose range must be bounded first. */
  boundY: boolean;
}

/** Whether the histogram path applies to this spec and these column types (no query yet). */
export function histogramPlan(ctx: SqlContext, types: ReadonlyMap<string, string>): Plan | null {
  const { spec, outcomeKind } = ctx;
  if ((spec.importance !== 'pearson' && spec.importance !== 'spearman') || spec.segment || spec.bootstrap || !spec.outcome || !outcomeKind) return null;
  if (!spec.drivers.every((d) => INTEGER.test(types.get(d.column) ?? ''))) return null;
  const cond = positiveCond(spec, outcomeKind);
  if (cond !== null) return { y: `(${cond})`, boundY: false };
  if (outcomeKind === 'boolean') return { y: qi(spec.outcome.column), boundY: false };
  if (INTEGER.test(types.get(spec.outcome.column) ?? '')) return { y: qi(spec.outcome.column), boundY: true };
  return null;
}

/**
 * The ranges from DuckDB's own column statistics (`stats()`: the min/max its optimizer relies on, kept
 * conservative through updates and deletes), read without a scan. Null when a column has none (a view).
 */
export function statsSql(ctx: SqlContext, plan: Plan): string {
  const cols = ctx.spec.drivers.map((d, i) => `stats(${qi(d.column)}) AS s${i}`);
  if (plan.boundY) cols.push(`stats(${plan.y}) AS sy`);
  return `SELECT ${cols.join(', ')} FROM ${qi(ctx.spec.table)} LIMIT 1`;
}

/** statsSql's text ("[Min: 1, Max: 5][Has Null: …]") as rangeSql's row; null if any column lacks integer bounds. */
export function rangesFromStats(ctx: SqlContext, plan: Plan, r: Row | undefined): Row | null {
  if (!r) return null;
  const out: Row = {};
  const read = (text: unknown, lo: string, hi: string): boolean => {
    const m = /^\[Min: (-?\d+), Max: (-?\d+)\]/.exec(String(text ?? ''));
    if (!m) return false;
    out[lo] = Number(m[1]);
    out[hi] = Number(m[2]);
    return true;
  };
  for (let i = 0; i < ctx.spec.drivers.length; i++) if (!read(r[`s${i}`], `lo${i}`, `hi${i}`)) return null;
  if (plan.boundY && !read(r.sy, 'ylo', 'yhi')) return null;
  return out;
}

/** One scan of the table for the ranges that bound the histogram's size (no filter: a superset). */
export function rangeSql(ctx: SqlContext, plan: Plan): string {
  const cols = ctx.spec.drivers.map((d, i) => `min(${qi(d.column)}) AS lo${i}, max(${qi(d.column)}) AS hi${i}`);
  if (plan.boundY) cols.push(`min(${plan.y}) AS ylo, max(${plan.y}) AS yhi`);
  return `SELECT ${cols.join(', ')} FROM ${qi(ctx.spec.table)}`;
}

/** Whether the ranges keep the histogram small and its sums exact. */
export function rangesFit(ctx: SqlContext, plan: Plan, r: Row): boolean {
  const span = (lo: unknown, hi: unknown): number | null => {
    if (lo === null || hi === null) return 0;
    const a = Number(lo);
    const b = Number(hi);
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a) > MAX_ABS || Math.abs(b) > MAX_ABS) return null;
    return b - a + 1;
  };
  // + 1: the NULL key of each side.
  const ys = plan.boundY ? span(r.ylo, r.yhi) : 2;
  if (ys === null) return false;
  let cells = 0;
  for (let i = 0; i < ctx.spec.drivers.length; i++) {
    const xs = span(r[`lo${i}`], r[`hi${i}`]);
    if (xs === null) return false;
    cells += (xs + 1) * (ys + 1);
  }
  return cells <= MAX_CELLS;
}

/** Counts per (driver k, raw rating x, outcome y) over the filtered rows: one aggregate per driver on two raw columns. */
export function histogramSql(ctx: SqlContext, plan: Plan): string {
  const { spec } = ctx;
  const where = spec.where?.trim() ? ` WHERE ${qf(spec.where)}` : '';
  return spec.drivers
    .map((d, i) => `SELECT ${i} AS k, ${qi(d.column)} AS x, ${plan.y} AS y, count(*) AS c FROM ${qi(spec.table)}${where} GROUP BY ALL`)
    .join('\nUNION ALL\n');
}

interface Cell {
  x: bigint | null;
  y: bigint | null;
  c: bigint;
}

/** A rating the driver's "not applicable" codes (or NULL) leave out: SQL's `c IN (codes)` / `CAST(c AS VARCHAR) IN (…)`. */
function notApplicable(x: bigint, codes: readonly (number | string)[]): boolean {
  return codes.some((m) => (typeof m === 'number' ? Number.isInteger(m) && BigInt(m) === x : m === x.toString()));
}

const big = (v: unknown): bigint | null => (v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? 1n : 0n) : BigInt(Number(v)));

/** n·Σv² − (Σv)² etc. as a double: exact integers, one rounding. */
const dbl = (v: bigint): number => Number(v);

/** r from exact centred sums: cov / √(var_x · var_y); null when either side does not vary. */
function ratio(sxy: bigint, sxx: bigint, syy: bigint): number | null {
  if (sxx <= 0n || syy <= 0n) return null;
  return dbl(sxy) / (Math.sqrt(dbl(sxx)) * Math.sqrt(dbl(syy)));
}

/** Spearman rho over pair cells: Pearson r of average ranks, in doubled ranks so every sum is an integer. */
function spearman(pairs: Cell[]): number | null {
  const n = pairs.reduce((s, p) => s + p.c, 0n);
  const ranks = (key: 'x' | 'y'): Map<bigint, bigint> => {
    const counts = new Map<bigint, bigint>();
    for (const p of pairs) counts.set(p[key]!, (counts.get(p[key]!) ?? 0n) + p.c);
    const out = new Map<bigint, bigint>();
    let cum = 0n;
    for (const v of [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const c = counts.get(v)!;
      cum += c;
      // 2 × (average rank − mean rank) = 2·cum − c + 1 − (n + 1).
      out.set(v, 2n * cum - c - n);
    }
    return out;
  };
  const rx = ranks('x');
  const ry = ranks('y');
  let sxy = 0n;
  let sxx = 0n;
  let syy = 0n;
  for (const p of pairs) {
    const dx = rx.get(p.x!)!;
    const dy = ry.get(p.y!)!;
    sxy += p.c * dx * dy;
    sxx += p.c * dx * dx;
    syy += p.c * dy * dy;
  }
  return ratio(sxy, sxx, syy);
}

/**
 * The summary row (the same columns summarySql returns, overall only) from the histogram:
 * n_rows, and per driver n, perf, sd, min, max, ni, imp (Pearson r or Spearman rho).
 */
export function summaryFromHistogram(ctx: SqlContext, rows: Row[]): Row {
  const { spec } = ctx;
  const invert = spec.outcome?.invert ? -1n : 1n;
  const byDriver: Cell[][] = spec.drivers.map(() => []);
  for (const r of rows) {
    const y = big(r.y);
    byDriver[Number(r.k)].push({ x: big(r.x), y: y === null ? null : y * invert, c: big(r.c)! });
  }
  // y_hits: rows whose outcome key is true (the positive value), from the first driver's cells (every row is in them).
  const hits = rows.filter((r) => Number(r.k) === 0 && r.y === true).reduce((s, r) => s + Number(r.c), 0);
  const out: Row = { overall: 1, sk: null, n_rows: dbl(byDriver[0].reduce((s, p) => s + p.c, 0n)), y_hits: hits };
  byDriver.forEach((cells, i) => {
    const codes = spec.drivers[i].missing ?? spec.missing;
    const valid = cells.filter((p) => p.x !== null && !notApplicable(p.x, codes));
    let n = 0n;
    let sx = 0n;
    let sxx = 0n;
    for (const p of valid) {
      n += p.c;
      sx += p.c * p.x!;
      sxx += p.c * p.x! * p.x!;
    }
    out[`n${i}`] = dbl(n);
    out[`perf${i}`] = n > 0n ? dbl(sx) / dbl(n) : null;
    out[`sd${i}`] = n > 1n ? Math.sqrt(dbl(n * sxx - sx * sx) / dbl(n * (n - 1n))) : null;
    const xs = valid.map((p) => p.x!);
    out[`min${i}`] = xs.length ? dbl(xs.reduce((a, b) => (b < a ? b : a))) : null;
    out[`max${i}`] = xs.length ? dbl(xs.reduce((a, b) => (b > a ? b : a))) : null;
    const pairs = valid.filter((p) => p.y !== null);
    let m = 0n;
    let px = 0n;
    let py = 0n;
    let pxx = 0n;
    let pyy = 0n;
    let pxy = 0n;
    for (const p of pairs) {
      m += p.c;
      px += p.c * p.x!;
      py += p.c * p.y!;
      pxx += p.c * p.x! * p.x!;
      pyy += p.c * p.y! * p.y!;
      pxy += p.c * p.x! * p.y!;
    }
    out[`ni${i}`] = dbl(m);
    if (spec.importance === 'spearman') out[`imp${i}`] = m > 0n ? spearman(pairs) : null;
    else out[`imp${i}`] = m > 0n ? ratio(m * pxy - px * py, m * pxx - px * px, m * pyy - py * py) : null;
  });
  return out;
}
