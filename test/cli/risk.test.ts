import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON is read as plain data */
const G: any = JSON.parse(readFileSync(`${GOLDEN}/survival_models.json`, 'utf8')).value_at_risk;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('tenure risk (CLI)', () => {
  it('Telco workbook, KM by Contract, h = 6, CLTV, --classes-from CLTV: the documented JSON, golden numbers', async () => {
    const { code, out, err } = await cliJson(['risk', `${DATA}/Telco_customer_churn.xlsx`, '--customer', 'CustomerID', '--time', 'Tenure Months', '--event', 'Churn Value', '--event-value', '1', '--segment', 'Contract', '--value', 'CLTV', '--horizon', '6', '--classes-from', 'CLTV', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = out as any;
    expect(Object.keys(r)).toEqual(['horizon', 'minAtRisk', 'customers', 'active', 'notScored', 'thinTail', 'valueActiveScored', 'valueAtRisk', 'bySegment', 'byClass', 'top', 'warnings', 'sql', 'engine']);
    expect([r.horizon, r.minAtRisk, r.customers, r.active, r.notScored, r.thinTail]).toEqual([6, 20, G.n_customers, G.n_active, G.n_not_scored, G.n_thin_tail]);
    expect(rel(r.valueActiveScored, G.value_active_scored)).toBeLessThan(1e-9);
    expect(rel(r.valueAtRisk, G.value_at_risk)).toBeLessThan(1e-9);
    expect(r.bySegment.map((s: any) => Object.keys(s))).toEqual(G.by_segment.map(() => ['segment', 'scored', 'valueAtRisk', 'meanP']));
    r.bySegment.forEach((s: any, i: number) => {
      expect([s.segment, s.scored]).toEqual([G.by_segment[i].segment, G.by_segment[i].n_scored]);
      expect(rel(s.valueAtRisk, G.by_segment[i].value_at_risk)).toBeLessThan(1e-9);
      expect(rel(s.meanP, G.by_segment[i].mean_p)).toBeLessThan(1e-9);
    });
    expect(r.byClass.map((c: any) => [c.class, c.scored])).toEqual(G.by_class.map((c: any) => [c.class, c.n_scored]));
    r.byClass.forEach((c: any, i: number) => expect(rel(c.valueAtRisk, G.by_class[i].value_at_risk)).toBeLessThan(1e-9));
    expect(r.top).toHaveLength(25);
    expect(r.top.map((x: any) => x.id)).toEqual(G.top.map((x: any) => x.id));
    expect(Object.keys(r.top[0])).toEqual(['id', 'segment', 'time', 'p', 'value', 'expectedLoss']);
    r.top.forEach((x: any, i: number) => expect(rel(x.expectedLoss, G.top[i].expected_loss)).toBeLessThan(1e-9));
    expect(r.sql).toContain('CREATE TEMP TABLE');
  }, 300_000);

  it('--top and --min-at-risk; without classes byClass is empty', async () => {
    const { code, out } = await cliJson(['risk', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--customer', 'customerID', '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--segment', 'Contract', '--value-expr', '"MonthlyCharges" * 12', '--horizon', '12', '--min-at-risk', '50', '--top', '5', '--json']);
    expect(code).toBe(0);
    const r = out as any;
    expect(r.top).toHaveLength(5);
    expect(r.minAtRisk).toBe(50);
    expect(r.horizon).toBe(12);
    expect(r.byClass).toEqual([]);
    expect(r.notScored).toBe(r.thinTail);
    // Expected losses in order, each p × value.
    for (let i = 1; i < 5; i++) expect(r.top[i].expectedLoss).toBeLessThanOrEqual(r.top[i - 1].expectedLoss);
    for (const x of r.top) expect(rel(x.expectedLoss, x.p * x.value)).toBeLessThan(1e-12);
  }, 300_000);

  it('errors name what is wrong: a missing horizon, a text value, a duplicated customer id', async () => {
    const noHorizon = await cliJson(['risk', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--customer', 'customerID', '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--value', 'MonthlyCharges', '--json']);
    expect(noHorizon.code).toBe(2);
    expect(JSON.parse(noHorizon.err).error.code).toBe('cli.badOption');
    expect(noHorizon.err).toContain('--horizon');
    const text = await cliJson(['risk', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--customer', 'customerID', '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--value', 'Contract', '--horizon', '6', '--json']);
    expect(text.code).toBe(2);
    expect(JSON.parse(text.err).error).toMatchObject({ code: 'risk.valueNotNumeric', column: 'Contract' });
    const dup = await cliJson(['risk', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--customer', 'Contract', '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--value', 'MonthlyCharges', '--horizon', '6', '--json']);
    expect(dup.code).toBe(2);
    expect(JSON.parse(dup.err).error.code).toBe('risk.duplicateCustomer');
    expect(JSON.parse(dup.err).error.message).toMatch(/Customer Month-to-month is on 3875 rows/);
  }, 300_000);
});
