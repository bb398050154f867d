import { qf, qi, ql, qn } from '../../engine/sqlQuote';
import type { QuadrantSpec } from './spec';

/**
 * Spec → SQL. Every statistic that touches rows runs in DuckDB; TypeScript only combines the
 * small per-driver results (crosshairs, zones, the regression solve, percentiles).
 *
 * Missing values: a driver's "not applicable" codes and SQL NULL become NULL. Performance and the
 * Pearson/Spearman/stated importance use each driver's own valid rows (pairwise deletion: rating and
 * outcome both present). Regression needs one complete matrix, so it uses listwise deletion: only rows
 * where every driver and the outcome are present.
 */

/** How the outcome column is read (resolved from its DuckDB type by compute.ts). */
export type OutcomeKind = 'numeric' | 'boolean' | 'text';

export interface SqlContext {
  spec: QuadrantSpec;
  outcomeKind: OutcomeKind | null;
}

/** Aliases of the base query's columns: x<i> rating, z<i> stated importance, y outcome, sk segment. */
export const xCol = (i: number): string => `x${i}`;
export const zCol = (i: number): string => `z${i}`;

/** Rating (or stated-importance) column as DOUBLE with the not-applicable codes turned into NULL. */
export function ratingExpr(column: string, missing: readonly (number | string)[]): string {
  const c = qi(column);
  const nums = missing.filter((m): m is number => typeof m === 'number');
  const strs = missing.filter((m): m is string => typeof m === 'string');
  const conds: string[] = [];
  // Driver columns are numeric (checked in columns.ts): plain comparisons, no casts per row.
  // NULLIF for the common single code is the cheapest form (measured on 1M rows × 20 drivers).
  if (nums.length === 1 && !strs.length) return `CAST(NULLIF(${c}, ${qn(nums[0])}) AS DOUBLE)`;
  if (nums.length) conds.push(`${c} IN (${nums.map(qn).join(', ')})`);
  if (strs.length) conds.push(`CAST(${c} AS VARCHAR) IN (${strs.map(ql).join(', ')})`);
  return conds.length ? `CASE WHEN ${conds.join(' OR ')} THEN NULL ELSE CAST(${c} AS DOUBLE) END` : `CAST(${c} AS DOUBLE)`;
}

/** The outcome as a number: 1/0 against the positive value, or the column itself; negated if inverted. */
export function outcomeExpr(spec: QuadrantSpec, kind: OutcomeKind | null): string | null {
  const o = spec.outcome;
  if (!o || !kind) return null;
  const c = qi(o.column);
  const cond = positiveCond(spec, kind);
  const e = cond === null ? `CAST(${c} AS DOUBLE)` : `CASE WHEN ${c} IS NULL THEN NULL WHEN ${cond} THEN 1.0 ELSE 0.0 END`;
  return o.invert ? `-(${e})` : e;
}

/** Does the outcome hold the value that means 1? Null without such a value (the column is used as is). */
export function positiveCond(spec: QuadrantSpec, kind: OutcomeKind): string | null {
  const o = spec.outcome;
  if (!o || o.positive === undefined) return null;
  const c = qi(o.column);
  const num = typeof o.positive === 'boolean' ? Number(o.positive) : Number(o.positive);
  const numeric = kind !== 'text' && (typeof o.positive !== 'string' || (o.positive.trim() !== '' && Number.isFinite(num)));
  return numeric ? `CAST(${c} AS DOUBLE) = ${qn(num)}` : `CAST(${c} AS VARCHAR) = ${ql(String(o.positive))}`;
}

function missingOf(spec: QuadrantSpec, i: number): readonly (number | string)[] {
  return spec.drivers[i].missing ?? spec.missing;
}

/** One row per respondent with the analysis columns only (the user's WHERE in parentheses). */
export function baseSql(ctx: SqlContext, opts: { rowId?: boolean } = {}): string {
  const { spec } = ctx;
  const cols: string[] = [];
  if (opts.rowId) cols.push('rowid AS rid');
  cols.push(spec.segment ? `CAST(${qi(spec.segment)} AS VARCHAR) AS sk` : 'NULL::VARCHAR AS sk');
  spec.drivers.forEach((d, i) => cols.push(`${ratingExpr(d.column, missingOf(spec, i))} AS ${xCol(i)}`));
  const y = outcomeExpr(spec, ctx.outcomeKind);
  cols.push(`${y ?? 'NULL::DOUBLE'} AS y`);
  if (spec.importance === 'stated') {
    spec.drivers.forEach((d, i) => cols.push(`${ratingExpr(d.importanceColumn!, missingOf(spec, i))} AS ${zCol(i)}`));
  }
  const where = spec.where?.trim() ? ` WHERE ${qf(spec.where)}` : '';
  return `SELECT ${cols.join(', ')} FROM ${qi(spec.table)}${where}`;
}

