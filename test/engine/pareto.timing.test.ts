import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { computePareto } from '../../shared/analysis/pareto/compute';

/**
 * Timing on a generated 1M-row transactions table (200k customers) in duckdb-wasm. The figure goes
 * to the test log for the record; the assertions only check the result's shape.
 */
let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  // Skewed 2-decimal amounts (a few big customers, a long tail), deterministic via hash().
  await engine.query(`CREATE TABLE bench_tx AS
    SELECT i % 200000 AS customer_id,
           round(pow((i % 200000) / 200000.0 + 0.01, -1.2) * (1 + hash(i) % 100) / 10.0, 2) AS amount
    FROM range(1000000) r(i)`);
}, 300_000);
afterAll(() => engine?.close());

describe('Pareto timing (1M rows, 200k customers)', () => {
  it('computes in duckdb-wasm with ≤ 100 curve rows reaching JS', async () => {
    const t0 = performance.now();
    const r = await computePareto(engine, { table: 'bench_tx', customer: 'customer_id', value: { kind: 'column', column: 'amount' } });
    const ms = performance.now() - t0;
    console.log(`[pareto timing] 1,000,000 rows, 200,000 customers: ${ms.toFixed(0)} ms (mode ${r.mode.kind}, scale ${r.mode.scale})`);
    expect(r.n).toBe(200_000);
    expect(r.rows).toBe(1_000_000);
    expect(r.top20.k).toBe(40_000);
    expect(r.exact).toBe(true);
    expect(r.curve).toHaveLength(100);
    expect(r.classes.reduce((s, c) => s + c.count, 0)).toBe(200_000);
  }, 300_000);
});
