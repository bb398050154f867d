import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { computeQuadrant } from '../../shared/analysis/quadrant/compute';

/**
 * Timing, not an assertion: 1M survey rows × 20 drivers (1..5 ratings, 0 = n/a about 5%, a 0/1
 * outcome) generated in DuckDB with range(). Target ≤ 2 s for the default (Pearson) analysis.
 */
const N = 1_000_000;
const P = 20;
let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  const ratings = Array.from({ length: P }, (_, j) => `CASE WHEN hash(i, ${j}) % 20 = 0 THEN 0 ELSE 1 + (hash(i, ${j + 100}) % 5)::INTEGER END AS d${j}`);
  await engine.query(`CREATE TABLE survey AS SELECT i AS id, ${ratings.join(', ')}, CASE WHEN hash(i, 999) % 3 = 0 THEN 'B' ELSE 'A' END AS seg FROM range(${N}) r(i)`);
  // An outcome that depends on the first drivers, so importances differ.
  await engine.query(`CREATE OR REPLACE TABLE survey AS SELECT *, CASE WHEN d0 + d1 + d2 + (hash(id, 7) % 6)::INTEGER > 11 THEN 'yes' ELSE 'no' END AS outcome FROM survey`);
});
afterAll(() => engine.close());

describe('quadrant performance (duckdb-wasm, Node, 1M rows × 20 drivers)', () => {
  for (const [importance, segment] of [['pearson', undefined], ['spearman', undefined], ['regression', undefined], ['pearson', 'seg']] as const) {
    it(`${importance}${segment ? ' + segments' : ''}`, async () => {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const r = await computeQuadrant(engine, {
        table: 'survey',
        drivers: Array.from({ length: P }, (_, j) => ({ column: `d${j}` })),
        missing: [0],
        outcome: { column: 'outcome', positive: 'yes' },
        importance,
        segment,
      });
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      console.log(`[quadrant perf] ${N.toLocaleString('en-US')} rows × ${P} drivers, ${importance}${segment ? ' + segments' : ''}: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${r.sql.length} statements)`);
      expect(r.overall.rows).toBe(N);
      expect(r.overall.drivers[0].zone).not.toBeNull();
      expect(r.overall.drivers[0].importance!).toBeGreaterThan(r.overall.drivers[10].importance!);
    });
  }
});