/**
 * `overall` (1 = all rows, 0 = one segment) and `sk`, grouped with GROUPING SETS so the overall
 * result and every segment come from one scan. Rows with a NULL segment count only in the overall.
 */
export function groupClauses(spec: QuadrantSpec, extraKeys: string[] = []): { select: string; groupBy: string; having: string } {
  const extra = extraKeys.join(', ');
  if (!spec.segment) {
    return { select: `1 AS overall, NULL::VARCHAR AS sk${extra ? ', ' + extra : ''}`, groupBy: extra ? `GROUP BY ${extra}` : '', having: '' };
  }
  const sets = extra ? `(${extra}), (sk, ${extra})` : '(), (sk)';
  return {
    select: `grouping(sk) AS overall, sk${extra ? ', ' + extra : ''}`,
    groupBy: `GROUP BY GROUPING SETS (${sets})`,
    having: 'HAVING grouping(sk) = 1 OR sk IS NOT NULL',
  };
}

/**
 * Per driver (suffix i): n, mean, sd (n − 1), min, max of the valid ratings; ni = rows with rating and
 * importance input; imp = Pearson r (DuckDB corr skips a pair when either side is NULL) or the mean
 * stated importance. Spearman and regression importance come from their own queries.
 */
export function summarySql(ctx: SqlContext): string {
  const { spec } = ctx;
  const g = groupClauses(spec);
  const aggs = ['count(*) AS n_rows'];
  const scale = spec.crosshair.type === 'midpoint' && !spec.crosshair.scale;
  spec.drivers.forEach((_, i) => {
    const x = xCol(i);
    aggs.push(`count(${x}) AS n${i}`, `avg(${x}) AS perf${i}`, `stddev_samp(${x}) AS sd${i}`);
    // The observed scale is needed only for a midpoint crosshair without a given scale.
    if (scale) aggs.push(`min(${x}) AS min${i}`, `max(${x}) AS max${i}`);
    if (spec.importance === 'stated') {
      aggs.push(`count(${zCol(i)}) AS ni${i}`, `avg(${zCol(i)}) AS imp${i}`);
      if (scale) aggs.push(`min(${zCol(i)}) AS zmin${i}`, `max(${zCol(i)}) AS zmax${i}`);
    } else {
      // Pairs with both values: x + y is NULL when either is (cheaper than a FILTER clause).
      aggs.push(`count(${x} + y) AS ni${i}`);
      if (spec.importance === 'pearson') aggs.push(`corr(${x}, y) AS imp${i}`);
    }
  });
  return `SELECT ${g.select}, ${aggs.join(', ')} FROM (${baseSql(ctx)}) b ${g.groupBy} ${g.having} ORDER BY overall DESC, sk`;
}

/**
 * Counts per distinct (driver k, rating, outcome) over the pairwise-complete rows (`replicate`: summed
 * bootstrap weights w per replicate b instead of counts). One scan: each row is unnested into one
 * (k, x) row per driver. Ratings have few distinct values, so what follows runs over a handful of
 * rows per driver instead of every respondent.
 */
function pairsCte(ctx: SqlContext, replicate: boolean): { sql: string; part: string; keys: string[] } {
  const keys = replicate ? ['b'] : [];
  const p = ctx.spec.drivers.length;
  const g = groupClauses(ctx.spec, ['k', ...keys, 'x', 'y']);
  const c = replicate ? 'sum(w)' : 'count(*)';
  const xs = ctx.spec.drivers.map((_, i) => xCol(i)).join(', ');
  const long = `SELECT ${keys.map((k) => k + ', ').join('')}sk, unnest(range(${p})) AS k, unnest([${xs}]) AS x, y${replicate ? ', w' : ''} FROM src WHERE y IS NOT NULL`;
  return {
    sql: `SELECT ${g.select}, ${c}::DOUBLE AS c FROM (${long}) WHERE x IS NOT NULL ${g.groupBy} ${g.having}`,
    part: ['k', 'overall', 'sk', ...keys].join(', '),
    keys,
  };
}

