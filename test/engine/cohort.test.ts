import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeCohorts } from '../../shared/analysis/cohort/compute';
import { DATA, GOLDEN } from '../helpers/paths';

const GOLD = JSON.parse(readFileSync(`${GOLDEN}/retail_4months.json`, 'utf8'));
// The golden's filters: no CustomerID → dropped; InvoiceNo starting with C (cancellation) → dropped.
// CAST keeps this working whether the importer types InvoiceNo as text or not.
const WHERE = `"CustomerID" IS NOT NULL AND NOT starts_with(CAST("InvoiceNo" AS VARCHAR), 'C')`;

let engine: QueryEngine;
let table: string;
beforeAll(async () => {
  engine = await startEngine();
  table = (await importFile(engine, nodeFileSource(`${DATA}/online_retail_2010-12_to_2011-03.csv`))).table;
}, 300_000); // duckdb-wasm start + import: slow on a busy 2-core machine
afterAll(() => engine.close());

describe('monthly cohorts on UCI Online Retail vs golden retail_4months.json', () => {
  it('sizes, active counts and retention per offset; unobserved offsets are null', async () => {
    const r = await computeCohorts(engine, { table, customer: 'CustomerID', date: 'InvoiceDate', where: WHERE, valueExpr: `"Quantity" * "UnitPrice"` });
    const months = Object.keys(GOLD.cohorts).filter((k) => /^\d{4}-\d{2}$/.test(k));
    expect(r.cohorts.map((c) => c.cohort)).toEqual(months);
    expect(r.lastPeriod).toBe('2011-03');
    for (const c of r.cohorts) {
      const g = GOLD.cohorts[c.cohort];
      expect(c.size).toBe(g.size);
      expect(c.active).toEqual(g.active_counts);
      c.retention.forEach((x, k) => {
        const want = g.retention_pct[k];
        if (want === null) return expect(x).toBeNull();
        expect(Math.abs((x as number) * 100 - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
      });
    }
    expect(r.cohorts.reduce((s, c) => s + c.size, 0)).toBe(GOLD.counts.n_customers);
    // value: revenue summed over every cohort and offset = the golden revenue total
    const total = r.cohorts.flatMap((c) => c.value ?? []).reduce((s: number, v) => s + (v ?? 0), 0);
    expect(Math.abs(total - GOLD.revenue_pareto.total)).toBeLessThanOrEqual(1e-9 * GOLD.revenue_pareto.total);
    // the weighted average at offset 1 pools the three observed cohorts
    expect(r.average[1]).toBeCloseTo((324 + 92 + 71) / (885 + 417 + 380), 15);
    expect(r.averageCohorts).toEqual([4, 3, 2, 1]);
    expect(r.average[3]).toBeCloseTo(340 / 885, 15);
  });

  it('without the filter, guests and cancellations change the result (the filter matters)', async () => {
    const r = await computeCohorts(engine, { table, customer: 'CustomerID', date: 'InvoiceDate' });
    expect(r.excluded.missingCustomer).toBe(GOLD.counts.n_null_customer);
    expect(r.cohorts.reduce((s, c) => s + c.size, 0)).toBeGreaterThan(GOLD.counts.n_customers);
  });

  it('quarter and week periods cover the same customers', async () => {
    const q = await computeCohorts(engine, { table, customer: 'CustomerID', date: 'InvoiceDate', where: WHERE, period: 'quarter' });
    expect(q.cohorts.map((c) => c.cohort)).toEqual(['2010-Q4', '2011-Q1']);
    expect(q.cohorts[0].size).toBe(885);
    expect(q.cohorts[1].retention).toEqual([1, null]);
    const w = await computeCohorts(engine, { table, customer: 'CustomerID', date: 'InvoiceDate', where: WHERE, period: 'week' });
    expect(w.cohorts[0].cohort).toBe('2010-11-29'); // Monday of the week holding 2010-12-01
    expect(w.cohorts.reduce((s, c) => s + c.size, 0)).toBe(GOLD.counts.n_customers);
    const last = w.cohorts[w.cohorts.length - 1];
    expect(last.retention.slice(1).every((x) => x === null)).toBe(true);
  });
});
