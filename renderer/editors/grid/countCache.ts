import type { QueryEngine } from '../../../shared/engine/QueryEngine';

/**
 * Row counts the SQL editor already computed for a query it hands to the grid, so the grid does not
 * run the whole query a second time just to count it. Keyed by engine and exact SQL text; small.
 */
const counts = new WeakMap<QueryEngine, Map<string, number>>();
const MAX = 32;

export function rememberCount(engine: QueryEngine, sql: string, rows: number): void {
  let m = counts.get(engine);
  if (!m) counts.set(engine, (m = new Map()));
  m.delete(sql);
  m.set(sql, rows);
  if (m.size > MAX) m.delete(m.keys().next().value as string);
}

/** Take (and forget) a remembered count: tables may change, so a count is used once. */
export function takeCount(engine: QueryEngine, sql: string): number | undefined {
  const m = counts.get(engine);
  const n = m?.get(sql);
  m?.delete(sql);
  return n;
}
