import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';

/** count(DISTINCT …) aggregates per SELECT: each holds its own hash table for the whole scan. */
export const DISTINCT_PER_QUERY = 16;
/** Aggregates of any kind per SELECT (string min/max with filters cost memory in duckdb-wasm too). */
export const AGGREGATES_PER_QUERY = 128;

/**
 * One row of aggregates over `from`, computed in as many SELECTs as needed so that no SELECT holds
 * more than `maxDistinct` count(DISTINCT …): a hundred 0/1 columns checked in one statement ran
 * duckdb-wasm out of memory (~5 MB each). Aliases must be unique across `aggs`.
 */
export async function aggregateRow(engine: QueryEngine, from: string, aggs: string[], maxDistinct = DISTINCT_PER_QUERY): Promise<Record<string, unknown>> {
  const batches: string[][] = [[]];
  let distinct = 0;
  for (const a of aggs) {
    const isDistinct = /count\s*\(\s*DISTINCT/i.test(a);
    if ((isDistinct && distinct >= maxDistinct) || batches[batches.length - 1].length >= AGGREGATES_PER_QUERY) {
      batches.push([]);
      distinct = 0;
    }
    batches[batches.length - 1].push(a);
    if (isDistinct) distinct++;
  }
  const row: Record<string, unknown> = {};
  for (const b of batches) if (b.length) Object.assign(row, toRows<Record<string, unknown>>(await engine.query(`SELECT ${b.join(', ')} FROM ${from}`))[0]);
  return row;
}
