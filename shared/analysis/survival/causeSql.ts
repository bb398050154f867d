import { qf, qi, ql } from '../../engine/sqlQuote';
import type { CauseSpec } from './spec';

/** Cause names of the reasons editor's tags (translated for display: survival.incidence.tags.*). */
export const TAG_CAUSES = ['controllable', 'notControllable', 'untagged'] as const;

/** The cause of a row as text (NULL / blank → ''); only churned rows use it. */
export function causeExpr(c: CauseSpec): string {
  if (c.kind === 'sql') return `COALESCE(CAST(${qf(c.sql)} AS VARCHAR), '')`;
  const text = `trim(CAST(${qi(c.column)} AS VARCHAR))`;
  if (c.kind === 'column') return `COALESCE(${text}, '')`;
  const of = (v: boolean) => Object.entries(c.controllable).filter(([, x]) => x === v).map(([r]) => ql(r.trim()));
  const yes = of(true);
  const no = of(false);
  return `CASE ${yes.length ? `WHEN ${text} IN (${yes.join(', ')}) THEN 'controllable' ` : ''}${no.length ? `WHEN ${text} IN (${no.join(', ')}) THEN 'notControllable' ` : ''}ELSE 'untagged' END`;
}

/** Exits per (time, cause): k NULL = censored. Same rows as the curves (usable time, a group when grouped). */
export function incidenceSql(src: string, grouped: boolean): string {
  return `WITH ${src}\nSELECT t, CASE WHEN e THEN k END AS k, count(*) AS n\nFROM src\nWHERE t IS NOT NULL AND t >= 0${grouped ? ' AND g IS NOT NULL' : ''}\nGROUP BY ALL\nORDER BY t`;
}
