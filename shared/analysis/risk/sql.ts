import { qd, qf, qi, ql, qn, qv } from '../../engine/sqlQuote';
import { rankedSql } from '../pareto/sql';
import type { ParetoSpec } from '../pareto/spec';
import type { ValueMode } from '../pareto/valueMode';
import { fromClause, groupExpr, timeEventSource } from '../survival/sql';
import type { SurvivalSpec } from '../survival/spec';
import type { ScoreRow } from './score';
import type { RiskSpec } from './spec';

/**
 * Spec → SQL. Relations built here (one row per customer unless said):
 *   src:    t, e, g, id, v           the survival source (shared with the KM analysis) plus id and value
 *   cls:    k, class                 one class per customer id (text), from a table or a Pareto ranking
 *   cust:   id, t, e, seg, v, class  ids and segments as text, value as DOUBLE
 *   pt:     seg, t, p, thin, w_*     the scores per (segment, time) computed from the KM curves (score.ts)
 *   scored: cust + p, loss (= p·v for scored active customers, else NULL), window
 * The KM itself runs on SQL aggregates (countsSql), as the survival analysis does.
 */

export type ClassSource = { kind: 'none' } | { kind: 'table'; table: string; key: string; column: string } | { kind: 'pareto'; spec: ParetoSpec; mode: ValueMode };

function valueExpr(spec: RiskSpec): string {
  return spec.value.kind === 'column' ? qi(spec.value.column) : qf(spec.value.sql);
}

/** The survival source with the customer id and the value carried along (and a Cox model's covariates as x0, x1, …). */
export function srcCtes(spec: RiskSpec, survival: SurvivalSpec, types: Map<string, string>, covariates: string[] = []): string {
  return timeEventSource(survival, types, fromClause(survival), [
    [groupExpr(survival), 'g'],
    [qi(spec.customer), 'id'],
    [valueExpr(spec), 'v'],
    ...covariates.map((c, i): [string, string] => [qi(c), `x${i}`]),
  ]);
}

/** Distinct covariate profiles of the active customers per (segment, time), typed and as text keys (Cox scoring). */
export function profilesSql(src: string, covariates: number): string {
  const xs = Array.from({ length: covariates }, (_, i) => `x${i}, CAST(x${i} AS VARCHAR) AS k${i}`).join(', ');
  return `WITH ${src}
SELECT DISTINCT CAST(g AS VARCHAR) AS g, t, ${xs}
FROM src WHERE NOT e AND t IS NOT NULL`;
}

/** Column type of the value (DESCRIBE reads no rows). */
export function describeValueSql(spec: RiskSpec): string {
  return `DESCRIBE SELECT ${valueExpr(spec)} AS v FROM ${qi(spec.table)}`;
}

/** Events and censorings per (segment as text, time): the input of the KM curves. */
export function countsSql(src: string): string {
  return `WITH ${src}
SELECT CAST(g AS VARCHAR) AS g, t, count(*) FILTER (WHERE e) AS d, count(*) FILTER (WHERE NOT e) AS c
FROM src
GROUP BY ALL
ORDER BY g NULLS LAST, t NULLS LAST`;
}

/** A customer id listed on more than one row (the first, with its count), if any. */
export function duplicateIdSql(src: string): string {
  return `WITH ${src}
SELECT CAST(id AS VARCHAR) AS id, count(*) AS n FROM src WHERE id IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY n DESC, id LIMIT 1`;
}

