import { qi } from '../../engine/sqlQuote';
import { eventPredicate } from '../survival/event';
import { whereClause } from '../survival/sql';
import type { ReasonsSpec } from './spec';

/** Churned rows per (group, reason); an empty reason is its own (NULL) bucket. */
// By position: a table may have its own columns named g or reason, which GROUP BY would bind first.
export function reasonsSql(spec: ReasonsSpec, types: Map<string, string>): string {
  const ev = eventPredicate(spec.event.column, types.get(spec.event.column) ?? 'VARCHAR', spec.event.values);
  const g = spec.group ? qi(spec.group) : 'CAST(NULL AS VARCHAR)';
  const user = whereClause(spec.where);
  const cond = user ? `${user} AND (${ev})` : `WHERE (${ev})`;
  return `SELECT ${g} AS g, nullif(trim(CAST(${qi(spec.reason)} AS VARCHAR)), '') AS reason, count(*) AS n
FROM ${qi(spec.table)}
${cond}
GROUP BY 1, 2
ORDER BY 1 NULLS LAST, 3 DESC, 2 NULLS LAST`;
}
