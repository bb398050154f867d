import { qf, qi, ql } from '../../engine/sqlQuote';
import { eventPredicate } from './event';
import type { SurvivalSpec } from './spec';

/** `WHERE (user filter)` or nothing: the user's own SQL, always parenthesised. */
export function whereClause(where: string | undefined): string {
  return where && where.trim() ? `WHERE ${qf(where)}` : '';
}

/** Any date-like column (DATE, TIMESTAMP or ISO text) as DATE; NULL when it is not a date. */
export function dateExpr(column: string): string {
  return `CAST(TRY_CAST(${qi(column)} AS TIMESTAMP) AS DATE)`;
}

/**
 * One statement: events (d) and censorings (c) per (group, time). Only these aggregates leave
 * DuckDB; rows with no usable time (t NULL or < 0) or no group come back as their own few rows
 * so the caller can count them.
 */
const LOOKUP = '__tenure_lookup';

/**
 * The table the rows come from: the analysed table, or it with the group looked up in another
 * table (one value per key, so the join never multiplies customers). Only two oddly named
 * columns join in, so the user's WHERE and the other columns stay unambiguous.
 */
export function fromClause(spec: Pick<SurvivalSpec, 'table' | 'group' | 'groupFrom'>): string {
  const gf = spec.groupFrom;
  if (!gf || !spec.group) return qi(spec.table);
  return `${qi(spec.table)} LEFT JOIN (SELECT CAST(${qi(gf.key)} AS VARCHAR) AS __tenure_key, any_value(${qi(spec.group)}) AS __tenure_group FROM ${qi(gf.table)} GROUP BY 1) AS ${qi(LOOKUP)} ON CAST(${qi(spec.table)}.${qi(gf.on)} AS VARCHAR) = ${qi(LOOKUP)}.__tenure_key`;
}

/** The group expression: the column, the looked-up value, or none. */
export function groupExpr(spec: Pick<SurvivalSpec, 'group' | 'groupFrom'>): string {
  if (!spec.group) return 'CAST(NULL AS VARCHAR)';
  return spec.groupFrom ? `${qi(LOOKUP)}.__tenure_group` : qi(spec.group);
}

/**
 * The CTEs ending in `src (t, e, …extra)`: follow-up time t (a duration column, or start/end dates
 * in the chosen unit, still-active rows censored at `asOf`) and the churn flag e, for the rows the
 * user's WHERE keeps. `extra` adds columns [SQL expression, plain alias] from the same rows. Shared by the
 * Kaplan-Meier and Cox analyses so both read time and event identically.
 */
export function timeEventSource(spec: Pick<SurvivalSpec, 'time' | 'event' | 'where'>, types: Map<string, string>, from: string, columns: [string, string][] = []): string {
  const extra = columns.map(([expr, name]) => `, ${expr} AS ${name}`).join('');
  const ev = spec.event ? eventPredicate(spec.event.column, types.get(spec.event.column) ?? 'VARCHAR', spec.event.values) : null;
  const where = whereClause(spec.where);
  if (spec.time.kind === 'duration') {
    return `src AS (\n  SELECT TRY_CAST(${qi(spec.time.column)} AS DOUBLE) AS t, COALESCE(${ev}, FALSE) AS e${extra}\n  FROM ${from}\n  ${where}\n)`;
  }
  const tm = spec.time;
  const asOf = tm.asOf ? `DATE ${ql(tm.asOf)}` : `(SELECT max(greatest(s, coalesce(en, s))) FROM base)`;
  const diff =
    tm.unit === 'days'
      ? `date_diff('day', s, coalesce(en, ${asOf}))`
      : tm.unit === 'weeks'
        ? `date_diff('day', s, coalesce(en, ${asOf})) / 7.0`
        : `date_sub('month', s, coalesce(en, ${asOf}))`;
  return (
    `base AS (\n  SELECT ${dateExpr(tm.start)} AS s, ${dateExpr(tm.end)} AS en, ${ev ? `COALESCE(${ev}, FALSE)` : `${dateExpr(tm.end)} IS NOT NULL`} AS e${extra}\n  FROM ${from}\n  ${where}\n),\n` +
    `src AS (\n  SELECT CAST(${diff} AS DOUBLE) AS t, e${columns.map(([, n]) => `, ${n}`).join('')} FROM base\n)`
  );
}

/** `group` overrides the group expression (quantile bands of a numeric column). */
export function survivalSql(spec: SurvivalSpec, types: Map<string, string>, group = groupExpr(spec)): string {
  const src = timeEventSource(spec, types, fromClause(spec), [[group, 'g']]);
  return `WITH ${src}\nSELECT g, t, count(*) FILTER (WHERE e) AS d, count(*) FILTER (WHERE NOT e) AS c\nFROM src\nGROUP BY g, t\nORDER BY g NULLS LAST, t NULLS LAST`;
}
