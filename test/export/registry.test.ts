import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { ANALYSIS_KINDS, REGISTRY, type AnalysisKind } from '../../shared/analysis/registry';
import { SLIDE_THEME } from '../../shared/charts/theme';
import { createI18n } from '../../shared/i18n/i18n';
import { displayTable } from '../../shared/deck/tables';
import { renderChartSvg } from '../../shared/export/renderSvg';

/** Small hand-made tables: every analysis kind runs through its registry record on real duckdb-wasm. */
let engine: WasmNodeEngine;
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  // 10 customers: c1 brings 50 of 100; churn after `months`, group = plan.
  await engine.query(`CREATE TABLE cust AS SELECT * FROM (VALUES
    ('c1', 50.0, 'A', 14, 0, NULL, 5, 4), ('c2', 20.0, 'A', 13, 0, NULL, 4, 5), ('c3', 10.0, 'A', 12, 1, 'Price', 2, 5),
    ('c4', 5.0, 'B', 2, 1, 'Price', 1, 2), ('c5', 5.0, 'B', 3, 1, 'Moved', 2, 1), ('c6', 4.0, 'B', 1, 1, 'Price', 1, 2),
    ('c7', 3.0, 'B', 12, 0, NULL, 3, 3), ('c8', 1.0, 'A', 14, 0, NULL, 4, 4), ('c9', 1.0, 'B', 4, 1, 'Service', 1, 3), ('c10', 1.0, 'A', 13, 0, NULL, 5, 3)
  ) v(id, spend, plan, months, churned, reason, price_rating, service_rating)`);
  await engine.query(`CREATE TABLE orders AS SELECT * FROM (VALUES
    ('c1', DATE '2024-01-05'), ('c1', DATE '2024-02-03'), ('c1', DATE '2024-03-09'), ('c2', DATE '2024-01-20'), ('c2', DATE '2024-03-01'),
    ('c3', DATE '2024-02-11'), ('c3', DATE '2024-03-15'), ('c4', DATE '2024-02-20'), ('c5', DATE '2024-03-02')
  ) v(customer, day)`);
}, 300_000);
afterAll(() => engine.close());

const specs: Record<AnalysisKind, Record<string, unknown>> = {
  pareto: { table: 'cust', customer: 'id', value: { kind: 'column', column: 'spend' }, group: 'plan' },
  survival: { table: 'cust', time: { kind: 'duration', column: 'months' }, event: { column: 'churned', values: [1] }, group: 'plan', horizons: [3, 6, 12] },
  hazard: { table: 'cust', time: { kind: 'duration', column: 'months' }, event: { column: 'churned', values: [1] }, hazardWidth: 3 },
  cohort: { table: 'orders', customer: 'customer', date: 'day' },
  reasons: { table: 'cust', reason: 'reason', event: { column: 'churned', values: [1] } },
  quadrant: { table: 'cust', drivers: [{ column: 'price_rating' }, { column: 'service_rating' }], outcome: { column: 'churned', invert: true } },
  risk: { table: 'cust', customer: 'id', time: { kind: 'duration', column: 'months' }, event: { column: 'churned', values: [1] }, value: { kind: 'column', column: 'spend' }, horizon: 2, minAtRisk: 2, classes: { kind: 'pareto', value: { kind: 'column', column: 'spend' } } },
  cox: { table: 'cust', time: { kind: 'duration', column: 'months' }, event: { column: 'churned', values: [1] }, covariates: ['plan', 'price_rating'], profiles: [{ values: { plan: 'A', price_rating: 4 } }, { name: 'B, low rating', values: { plan: 'B', price_rating: 1 } }] },
};

describe('analysis registry', () => {
  it.each(ANALYSIS_KINDS)('%s: schema, compute, charts titled with the finding, takeaway, SQL', async (kind) => {
    const rec = REGISTRY[kind];
    expect(rec.kind).toBe(kind);
    expect(rec.schema.safeParse(specs[kind]).success).toBe(true);
    const result = await rec.compute(engine, specs[kind]);
    for (const t of [en, zh]) {
      const charts = rec.charts(result, t, SLIDE_THEME, { width: 960, height: 540 });
      expect(charts.length).toBeGreaterThan(0);
      expect(charts.map((c) => c.id)).toEqual(rec.chartIds.slice(0, charts.length));
      for (const c of charts) {
        expect(c.title.length).toBeGreaterThan(5);
        // Every placeholder filled, no raw fraction such as 0.7030966 left in a sentence.
        expect(c.title).not.toMatch(/\{\{|\}\}|\d\.\d{4,}/);
        expect(renderChartSvg(c.option, { width: 960, height: 540 })).toContain('<svg');
      }
      expect(rec.takeaway(result, t)).not.toMatch(/\{\{|\d\.\d{4,}/);
    }
    expect(rec.sql(result)).toMatch(/SELECT/i);
  });

  it('pareto: the headline is the finding, the class table has raw numbers and slide formatting', async () => {
    const rec = REGISTRY.pareto;
    const r = await rec.compute(engine, specs.pareto);
    const [main] = rec.charts(r, en, SLIDE_THEME);
    expect(main.title).toBe('The top 20% of customers (2) produce 70.0% of spend; 80% is reached with 30.0% of customers.');
    expect(rec.takeaway(r, en)).toBe('Protect the 3 A-class customers: 30% of customers bring 80% of spend.');
    const table = rec.table!(r, en);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0].slice(1, 3)).toEqual([3, 0.3]);
    expect(displayTable(table).rows[0].slice(1, 3)).toEqual(['3', '30.0%']);
    expect(rec.charts(r, zh, SLIDE_THEME)[0].title).toContain('前 20% 的客户');
  });

  it('survival: worst and best group at the 12-month horizon; per-group table', async () => {
    const rec = REGISTRY.survival;
    const r = await rec.compute(engine, specs.survival);
    const [km] = rec.charts(r, en, SLIDE_THEME);
    // Plan B: 4 of 5 churn by month 4 → 20% at 12; plan A: c3 churns at 12 → 80%.
    expect(km.title).toBe('After 12 months, 20% of customers with plan B remain, against 80% with plan A');
    const table = rec.table!(r, en);
    expect(table.columns).toEqual(['Group', 'Customers', 'Churned', 'Median (months)', 'At 3 months', 'At 6 months', 'At 12 months']);
    expect(table.rows.map((x) => x.slice(0, 3))).toEqual([['A', 5, 1], ['B', 5, 4]]);
  });

  it('reasons and quadrant: top reason, priority table', async () => {
    const reasons = await REGISTRY.reasons.compute(engine, specs.reasons);
    expect(REGISTRY.reasons.charts(reasons, en, SLIDE_THEME)[0].title).toBe('Top churn reason: Price (60% of churned customers)');
    const q = await REGISTRY.quadrant.compute(engine, specs.quadrant);
    const table = REGISTRY.quadrant.table!(q, en);
    expect(table.columns[0]).toBe('Priority');
    expect(table.rows.map((x) => x[0])).toEqual([1, 2]);
  });
});
