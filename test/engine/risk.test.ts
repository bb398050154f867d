import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeRisk } from '../../shared/analysis/risk/compute';
import { kmAt } from '../../shared/analysis/risk/score';
import { callListSql, saveCallListSql, scoredRelation } from '../../shared/analysis/risk/sql';
import type { CoxPredictorFactory } from '../../shared/analysis/risk/cox';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import { TenureError } from '../../shared/errors';
import { computeCox } from '../../shared/analysis/cox/compute';
import { predictProfile } from '../../shared/analysis/cox/model';
import { DATA } from '../helpers/paths';
import { telcoRiskSpec } from '../helpers/telcoRisk';

let engine: WasmNodeEngine;
let telco: string;
const spec = (table: string, extra: Record<string, unknown> = {}) => ({
  table,
  customer: 'id',
  time: { kind: 'duration', column: 'months' },
  event: { column: 'churned', values: [1] },
  value: { kind: 'column', column: 'spend' },
  horizon: 2,
  minAtRisk: 0,
  ...extra,
});

beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  telco = (await importFile(engine, nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx')))).table;
  // 8 customers, one segment; c7 has no value, c8 no tenure.
  await engine.query(`CREATE TABLE small AS SELECT * FROM (VALUES
    ('c1', 1, 0, 100.0, 'x'), ('c2', 2, 1, 50.0, 'x'), ('c3', 2, 0, 80.0, 'x'), ('c4', 3, 1, 10.0, 'x'),
    ('c5', 4, 0, 40.0, 'x'), ('c6', 6, 0, 30.0, 'x'), ('c7', 1, 0, NULL, 'x'), ('c8', NULL, 0, 20.0, 'x')
  ) v(id, months, churned, spend, plan)`);
}, 120_000);
afterAll(() => engine?.close());

describe('value at risk: rules on a small table', () => {
  it('p from the KM step function; no value or no tenure = not scored; past the last time = not scored', async () => {
    const r = await computeRisk(engine, spec('small'));
    // KM over the 7 customers with a tenure: events at 2 (1 of 5 at risk) and 3 (1 of 3): S(2) = 4/5, S(3) = 8/15.
    expect([r.customers, r.active]).toEqual([8, 6]);
    const p = Object.fromEntries(r.top.map((x) => [x.id, x.p]));
    expect(p.c1).toBeCloseTo(7 / 15, 14); // 1 − S(3)/S(1)
    expect(p.c3).toBeCloseTo(1 / 3, 14); // 1 − S(4)/S(2)
    expect(p.c5).toBeCloseTo(0, 14); // S(6)/S(4) = 1
    // c6: 6 + 2 is past the last time 6; c7: no value; c8: no tenure.
    expect(Object.keys(p).sort()).toEqual(['c1', 'c3', 'c5']);
    expect([r.scored, r.notScored, r.thinTail, r.nullValues]).toEqual([3, 3, 0, 1]);
    expect(r.valueAtRisk).toBeCloseTo((100 * 7) / 15 + 80 / 3, 10);
    // Without a segment: one row for everyone.
    expect(r.bySegment.map((s) => [s.segment, s.scored])).toEqual([[null, 3]]);
  });

  it('the minimum at risk at t + h makes the thin tail', async () => {
    const r = await computeRisk(engine, spec('small', { minAtRisk: 3 }));
    // Customers with time ≥ t + 2: t = 1 → 4 (scored), t = 2 → 2 (thin), t = 4 → 1 (thin), t = 6 → 0 (thin).
    expect(r.top.map((x) => x.id)).toEqual(['c1']);
    expect([r.scored, r.thinTail, r.notScored]).toEqual([1, 3, 5]);
  });

  it('one row per customer, else a clear error', async () => {
    const err = await computeRisk(engine, spec('small', { customer: 'plan' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TenureError);
    expect((err as TenureError).code).toBe('risk.duplicateCustomer');
    expect((err as TenureError).message).toBe('Customer x is on 8 rows of small: value at risk needs one row per customer');
  });

  it('the saved call list is the ranked list of every scored customer', async () => {
    const r = await computeRisk(engine, spec('small'));
    await engine.query(saveCallListSql(r.ctes, false, 'small_calls'));
    const rows = toRows<{ rank: number; customer: string; expected_loss: number }>(await engine.query('SELECT rank, customer, expected_loss FROM small_calls ORDER BY rank'));
    expect(rows.map((x) => x.customer)).toEqual(['c1', 'c3', 'c5']);
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(toRows(await engine.query(callListSql(scoredRelation(r.ctes), false))).length).toBe(3);
  });
});

describe('value at risk with a Cox model (the predictor interface of risk/cox.ts)', () => {
  const base = () => telcoRiskSpec(telco);

  it('scores with the study’s Cox model: p = 1 − S(t + h | x) / S(t | x) from the fitted model', async () => {
    const coxSpec = { covariates: ['Contract', 'Monthly Charges'] };
    const r = await computeRisk(engine, { ...base(), model: { kind: 'cox', spec: coxSpec } });
    expect(r.scored).toBeGreaterThan(1000);
    const fit = await computeCox(engine, { table: telco, time: base().time, event: base().event, ...coxSpec });
    const rows = toRows<{ id: string; c: string; m: number }>(
      await engine.query(`SELECT CAST("CustomerID" AS VARCHAR) AS id, "Contract" AS c, "Monthly Charges" AS m FROM "${telco}" WHERE "CustomerID" IN (${r.top.slice(0, 5).map((x) => `'${x.id}'`).join(', ')})`),
    );
    for (const top of r.top.slice(0, 5)) {
      const row = rows.find((x) => x.id === top.id)!;
      const [s0, s1] = predictProfile(fit.model, { Contract: row.c, 'Monthly Charges': row.m }, [top.time, top.time + 6]);
      expect(Math.abs(top.p - (1 - s1 / s0))).toBeLessThan(1e-12);
    }
  });

  it('a predictor whose survival is the KM of the profile’s contract gives exactly the KM numbers', async () => {
    const km = await computeSurvival(engine, { table: telco, time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] }, group: 'Contract' });
    const cox: CoxPredictorFactory = async (_engine, coxSpec) => {
      expect(coxSpec.table).toBe(telco);
      return { covariates: ['Contract'], predict: (profile, times) => times.map((t) => kmAt(km.groups.find((g) => g.name === profile[0])!.steps, t) ?? 0) };
    };
    const a = await computeRisk(engine, base());
    const b = await computeRisk(engine, { ...base(), model: { kind: 'cox', spec: {} } }, { cox });
    expect([b.scored, b.notScored, b.thinTail]).toEqual([a.scored, a.notScored, a.thinTail]);
    expect(Math.abs(b.valueAtRisk - a.valueAtRisk)).toBeLessThan(1e-9 * a.valueAtRisk);
    expect(b.top.map((x) => x.id)).toEqual(a.top.map((x) => x.id));
    expect(b.top.map((x) => x.window)).toEqual(a.top.map((x) => x.window));
  });
});
