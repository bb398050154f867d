import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { computePareto, resolveValueMode } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';
import type { ParetoResult } from '../../shared/analysis/pareto/types';

/**
 * The sorted-table path (sorted.ts) against the window formulation it replaced: the SQL a result
 * carries (r.sql: row_number and a running sum over every customer) is run as written and must give
 * the same ranks, classes, Gini and curve, on data made to be awkward: heavy ties across the 80%
 * and 95% boundaries, zeros, loss-making customers, NULL ids and values, groups.
 */
let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  // 60k rows, ~9k customers; amounts in cents drawn from few values (many ties), ~10% negative.
  await engine.query(`CREATE TABLE tx AS SELECT
      CASE WHEN i % 997 = 0 THEN NULL ELSE 'c' || (hash(i) % 9000) END AS cid,
      CASE WHEN i % 1009 = 0 THEN NULL ELSE (CAST(hash(i * 7) % 40 AS INTEGER) - 4) * 2.5 END AS amount,
      ['north', 'south', NULL, '东部'][CAST(1 + hash(i * 13) % 4 AS BIGINT)] AS region
    FROM range(60000) r(i)`);
}, 120_000);
afterAll(() => engine?.close());

/** Run the reference statements of a result and read back what the window formulation says. */
async function windowResult(r: ParetoResult) {
  const stmts = r.sql.split(/;\n\n/).map((s) => s.replace(/;$/, ''));
  await engine.query('DROP TABLE IF EXISTS __pareto_ranked');
  await engine.query(stmts[0]);
  try {
    const summary = toRows<{ n: number; k80: number; k95: number; top20: number; gini_num: number; total: number }>(await engine.query(stmts[1]))[0];
    const classes = toRows<{ class: string; count: number; value: number }>(await engine.query(stmts[2]));
    const bins = toRows<{ last: number; cum_end: number }>(await engine.query(stmts[stmts.length - 1]));
    const groups = stmts.length === 5 ? toRows<Record<string, number | string | null>>(await engine.query(stmts[3])) : [];
    return { summary, classes, bins, groups };
  } finally {
    await engine.query('DROP TABLE IF EXISTS __pareto_ranked');
  }
}

async function expectSameAsWindows(input: ParetoSpecInput): Promise<ParetoResult> {
  const r = await computePareto(engine, input);
  const w = await windowResult(r);
  const scale = 10 ** r.mode.scale;
  expect(r.n).toBe(w.summary.n);
  expect([r.k80, r.k95]).toEqual([w.summary.k80, w.summary.k95]);
  expect(r.top20.value * scale).toBeCloseTo(w.summary.top20, 6);
  expect(r.gini).toBeCloseTo(w.summary.gini_num / (w.summary.n * w.summary.total), 12);
  for (const c of r.classes) {
    const wc = w.classes.find((x) => x.class === c.name) ?? { count: 0, value: 0 };
    expect([c.name, c.count, Math.round(c.value * scale)]).toEqual([c.name, wc.count, wc.value]);
  }
  expect(r.curve.map((b) => [b.last, b.cumShare])).toEqual(w.bins.map((b) => [b.last, b.cum_end / w.summary.total]));
  if (r.groups.length) {
    expect(r.groups.map((g) => [g.name, g.n, g.classes.map((c) => c.count)])).toEqual(w.groups.map((g) => [g.name, g.n, ['A', 'B', 'C'].map((c) => g[`n_${c}`])]));
  }
  return r;
}

describe('Pareto on a sorted per-customer table equals the window formulation', () => {
  it('ties, zeros and loss-makers, NULL ids and values', async () => {
    const r = await expectSameAsWindows({ table: 'tx', customer: 'cid', value: { kind: 'column', column: 'amount' } });
    expect(r.mode).toMatchObject({ kind: 'decimal', exact: true });
    expect(r.negative.count).toBeGreaterThan(0);
    expect(r.nullIds).toBeGreaterThan(0);
    expect(r.nullValues).toBeGreaterThan(0);
  });

  it('a float value, a group (ties broken by id decide the class mix), custom thresholds, dropping non-positive customers', async () => {
    const value = { kind: 'expr' as const, sql: 'CAST(amount AS DOUBLE) * 1.5' };
    const r = await expectSameAsWindows({ table: 'tx', customer: 'cid', value, group: 'region', a: 0.6, b: 0.9 });
    expect(r.mode).toMatchObject({ kind: 'scaled', scale: 2, exact: true });
    expect(r.groups.length).toBe(4);
    await expectSameAsWindows({ table: 'tx', customer: 'cid', value, keepNonPositive: false, chart: { bins: 1000 } });
  });

  it('decimals the sample does not show (a 3rd place after the first rows) are found by the full probe', async () => {
    await engine.query(`CREATE OR REPLACE TABLE late AS SELECT i % 500 AS cid,
        CASE WHEN i < 9000 THEN (i % 37) / 10.0 ELSE (i % 37) / 1000.0 END::DOUBLE AS v FROM range(10000) r(i)`);
    const input = { table: 'late', customer: 'cid', value: { kind: 'column' as const, column: 'v' } };
    const r = await expectSameAsWindows(input);
    expect(r.mode).toMatchObject({ kind: 'scaled', scale: 3 });
    expect((await resolveValueMode(engine, parseParetoSpec(input))).mode).toEqual(r.mode);
  });

  it('ranks are rowids of an ORDER BY insert: the engine keeps insertion order and nobody can turn that off', async () => {
    const [row] = toRows<{ p: unknown }>(await engine.query(`SELECT current_setting('preserve_insertion_order') AS p`));
    expect(row.p).toBe(true);
    await expect(engine.query('SET preserve_insertion_order = false')).rejects.toMatchObject({ code: 'engine.settingLocked' });
  });

  it('each row is a customer: a table numbers its rows; a view (read in place) is refused by name', async () => {
    const r = await computePareto(engine, { table: 'tx', customer: null, value: { kind: 'column', column: 'amount' } });
    expect(r.n).toBe(60000 - 60); // rows without a value (every 1009th) are left out
    await engine.query('CREATE OR REPLACE VIEW tx_view AS SELECT * FROM tx');
    await expect(computePareto(engine, { table: 'tx_view', customer: null, value: { kind: 'column', column: 'amount' } })).rejects.toMatchObject({
      code: 'pareto.rowIdNeedsTable',
      params: { table: 'tx_view' },
    });
  });
});