/**
 * Spearman rho per driver, as scipy: Pearson r of average ranks (ties share the mean of their
 * positions) over the pairwise-complete rows, ranked with window functions over the pair counts.
 * A value group occupying positions cum−c+1..cum gets rank cum − (c − 1)/2; both rank means are
 * (n + 1)/2, so the sums below are centred exactly. `source` is a query with columns sk, x<i>, y
 * (and b, w when `replicate`: bootstrap weights, see bootstrapSql.ts).
 */
export function spearmanSql(ctx: SqlContext, source: string, opts: { replicate?: boolean } = {}): string {
  const { sql: pairs, part, keys } = pairsCte(ctx, !!opts.replicate);
  const joinOn = (t: string) => ['k', 'overall', ...keys].map((k) => `p.${k} = ${t}.${k}`).concat(`p.sk IS NOT DISTINCT FROM ${t}.sk`).join(' AND ');
  const ranks = (v: string) =>
    `SELECT ${part}, ${v}, sum(c) OVER (PARTITION BY ${part} ORDER BY ${v} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - (c - 1) / 2.0 AS r FROM (SELECT ${part}, ${v}, sum(c) AS c FROM pairs GROUP BY ALL)`;
  return `WITH src AS (${source}),
pairs AS (${pairs}),
nn AS (SELECT ${part}, sum(c) AS n FROM pairs GROUP BY ALL),
rx AS (${ranks('x')}),
ry AS (${ranks('y')}),
j AS (SELECT p.${part.split(', ').join(', p.')}, p.c, rx.r - (nn.n + 1) / 2.0 AS dx, ry.r - (nn.n + 1) / 2.0 AS dy
      FROM pairs p JOIN nn ON ${joinOn('nn')} JOIN rx ON ${joinOn('rx')} AND p.x = rx.x JOIN ry ON ${joinOn('ry')} AND p.y = ry.y)
SELECT ${part}, sum(c) AS n, sum(c * dx * dy) / NULLIF(sqrt(sum(c * dx * dx) * sum(c * dy * dy)), 0) AS imp
FROM j GROUP BY ALL ORDER BY ${part}`;
}

/** Weighted Pearson r per driver from the pair counts (two-pass: means first, then centred sums). */
export function weightedPearsonSql(ctx: SqlContext, source: string, opts: { replicate?: boolean } = {}): string {
  const { sql: pairs, part } = pairsCte(ctx, !!opts.replicate);
  return `WITH src AS (${source}),
pairs AS (${pairs}),
m AS (SELECT *, sum(c * x) OVER g / sum(c) OVER g AS mx, sum(c * y) OVER g / sum(c) OVER g AS my FROM pairs WINDOW g AS (PARTITION BY ${part}))
SELECT ${part}, sum(c) AS n, sum(c * (x - mx) * (y - my)) / NULLIF(sqrt(sum(c * (x - mx) * (x - mx)) * sum(c * (y - my) * (y - my))), 0) AS imp
FROM m GROUP BY ALL ORDER BY ${part}`;
}

/**
 * Regression input: the correlation matrix of the drivers and the outcome over the complete rows
 * (listwise deletion), one row per group. c_i_j = corr(x_i, x_j), cy_i = corr(x_i, y).
 */
export function regressionSql(ctx: SqlContext): string {
  const { spec } = ctx;
  const g = groupClauses(spec);
  const p = spec.drivers.length;
  const aggs = ['count(*) AS n'];
  for (let i = 0; i < p; i++) {
    aggs.push(`corr(${xCol(i)}, y) AS cy_${i}`);
    for (let j = i + 1; j < p; j++) aggs.push(`corr(${xCol(i)}, ${xCol(j)}) AS c_${i}_${j}`);
  }
  const complete = [...spec.drivers.map((_, i) => `${xCol(i)} IS NOT NULL`), 'y IS NOT NULL'].join(' AND ');
  return `SELECT ${g.select}, ${aggs.join(', ')} FROM (${baseSql(ctx)}) b WHERE ${complete} ${g.groupBy} ${g.having} ORDER BY overall DESC, sk`;
}
