import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { generateSample } from '../../scripts/generateSample';

// The sample workspace must tell its stories when loaded the way the app loads it.
let engine: WasmNodeEngine;
let dir: string;
const one = async <T = Record<string, number>>(sql: string) => toRows<T>(await engine.query(sql))[0];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-sample-'));
  generateSample(dir);
  engine = new WasmNodeEngine();
  await engine.init();
  for (const f of ['customers', 'billing', 'survey']) {
    const r = await importFile(engine, nodeFileSource(path.join(dir, `${f}.csv`)));
    expect(r.table).toBe(f);
  }
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sample workspace in duckdb-wasm', () => {
  it('loads with the expected types', async () => {
    const types = toRows<{ t: string; c: string; ty: string }>(await engine.query(
      `SELECT table_name AS t, column_name AS c, data_type AS ty FROM information_schema.columns
       WHERE (table_name, column_name) IN (('customers','signup_date'),('customers','churn_date'),('customers','tenure_months'),('billing','month'),('billing','revenue'),('survey','sat_price'))
       ORDER BY 1, 2`));
    expect(Object.fromEntries(types.map((r) => [`${r.t}.${r.c}`, r.ty]))).toEqual({
      'billing.month': 'DATE', 'billing.revenue': 'DOUBLE', 'customers.churn_date': 'DATE', 'customers.signup_date': 'DATE',
      'customers.tenure_months': 'BIGINT', 'survey.sat_price': 'BIGINT',
    });
  });

  it('is consistent: churn dates only for churners, after signup; billing only for known customers', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE (churned = 'Yes') <> (churn_date IS NOT NULL)) AS bad_flag,
      count(*) FILTER (WHERE churn_date < signup_date OR churn_date > DATE '2024-12-31') AS bad_date,
      count(*) FILTER (WHERE churned = 'Yes' AND churn_reason IS NULL) AS no_reason,
      (SELECT count(*) FROM billing b ANTI JOIN customers c USING (customer_id)) AS orphans
      FROM customers`);
    expect(r).toEqual({ bad_flag: 0, bad_date: 0, no_reason: 0, orphans: 0 });
  });

  it('month-to-month churns far more than two-year contracts, and earlier', async () => {
    const rows = toRows<{ k: string; rate: number; early: number }>(await engine.query(`SELECT contract_type AS k,
      avg((churned = 'Yes')::INT) AS rate,
      avg((churned = 'Yes' AND tenure_months <= 6)::INT) AS early
      FROM customers GROUP BY 1`));
    const by = Object.fromEntries(rows.map((r) => [r.k, r]));
    expect(by['Month-to-month'].rate).toBeGreaterThan(2 * by['Two year'].rate);
    expect(by['Month-to-month'].rate).toBeGreaterThan(by['One year'].rate);
    expect(by['Month-to-month'].early).toBeGreaterThan(5 * by['Two year'].early);
  });

  it('churn peaks at contract ends (months 12 and 24)', async () => {
    const r = await one(`SELECT
      count(*) FILTER (WHERE tenure_months = 12) AS m12, count(*) FILTER (WHERE tenure_months IN (11, 13)) / 2 AS around12,
      count(*) FILTER (WHERE tenure_months = 24) AS m24, count(*) FILTER (WHERE tenure_months IN (23, 25)) / 2 AS around24
      FROM customers WHERE churned = 'Yes' AND contract_type <> 'Month-to-month'`);
    expect(r.m12).toBeGreaterThan(4 * r.around12);
    expect(r.m24).toBeGreaterThan(4 * r.around24);
  });

  it('has controllable and uncontrollable churn reasons', async () => {
    const reasons = toRows<{ r: string }>(await engine.query(`SELECT DISTINCT churn_reason AS r FROM customers WHERE churn_reason IS NOT NULL`)).map((x) => x.r);
    expect(reasons).toEqual(expect.arrayContaining(['Competitor offer', 'Price too high', 'Network coverage', 'Poor support', 'Moved', 'Deceased']));
  });

  it('profit is concentrated: the top 20% of customers earn most of it, and some lose money', async () => {
    const r = await one(`WITH p AS (SELECT customer_id, sum(revenue - cost) AS profit FROM billing GROUP BY 1),
      r AS (SELECT profit, row_number() OVER (ORDER BY profit DESC) AS rk, count(*) OVER () AS n FROM p)
      SELECT sum(profit) FILTER (WHERE rk <= n * 0.2) / sum(profit) AS top20, count(*) FILTER (WHERE profit < 0) AS losers, any_value(n) AS n FROM r`);
    expect(r.top20).toBeGreaterThan(0.6);
    expect(r.losers).toBeGreaterThan(0.05 * r.n);
    expect(r.losers).toBeLessThan(0.3 * r.n);
  });

  it('survey: call quality and customer service are important but poorly rated; roaming is overkill', async () => {
    const r = await one(`SELECT
      avg(sat_call_quality) AS s_cq, avg(imp_call_quality) AS i_cq, avg(sat_customer_service) AS s_cs, avg(imp_customer_service) AS i_cs,
      avg(sat_roaming) AS s_ro, avg(imp_roaming) AS i_ro, avg(sat_device_offers) AS s_do, avg(imp_device_offers) AS i_do,
      corr(sat_call_quality, overall_satisfaction) AS c_cq, corr(sat_roaming, overall_satisfaction) AS c_ro,
      corr(overall_satisfaction, would_recommend) AS c_rec, min(overall_satisfaction) AS lo, max(overall_satisfaction) AS hi
      FROM survey`);
    expect(r.i_cq).toBeGreaterThan(4);
    expect(r.i_cs).toBeGreaterThan(4);
    expect(r.s_cq).toBeLessThan(3);
    expect(r.s_cs).toBeLessThan(3);
    expect(r.s_ro).toBeGreaterThan(3.5);
    expect(r.i_ro).toBeLessThan(2.5);
    expect(r.s_do).toBeGreaterThan(3.5);
    expect(r.i_do).toBeLessThan(2.5);
    expect(r.c_cq).toBeGreaterThan(r.c_ro + 0.1);
    expect(r.c_rec).toBeGreaterThan(0.6);
    expect(r.lo).toBeGreaterThanOrEqual(1);
    expect(r.hi).toBeLessThanOrEqual(10);
  });
});
