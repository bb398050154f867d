import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { qi } from '../../engine/sqlQuote';
import { asTenureError } from '../../errors';
import { listValues, warning, type AnalysisWarning } from '../warnings';
import { eventPredicate } from './event';
import type { EventSpec } from './spec';

/** `Churn = "Yes" / "1"`: which rows count as churned, for a message in any language. */
export function eventText(event: { column: string; values: (string | number | boolean)[] }): string {
  return `${event.column} = ${event.values.map((v) => `"${v}"`).join(' / ')}`;
}

/**
 * One warning per event value that no row of the table holds (a typo, "Yes" against a 1/0 column…),
 * naming the column and listing the values it does hold. Without it the analysis silently counts
 * 0 events. Read over the whole column (not the filter): the filter's effect is `noEvents`' to tell.
 * One scan; a second, small one lists the values only when one is missing.
 */
export async function eventValueWarnings(engine: QueryEngine, table: string, types: Map<string, string>, event: EventSpec): Promise<AnalysisWarning[]> {
  const col = qi(event.column);
  const type = types.get(event.column) ?? 'VARCHAR';
  const counts = event.values.map((v, i) => `count(*) FILTER (WHERE ${eventPredicate(event.column, type, [v])}) AS c${i}`).join(', ');
  try {
    const [row] = toRows<Record<string, number>>(await engine.query(`SELECT ${counts}, count(DISTINCT ${col}) AS k FROM ${qi(table)}`));
    const missing = event.values.filter((_, i) => !row[`c${i}`]);
    if (!missing.length) return [];
    const held = toRows<{ v: string }>(
      await engine.query(`SELECT CAST(${col} AS VARCHAR) AS v FROM ${qi(table)} WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`),
    ).map((r) => r.v);
    const values = held.length ? listValues(held, row.k) : '—';
    return missing.map((v) =>
      warning('survival.eventValueNeverOccurs', `The event value "${v}" never occurs in column "${event.column}" (it holds ${values}): no row counts as churned for it`, {
        column: event.column,
        value: String(v),
        values,
      }),
    );
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
}
