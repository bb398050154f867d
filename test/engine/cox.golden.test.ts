import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeCox, type CoxResult } from '../../shared/analysis/cox/compute';
import type { CoxSpecInput } from '../../shared/analysis/cox/spec';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON is read as plain data */
const G: any = JSON.parse(readFileSync(path.join(GOLDEN, 'survival_models.json'), 'utf8'));

const REL = 1e-6;
function close(app: number, gold: number, what: string, rel = REL): void {
  expect(Math.abs(app - gold), `${what}: app ${app}, golden ${gold}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(gold), 1e-300));
}

/** Every number of one golden model block; `rename` maps the golden's term names to this file's. */
function check(r: CoxResult, g: any, rename: (term: string) => string = (t) => t, renameTerm = rename): void {
  const m = r.model;
  expect([m.n, m.events]).toEqual([g.n, g.n_event]);
  expect(m.ties).toBe('efron');
  close(m.loglikNull, g.loglik_null, 'loglik null');
  close(m.loglik, g.loglik_model, 'loglik');
  close(m.likelihoodRatio.chisq, g.likelihood_ratio.chisq, 'LR');
  expect(m.likelihoodRatio.df).toBe(g.likelihood_ratio.df);
  // summary() prints the Wald statistic to 2 decimals
  expect(Math.abs(m.wald.chisq - g.wald.chisq)).toBeLessThanOrEqual(0.005);
  expect(m.wald.df).toBe(g.wald.df);
  close(m.score.chisq, g.score_logrank.chisq, 'score');
  close(m.concordance.c, g.concordance.c, 'concordance');
  close(m.concordance.se, g.concordance.se, 'concordance SE');
  expect(m.coefficients.map((c) => c.term)).toEqual(g.coefficients.map((c: any) => rename(c.term)));
  m.coefficients.forEach((c, i) => {
    const gc = g.coefficients[i];
    close(c.coef, gc.coef, `${c.term} coef`);
    close(c.hazardRatio, gc.hazard_ratio, `${c.term} HR`);
    close(c.se, gc.se, `${c.term} se`);
    close(c.z, gc.z, `${c.term} z`);
    close(c.p, gc.p_value, `${c.term} p`);
    close(c.hrLower, gc.hr_lower95, `${c.term} lower`);
    close(c.hrUpper, gc.hr_upper95, `${c.term} upper`);
  });
  expect(m.phTest.map((t) => t.term)).toEqual(g.ph_test.terms.map((t: any) => renameTerm(t.term)));
  m.phTest.forEach((t, i) => {
    const gt = g.ph_test.terms[i];
    close(t.chisq, gt.chisq, `zph ${t.term}`);
    expect(t.df).toBe(gt.df);
    close(t.p, gt.p_value, `zph ${t.term} p`);
  });
}

let engine: WasmNodeEngine;
const tables: Record<string, string> = {};

beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  tables.csv = (await importFile(engine, nodeFileSource(path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')))).table;
  tables.xlsx = (await importFile(engine, nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx')))).table;
}, 240_000);

afterAll(async () => {
  await engine?.close();
});

const PRED = G.cox.model.predicted_survival;

function csvSpec(covariates: string[]): CoxSpecInput {
  return { table: tables.csv, time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, covariates };
}

describe('Cox vs R coxph / cox.zph / survfit (survival_models.json)', () => {
  it('CSV: Contract + InternetService + MonthlyCharges + SeniorCitizen, predicted survival for three profiles', async () => {
    const profiles = PRED.profiles.map((p: any) => ({ values: { Contract: p.Contract, InternetService: p.InternetService, MonthlyCharges: Number(p.MonthlyCharges), SeniorCitizen: Number(p.SeniorCitizen) } }));
    const r = await computeCox(engine, { ...csvSpec(['Contract', 'InternetService', 'MonthlyCharges', 'SeniorCitizen']), profiles, times: PRED.times });
    check(r, G.cox.model);
    // the defaults are the golden's references (R: first level in sorted order)
    expect(r.model.factors.map((f) => [f.column, f.reference])).toEqual(Object.entries(G.cox.model.reference_levels));
    expect(r.excluded).toEqual({ missingTime: 0, negativeTime: 0, missingCovariate: 0, byColumn: {} });
    r.predicted.forEach((p, i) => {
      expect(p.times).toEqual(PRED.times);
      p.survival.forEach((s, k) => close(s, PRED.profiles[i].survival[k], `profile ${i} S(${PRED.times[k]})`));
    });
  }, 120_000);

  it('CSV: Contract alone (cox_contract_only)', async () => {
    check(await computeCox(engine, csvSpec(['Contract'])), G.cox_contract_only);
  }, 120_000);

  it('Excel workbook: the same customers, the same model (Senior Citizen as Yes/No text)', async () => {
    const ren: Record<string, string> = { InternetService: 'Internet Service', MonthlyCharges: 'Monthly Charges', SeniorCitizen: 'Senior CitizenYes' };
    const renameTerm = (t: string): string => (t === 'SeniorCitizen' ? 'Senior Citizen' : rename(t));
    const rename = (t: string): string => {
      for (const [a, b] of Object.entries(ren)) if (t.startsWith(a)) return b + t.slice(a.length);
      return t;
    };
    const profiles = PRED.profiles.map((p: any) => ({ values: { Contract: p.Contract, 'Internet Service': p.InternetService, 'Monthly Charges': Number(p.MonthlyCharges), 'Senior Citizen': p.SeniorCitizen === '1' ? 'Yes' : 'No' } }));
    const r = await computeCox(engine, {
      table: tables.xlsx,
      time: { kind: 'duration', column: 'Tenure Months' },
      event: { column: 'Churn Value', values: [1] },
      covariates: ['Contract', 'Internet Service', 'Monthly Charges', 'Senior Citizen'],
      profiles,
      times: PRED.times,
    });
    check(r, G.cox.model, rename, renameTerm);
    r.predicted.forEach((p, i) => p.survival.forEach((s, k) => close(s, PRED.profiles[i].survival[k], `xlsx profile ${i} S(${PRED.times[k]})`)));
  }, 120_000);
});