function classesCte(c: ClassSource): string | null {
  if (c.kind === 'none') return null;
  if (c.kind === 'table') {
    return `cls AS (\n  SELECT CAST(${qi(c.key)} AS VARCHAR) AS k, any_value(CAST(${qi(c.column)} AS VARCHAR)) AS class\n  FROM ${qi(c.table)} GROUP BY 1\n)`;
  }
  // The Pareto's own ranking and exact integer ABC rule (shared/analysis/pareto/sql.ts).
  return `cls AS (\n  SELECT CAST(cid AS VARCHAR) AS k, class FROM (\n${rankedSql(c.spec, c.mode)}\n  )\n)`;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The scores as a VALUES table; `profile` text key columns k0… when a Cox model scores covariate profiles. */
function lookupCte(rows: ScoreRow[], profile: number): string {
  const keys = range(profile).map((i) => `k${i}`);
  const cols = ['seg', 't', 'p', 'thin', 'w_start', 'w_end', 'w_rate', 'call_by', ...keys];
  const typed = ['CAST(seg AS VARCHAR) AS seg', 'CAST(t AS DOUBLE) AS t', 'CAST(p AS DOUBLE) AS p', 'thin', ...['w_start', 'w_end', 'w_rate', 'call_by'].map((c) => `CAST(${c} AS DOUBLE) AS ${c}`), ...keys.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`)];
  const d = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? 'NULL' : qd(x));
  // No active customer at all: one all-NULL row filtered out keeps the columns typed.
  const values = (rows.length ? rows : [{ segment: null, time: NaN, p: null, thin: false, window: null }])
    .map((r) => {
      const w = r.window;
      const cells = [qv(r.segment), d(r.time), d(r.p), r.thin ? 'TRUE' : 'FALSE', d(w?.start), d(w?.end), d(w?.rate), d(w ? (w.callBy ?? r.time) : null), ...range(profile).map((i) => qv(r.profile?.[i] ?? null))];
      return `(${cells.join(', ')})`;
    })
    .join(',\n    ');
  return `pt AS (\n  SELECT ${typed.join(', ')}\n  FROM (VALUES\n    ${values}\n  ) AS v(${cols.join(', ')})${rows.length ? '' : ' WHERE FALSE'}\n)`;
}

/** Every CTE up to `scored`; the queries below select from it. */
export function scoredCtes(src: string, classes: ClassSource, scores: ScoreRow[], profile = 0): string {
  const cls = classesCte(classes);
  const keys = range(profile).map((i) => `, CAST(x${i} AS VARCHAR) AS k${i}`).join('');
  const cust = `cust AS (\n  SELECT CAST(src.id AS VARCHAR) AS id, t, e, CAST(g AS VARCHAR) AS seg, CAST(v AS DOUBLE) AS v, ${cls ? 'cls.class' : 'CAST(NULL AS VARCHAR) AS class'}${keys}\n  FROM src${cls ? ' LEFT JOIN cls ON CAST(src.id AS VARCHAR) = cls.k' : ''}\n)`;
  const on = range(profile).map((i) => ` AND c.k${i} IS NOT DISTINCT FROM pt.k${i}`).join('');
  const scored = `scored AS (
  SELECT c.id, c.seg, c.t, c.v, c.class, NOT c.e AS active, pt.thin, pt.p,
    CASE WHEN NOT c.e AND pt.p IS NOT NULL AND c.v IS NOT NULL THEN pt.p * c.v END AS loss,
    pt.w_start, pt.w_end, pt.w_rate, pt.call_by
  FROM cust AS c LEFT JOIN pt ON c.seg IS NOT DISTINCT FROM pt.seg AND c.t = pt.t${on}
)`;
  return `WITH ${[src, cls, cust, lookupCte(scores, profile), scored].filter(Boolean).join(',\n')}`;
}

/** The scored customers as a relation for the queries below: `(WITH … SELECT * FROM scored)`. */
export function scoredRelation(ctes: string): string {
  return `(${ctes}\nSELECT * FROM scored)`;
}

/** The queries below read `rel`: a temporary table of `scored` (compute) or scoredRelation(ctes) (UI, exports). */
export function summarySql(rel: string): string {
  return `SELECT count(*) AS customers,
  count(*) FILTER (WHERE active) AS active,
  count(loss) AS scored,
  count(*) FILTER (WHERE active AND thin) AS thin_tail,
  coalesce(sum(v) FILTER (WHERE loss IS NOT NULL), 0) AS value_scored,
  coalesce(sum(loss), 0) AS value_at_risk,
  coalesce(sum(p) FILTER (WHERE loss IS NOT NULL), 0) AS expected_churners,
  count(*) FILTER (WHERE active AND v IS NULL AND p IS NOT NULL) AS null_values
FROM ${rel}`;
}

/** Per segment (every segment of the data, even with none scored), sorted by name. */
export function bySegmentSql(rel: string): string {
  return `SELECT seg AS segment, count(*) FILTER (WHERE active) AS active, count(loss) AS scored,
  coalesce(sum(loss), 0) AS value_at_risk, coalesce(sum(v) FILTER (WHERE loss IS NOT NULL), 0) AS value_scored,
  avg(p) FILTER (WHERE loss IS NOT NULL) AS mean_p
FROM ${rel} GROUP BY seg ORDER BY seg NULLS LAST`;
}

/** Per class (NULL = customers without a class) and, inside, per segment (for the stacked chart). */
export function byClassSql(rel: string): string {
  return `SELECT class, seg AS segment, count(loss) AS scored, coalesce(sum(loss), 0) AS value_at_risk, coalesce(sum(v) FILTER (WHERE loss IS NOT NULL), 0) AS value_scored
FROM ${rel} GROUP BY ALL ORDER BY class NULLS LAST, seg NULLS LAST`;
}

/** Call-list order: expected loss (then id), or A-class first when asked. */
export function callOrder(aFirst: boolean): string {
  return `${aFirst ? 'class ASC NULLS LAST, ' : ''}loss DESC, id ASC NULLS LAST`;
}

/** The call list: scored active customers in call order, as plain columns (grid, export, saved table). */
export function callListSql(rel: string, aFirst: boolean, limit?: number): string {
  const order = callOrder(aFirst);
  // With a limit, a top-N of the rows first, so the ranking sorts N rows instead of every customer.
  const from = limit === undefined ? `${rel} WHERE loss IS NOT NULL` : `(SELECT * FROM ${rel} WHERE loss IS NOT NULL ORDER BY ${order} LIMIT ${qn(Math.max(0, Math.floor(limit)))})`;
  return `SELECT row_number() OVER (ORDER BY ${order}) AS rank, id AS customer, seg AS segment, class, t AS tenure,
  p AS p_churn, v AS value, loss AS expected_loss, w_start AS peak_from, w_end AS peak_to, w_rate AS peak_rate, call_by, call_by - t AS call_within
FROM ${from}
ORDER BY rank`;
}

/**
 * The first `n` accounts of the call list: how many are in their riskiest period now (call_by = tenure),
 * and how soon the others enter theirs (call_by − tenure).
 */
export function planSql(rel: string, aFirst: boolean, n: number): string {
  return `SELECT count(*) AS contacts, coalesce(sum(expected_loss), 0) AS loss,
  count(*) FILTER (WHERE call_within = 0) AS now,
  min(call_within) FILTER (WHERE call_within > 0) AS soonest, max(call_within) FILTER (WHERE call_within > 0) AS latest
FROM (${callListSql(rel, aFirst, n)})`;
}

/**
 * Cumulative expected loss, churners and value down a ranked list: every rank up to `dense`, then about
 * `bins` evenly spaced ranks, the top 20% (ceil(n/5), for the finding) and the last (for the loss Pareto chart and
 * the economics what-if).
 */
export function curveSql(rel: string, order: string, dense = 1000, bins = 200): string {
  const w = `OVER (ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  return `WITH ranked AS (
  SELECT row_number() OVER (ORDER BY ${order}) AS rnk, count(*) OVER () AS n,
    sum(loss) ${w} AS cum_loss, sum(p) ${w} AS cum_p, sum(v) ${w} AS cum_value
  FROM ${rel} WHERE loss IS NOT NULL
)
SELECT rnk, cum_loss, cum_p, cum_value FROM ranked
WHERE rnk <= ${qn(dense)} OR rnk % greatest(1, n // ${qn(bins)}) = 0 OR rnk = n OR rnk = (n + 4) // 5
ORDER BY rnk`;
}

/** Save the whole call list as a table for the next analysis. */
export function saveCallListSql(ctes: string, aFirst: boolean, table: string): string {
  return `CREATE TABLE ${qi(table)} AS\n${callListSql(scoredRelation(ctes), aFirst)}`;
}

/** One customer's full row of the analysed table (click on the call list). */
export function customerRowSql(spec: RiskSpec, id: string): string {
  return `SELECT * FROM ${qi(spec.table)} WHERE CAST(${qi(spec.customer)} AS VARCHAR) = ${ql(id)}`;
}
