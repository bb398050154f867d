import { qn } from '../../engine/sqlQuote';
import type { ParetoSpec } from './spec';
import { sourceSql } from './sql';
import { minScaleExpr, unitsExpr, type ValueMode } from './valueMode';

/**
 * The fast exact Pareto (see sorted.ts): one scan checks the values, one scan sums them per customer,
 * one sort ranks the customers; every statistic is then an aggregate over the sorted table (rank =
 * rowid + 1), never a window over all customers. Internal columns of the sorted table: u (the
 * customer's integer units), plus grp, ngrp when the spec has a group.
 */

/** Rows read to guess the decimal places of a floating-point value before the full check. */
export const SCALE_SAMPLE_ROWS = 4096;

/** The smallest scale at which the first SCALE_SAMPLE_ROWS used values are whole units (a guess). */
export function sampleScaleSql(spec: ParetoSpec): string {
  return `SELECT max(${minScaleExpr('v')}) AS s FROM (SELECT v FROM (${sourceSql(spec)}) WHERE cid IS NOT NULL AND v IS NOT NULL LIMIT ${SCALE_SAMPLE_ROWS})`;
}

/**
 * One scan, no grouping and no FILTER clauses: row counts, Σ|v| (bounds every sum of units) and, for
 * a float value at the guessed scale, the largest |units| and the worst distance from whole units
 * (less the relative part of passesAtScale's tolerance); quickMode accepts the scale only with a margin.
 */
export function quickProbeSql(spec: ParetoSpec, scale: number | null): string {
  const check = scale === null ? '' : `,\n  max(abs(y)) AS max_units,\n  max(abs(y - round(y)) - abs(y) * ${2 ** -46}) AS worst`;
  const y = scale === null ? '' : `, vu * ${10 ** scale} AS y`;
  return `SELECT count(*) AS rows,
  count(*) - count(cid) AS null_ids,
  count(cid) - count(vu) AS null_values,
  sum(abs(CAST(vu AS DOUBLE))) AS sum_abs${check}
FROM (SELECT cid, vu${y} FROM (SELECT cid, CASE WHEN cid IS NOT NULL THEN v END AS vu FROM (${sourceSql(spec)})))`;
}

/**
 * Per-customer units into a temp table sorted by value (desc; ties by id asc when groups need it).
 * `doubleSums`: the units are summed as doubles, exact because every partial sum stays below 2^53
 * (the caller proved Σ|units| < 2^52); otherwise DuckDB's exact HUGEINT sum. The stored units are
 * mode.int: a customer total beyond BIGINT makes the CAST fail, and the caller retries with HUGEINT.
 */
export function sortedTableSql(tmp: string, spec: ParetoSpec, mode: ValueMode & { exact: true }, doubleSums: boolean, temp = true): string {
  const unit = doubleSums && mode.kind === 'scaled' ? `round(v * ${10 ** mode.scale})` : unitsExpr(mode, 'v');
  const having = spec.keepNonPositive ? '' : `\n  HAVING sum(${unit}) > 0`;
  const grp = spec.group ? ', min(grp) AS grp, count(DISTINCT grp) AS ngrp' : '';
  // Ties never change a statistic without groups; with groups they decide who is in which class.
  const order = spec.group ? 'u DESC, cid ASC' : 'u DESC';
  // rank = rowid + 1: DuckDB keeps the insertion order of an ORDER BY (preserve_insertion_order, its
  // default, which the engines lock at start: confine.ts).
  return `CREATE ${temp ? 'TEMP ' : ''}TABLE ${tmp} AS SELECT CAST(u AS ${mode.int}) AS u${spec.group ? ', grp, ngrp' : ''} FROM (
  SELECT cid, sum(${unit}) AS u${grp}
  FROM (${sourceSql(spec)}) WHERE cid IS NOT NULL AND v IS NOT NULL
  GROUP BY cid${having}
) ORDER BY ${order}`;
}

/** The customer key's type and DuckDB's statistics of it (what its GROUP BY plans with), read without a scan. */
export function keyStatsSql(spec: ParetoSpec): string {
  return `SELECT typeof(cid) AS t, stats(cid) AS s FROM (${sourceSql(spec)}) LIMIT 1`;
}

/** Headline aggregates over the sorted table (n and k20 known). Amounts that must stay exact come as text. */
export function sortedSummarySql(tmp: string, n: number, group: boolean): string {
  const k20 = Math.ceil(n / 5);
  return `SELECT CAST(sum(u) AS VARCHAR) AS total,
  sum(u) FILTER (WHERE rowid < ${qn(k20)}) AS top20,
  sum((${qn(n - 1)} - 2 * rowid) * CAST(u AS HUGEINT)) AS gini_num,
  count(*) FILTER (WHERE u < 0) AS neg_count,
  coalesce(sum(u) FILTER (WHERE u < 0), 0) AS neg_sum,
  count(*) FILTER (WHERE u = 0) AS zero_count,
  count(*) FILTER (WHERE u > 0) AS pos_count,
  coalesce(sum(u) FILTER (WHERE u > 0), 0) AS pos_sum,
  max(u) AS max_u, min(u) AS min_u,
  ${group ? 'count(*) FILTER (WHERE ngrp > 1)' : '0'} AS multi_group
FROM ${tmp}`;
}

/** Chart bins (as binsSql) with each bin's exact sum as text; the cumulative sums are added in JS. */
export function sortedBinsSql(tmp: string, n: number, bins: number): string {
  return `SELECT rowid * ${qn(bins)} // ${qn(n)} AS bin, min(rowid) + 1 AS first, max(rowid) + 1 AS last,
  CAST(sum(u) AS VARCHAR) AS value, max(u) AS max_u, min(u) AS min_u
FROM ${tmp} GROUP BY bin ORDER BY bin`;
}

/** Customers per block when locating the exact 80% / 95% ranks: block sums, then the values of the blocks where they fall. */
export const BLOCK = 2048;

export function blockSumsSql(tmp: string): string {
  return `SELECT rowid // ${BLOCK} AS blk, CAST(sum(u) AS VARCHAR) AS s FROM ${tmp} GROUP BY blk ORDER BY blk`;
}

/** The values of the given blocks in one statement, with each value's rank − 1 (r). */
export function blocksValuesSql(tmp: string, blks: number[]): string {
  const ranges = blks.map((b) => `rowid BETWEEN ${qn(b * BLOCK)} AND ${qn(b * BLOCK + BLOCK - 1)}`);
  return `SELECT rowid AS r, CAST(u AS VARCHAR) AS u FROM ${tmp} WHERE ${ranges.join(' OR ')} ORDER BY rowid`;
}

/** Per group: size, value and class mix, classes being rank ranges (A: rank ≤ k80, B: ≤ k95). */
export function sortedGroupsSql(tmp: string, k80: number, k95: number): string {
  const conds: Record<string, string> = { A: `rowid < ${qn(k80)}`, B: `rowid >= ${qn(k80)} AND rowid < ${qn(k95)}`, C: `rowid >= ${qn(k95)}` };
  const cls = Object.entries(conds)
    .map(([c, w]) => `count(*) FILTER (WHERE ${w}) AS n_${c}, coalesce(sum(u) FILTER (WHERE ${w}), 0) AS v_${c}`)
    .join(',\n  ');
  return `SELECT CAST(grp AS VARCHAR) AS name, count(*) AS n, sum(u) AS value,
  ${cls}
FROM ${tmp} GROUP BY grp ORDER BY grp NULLS LAST`;
}
