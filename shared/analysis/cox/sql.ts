import { qi, ql } from '../../engine/sqlQuote';
import { fromClause, timeEventSource } from '../survival/sql';
import type { CoxSpec } from './spec';

/**
 * SQL of the Cox analysis. Covariate k is column `c{k}` of `src` (a number as DOUBLE, anything else
 * as text); only complete rows (time ≥ 0 and every covariate present) reach the model, and the other
 * rows are counted per reason. Text covariates come back as small integer codes, not strings.
 */
export interface CovariateKind {
  column: string;
  numeric: boolean;
}

const cov = (k: number): string => `c${k}`;

export function coxSource(spec: CoxSpec, types: Map<string, string>, kinds: CovariateKind[]): string {
  const cols: [string, string][] = kinds.map((c, k) => [c.numeric ? `TRY_CAST(${qi(c.column)} AS DOUBLE)` : `CAST(${qi(c.column)} AS VARCHAR)`, cov(k)]);
  return `WITH ${timeEventSource(spec, types, fromClause({ table: spec.table }), cols)}`;
}

function complete(kinds: CovariateKind[]): string {
  return ['t >= 0', ...kinds.map((c, k) => (c.numeric ? `isfinite(${cov(k)})` : `${cov(k)} IS NOT NULL`))].join(' AND ');
}

/** Rows left out, by reason and by covariate; `l{k}`: how many values text covariate k has on complete rows. */
export function coxCountsSql(src: string, kinds: CovariateKind[]): string {
  const missing = (k: number): string => (kinds[k].numeric ? `(${cov(k)} IS NULL OR NOT isfinite(${cov(k)}))` : `${cov(k)} IS NULL`);
  const per = kinds
    .flatMap((c, k) => [`count(*) FILTER (WHERE t >= 0 AND ${missing(k)}) AS m${k}`, ...(c.numeric ? [] : [`count(DISTINCT ${cov(k)}) FILTER (WHERE ${complete(kinds)}) AS l${k}`])])
    .join(', ');
  return `${src}\nSELECT count(*) AS total, count(*) FILTER (WHERE t IS NULL OR isnan(t)) AS missing_time, count(*) FILTER (WHERE t < 0) AS negative_time, count(*) FILTER (WHERE t >= 0 AND NOT (${complete(kinds).replace('t >= 0 AND ', '')})) AS missing_covariate${per ? `, ${per}` : ''}\nFROM src`;
}

/** The values of each text covariate on complete rows, with their counts. */
export function coxLevelsSql(src: string, kinds: CovariateKind[]): string | null {
  const parts = kinds.flatMap((c, k) => (c.numeric ? [] : [`SELECT ${k} AS k, ${cov(k)} AS v, count(*) AS n FROM src WHERE ${complete(kinds)} GROUP BY ${cov(k)}`]));
  return parts.length ? `${src}\n${parts.join('\nUNION ALL\n')}` : null;
}

/** The model's rows: t ascending, e as 0/1, numbers as DOUBLE, text as the index into `levels[k]`. */
export function coxDataSql(src: string, kinds: CovariateKind[], levels: Map<number, string[]>): string {
  const sel = kinds.map((c, k) => {
    if (c.numeric) return `${cov(k)}`;
    const lv = levels.get(k) ?? [];
    return `CAST(CASE ${cov(k)} ${lv.map((v, i) => `WHEN ${ql(v)} THEN ${i}`).join(' ')} END AS INTEGER) AS ${cov(k)}`;
  });
  return `${src}\nSELECT t, CAST(e AS TINYINT) AS e${sel.map((s) => `, ${s}`).join('')}\nFROM src\nWHERE ${complete(kinds)}\nORDER BY t`;
}
