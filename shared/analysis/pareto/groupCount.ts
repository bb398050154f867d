import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { TenureError } from '../../errors';

/** Most groups a breakdown compares (a table row and a bar each). */
export const MAX_PARETO_GROUPS = 50;

/** Refuse a group column with too many values before the per-group query (one count over the ranked customers). */
export async function requireGroupCount(engine: QueryEngine, ranked: string, group: string): Promise<void> {
  const [c] = toRows<{ n: number }>(await engine.query(`SELECT count(DISTINCT grp) AS n FROM ${ranked}`));
  if (c.n > MAX_PARETO_GROUPS) {
    throw new TenureError('pareto.tooManyGroups', `Column "${group}" has ${c.n} distinct values among the customers; a breakdown compares at most ${MAX_PARETO_GROUPS} groups`, {
      column: group,
      params: { column: group, count: c.n, max: MAX_PARETO_GROUPS },
    });
  }
}
