import { qf, qi, ql, qn } from '../../engine/sqlQuote';
import { THRESHOLD_DENOM, thresholdNumerator, type ParetoSpec } from './spec';
import { minScaleExpr, unitsExpr, wide, type ValueMode } from './valueMode';

/**
 * Spec → SQL. Internal column names of every relation built here:
 *   src:    cid, v, grp                   (one row per transaction row)
 *   ranked: cid, u, grp, ngrp, rnk, cum, n, total, class   (one row per customer)
 * u = the customer's value in integer units (see valueMode.ts), cum = Σu over ranks 1..rnk.
 */

/** The row id used when each row is a customer: 1-based data row number (insertion order). */
export const ROW_NUMBER_ID = '(rowid + 1)';

function valueSql(spec: ParetoSpec): string {
  return spec.value.kind === 'column' ? qi(spec.value.column) : qf(spec.value.sql);
}

function periodCondition(spec: ParetoSpec, baseWhere: string): string | null {
  if (!spec.date) return null;
  const d = `TRY_CAST(${qi(spec.date.column)} AS TIMESTAMP)`;
  const p = spec.date.period;
  if (p.kind === 'lastMonths') {
    // Relative to the latest date among the rows the user's filter keeps.
    return `${d} > (SELECT max(${d}) FROM ${qi(spec.table)} WHERE ${baseWhere}) - to_months(${qn(p.months)})`;
  }
  const parts = [`${d} IS NOT NULL`];
  if (p.from) parts.push(`${d} >= CAST(${ql(p.from)} AS TIMESTAMP)`);
  if (p.to) parts.push(`${d} < CAST(CAST(${ql(p.to)} AS TIMESTAMP) AS DATE) + INTERVAL 1 DAY`);
  return parts.join(' AND ');
}

/** One row per source row: customer id, value, group; user filter and period applied. */
export function sourceSql(spec: ParetoSpec): string {
  const cid = spec.customer === null ? ROW_NUMBER_ID : qi(spec.customer);
  const grp = spec.group ? qi(spec.group) : 'NULL';
  const userWhere = spec.where?.trim() ? qf(spec.where) : 'TRUE';
  const conds = [userWhere, periodCondition(spec, userWhere)].filter((c): c is string => c !== null);
  return `SELECT ${cid} AS cid, ${valueSql(spec)} AS v, ${grp} AS grp FROM ${qi(spec.table)} WHERE ${conds.join(' AND ')}`;
}

/** Column types of the source (no rows are read): tells integer / decimal / float / not a number. */
export function describeSql(spec: ParetoSpec): string {
  return `DESCRIBE ${sourceSql(spec)}`;
}

/** Row counts, NULLs, the size of the values (BIGINT or HUGEINT units) and, for float values, the decimals needed. */
export function probeSql(spec: ParetoSpec, float: boolean): string {
  // Only values that will be used (customer id present) count.
  const used = '(CASE WHEN cid IS NOT NULL THEN v END)';
  const scale = float ? `,\n  max(${minScaleExpr(used)}) AS min_scale` : '';
  return `WITH src AS (${sourceSql(spec)})
SELECT count(*) AS rows,
  count(*) FILTER (WHERE cid IS NULL) AS null_ids,
  count(*) FILTER (WHERE cid IS NOT NULL AND v IS NULL) AS null_values,
  max(abs(CAST(${used} AS DOUBLE))) AS max_abs,
  sum(abs(CAST(${used} AS DOUBLE))) AS sum_abs,
  count(*) FILTER (WHERE NOT isfinite(CAST(${used} AS DOUBLE))) AS not_finite${scale}
FROM src`;
}

/** One row per customer, ranked by value (desc, ties by id asc), with exact cumulative sums and class. */
export function rankedSql(spec: ParetoSpec, mode: ValueMode): string {
  const u = unitsExpr(mode, 'v');
  const d = THRESHOLD_DENOM;
  const pa = thresholdNumerator(spec.a);
  const pb = thresholdNumerator(spec.b);
  const ngrp = spec.group ? 'count(DISTINCT grp)' : '0';
  const having = spec.keepNonPositive ? '' : `\n  HAVING sum(${u}) > 0`;
  const order = 'ORDER BY u DESC, cid ASC';
  const before = wide(mode, '(cum - u)');
  const total = wide(mode, 'total');
  // Class from the share BEFORE adding the customer: d·(cum − u) < p·total is exact integer arithmetic.
  return `WITH src AS (${sourceSql(spec)}),
cust AS (
  SELECT cid, sum(${u}) AS u, min(grp) AS grp, ${ngrp} AS ngrp
  FROM src WHERE cid IS NOT NULL AND v IS NOT NULL
  GROUP BY cid${having}
),
ranked AS (
  SELECT cid, u, grp, ngrp,
    row_number() OVER (${order}) AS rnk,
    sum(u) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum,
    count(*) OVER () AS n,
    sum(u) OVER () AS total
  FROM cust
)
SELECT *,
  CASE WHEN ${d} * ${before} < ${pa} * ${total} THEN 'A'
       WHEN ${d} * ${before} < ${pb} * ${total} THEN 'B'
       ELSE 'C' END AS class
FROM ranked`;
}

/** Headline statistics over a ranked relation (a table name or a parenthesised query). */
export function summarySql(rel: string, spec: ParetoSpec, mode: ValueMode): string {
  const d = THRESHOLD_DENOM;
  const [cum, total, u] = [wide(mode, 'cum'), wide(mode, 'total'), wide(mode, 'u')];
  const pa = thresholdNumerator(spec.a);
  const pb = thresholdNumerator(spec.b);
  // Gini over ascending order i = n + 1 − rnk: Σ(2i − n − 1)·x = Σ(n + 1 − 2·rnk)·x (ties do not matter).
  return `SELECT any_value(n) AS n, any_value(total) AS total,
  sum(u) FILTER (WHERE rnk <= (n + 4) // 5) AS top20,
  min(rnk) FILTER (WHERE ${d} * ${cum} >= ${pa} * ${total}) AS k80,
  min(rnk) FILTER (WHERE ${d} * ${cum} >= ${pb} * ${total}) AS k95,
  sum((n + 1 - 2 * rnk) * ${u}) AS gini_num,
  count(*) FILTER (WHERE u < 0) AS neg_count,
  coalesce(sum(u) FILTER (WHERE u < 0), 0) AS neg_sum,
  count(*) FILTER (WHERE u = 0) AS zero_count,
  max(cum) AS peak_cum,
  (SELECT min(rnk) FROM ${rel} WHERE cum = (SELECT max(cum) FROM ${rel})) AS peak_k,
  max(u) AS max_u, min(u) AS min_u,
  count(*) FILTER (WHERE ngrp > 1) AS multi_group
FROM ${rel}`;
}

export function classesSql(rel: string): string {
  return `SELECT class, count(*) AS count, sum(u) AS value FROM ${rel} GROUP BY class ORDER BY class`;
}

/** Per group: size, value and class mix (classes are the overall ones). */
export function groupsSql(rel: string): string {
  const cls = ['A', 'B', 'C']
    .map((c) => `count(*) FILTER (WHERE class = ${ql(c)}) AS n_${c}, coalesce(sum(u) FILTER (WHERE class = ${ql(c)}), 0) AS v_${c}`)
    .join(',\n  ');
  return `SELECT CAST(grp AS VARCHAR) AS name, count(*) AS n, sum(u) AS value,
  ${cls}
FROM ${rel} GROUP BY grp ORDER BY grp NULLS LAST`;
}

/**
 * Customer-percentile bins for the charts (≤ bins rows whatever n; one bin per customer when n ≤ bins),
 * with the exact cumulative sum at each bin's end.
 */
export function binsSql(rel: string, bins: number): string {
  return `SELECT (rnk - 1) * ${qn(bins)} // n AS bin, min(rnk) AS first, max(rnk) AS last, sum(u) AS value,
  arg_max(cum, rnk) AS cum_end, max(u) AS max_u, min(u) AS min_u
FROM ${rel} GROUP BY bin ORDER BY bin`;
}

function unitsToValue(mode: ValueMode, u: string): string {
  return mode.scale === 0 ? `CAST(${u} AS DOUBLE)` : `CAST(${u} AS DOUBLE) / ${10 ** mode.scale}`;
}

/** Plain per-customer columns for the list and the saved table. */
function customerColumns(spec: ParetoSpec, mode: ValueMode): string {
  const cols = [
    'cid AS customer',
    `${unitsToValue(mode, 'u')} AS value`,
    'rnk AS rank',
    'CAST(cum AS DOUBLE) / CAST(total AS DOUBLE) AS cum_share',
    'class',
  ];
  if (spec.group) cols.push(`grp AS ${qi('group')}`);
  return cols.join(', ');
}

/** A class (optionally within one group value, null = blank group) or a run of ranks. */
export type CustomerSelection = { class: 'A' | 'B' | 'C'; group?: { value: string | null } } | { fromRank: number; toRank: number };

/** Customers of one class, or of a rank range, in rank order (paged). */
export function customerListSql(spec: ParetoSpec, mode: ValueMode, sel: CustomerSelection, limit = 1000, offset = 0): string {
  let where = 'class' in sel ? `class = ${ql(sel.class)}` : `rnk BETWEEN ${qn(Math.floor(sel.fromRank))} AND ${qn(Math.floor(sel.toRank))}`;
  // Groups are compared as text, as groupsSql names them.
  if ('class' in sel && sel.group && spec.group) where += sel.group.value === null ? ' AND grp IS NULL' : ` AND CAST(grp AS VARCHAR) = ${ql(sel.group.value)}`;
  return `SELECT ${customerColumns(spec, mode)}
FROM (${rankedSql(spec, mode)}) WHERE ${where}
ORDER BY rnk LIMIT ${qn(Math.max(0, Math.floor(limit)))} OFFSET ${qn(Math.max(0, Math.floor(offset)))}`;
}

/** Save every customer's class as a new table: customer, value, rank, cum_share, class (+ group). */
export function saveClassesSql(spec: ParetoSpec, mode: ValueMode, tableName: string): string {
  return `CREATE TABLE ${qi(tableName)} AS
SELECT ${customerColumns(spec, mode)}
FROM (${rankedSql(spec, mode)})
ORDER BY rnk`;
}
