import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON and CLI output are plain data */
const G: any = JSON.parse(readFileSync(path.join(GOLDEN, 'survival_models.json'), 'utf8')).cox.model;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);
const CSV = `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`;

describe('tenure cox (CLI)', () => {
  it('the golden model on the CSV: the issue’s JSON shape, R’s numbers, profiles from a file, a forest plot PNG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tenure-cox-'));
    const profiles = path.join(dir, 'profiles.json');
    // plain {column: value} objects, as R's newdata rows
    writeFileSync(profiles, JSON.stringify(G.predicted_survival.profiles.map((p: any) => ({ Contract: p.Contract, InternetService: p.InternetService, MonthlyCharges: Number(p.MonthlyCharges), SeniorCitizen: Number(p.SeniorCitizen) }))));
    const png = path.join(dir, 'forest.png');
    const { code, out, err } = await cliJson([
      'cox', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--covariates', 'Contract,InternetService,MonthlyCharges,SeniorCitizen',
      '--reference', 'Contract=Month-to-month', '--ties', 'efron', '--profiles', profiles, '--times', G.predicted_survival.times.join(','), '--png', png, '--json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = out as any;
    for (const k of ['n', 'events', 'excluded', 'ties', 'concordance', 'likelihoodRatio', 'wald', 'score', 'coefficients', 'phTest', 'predicted', 'sql']) expect(r, k).toHaveProperty(k);
    expect([r.n, r.events, r.ties]).toEqual([G.n, G.n_event, 'efron']);
    expect(r.references).toEqual(G.reference_levels);
    expect(rel(r.likelihoodRatio.chisq, G.likelihood_ratio.chisq)).toBeLessThan(1e-6);
    expect(rel(r.score.chisq, G.score_logrank.chisq)).toBeLessThan(1e-6);
    expect(Math.abs(r.wald.chisq - G.wald.chisq)).toBeLessThan(0.005);
    expect(rel(r.concordance.c, G.concordance.c)).toBeLessThan(1e-6);
    expect(rel(r.concordance.se, G.concordance.se)).toBeLessThan(1e-6);
    expect(r.coefficients.map((c: any) => c.term)).toEqual(G.coefficients.map((c: any) => c.term));
    expect(r.coefficients[0]).toMatchObject({ term: 'ContractOne year', column: 'Contract', level: 'One year' });
    expect(r.coefficients[4]).toMatchObject({ term: 'MonthlyCharges', column: 'MonthlyCharges', level: null });
    r.coefficients.forEach((c: any, i: number) => {
      const g = G.coefficients[i];
      for (const [a, b] of [['coef', 'coef'], ['hazardRatio', 'hazard_ratio'], ['se', 'se'], ['z', 'z'], ['p', 'p_value'], ['hrLower', 'hr_lower95'], ['hrUpper', 'hr_upper95']]) expect(rel(c[a], g[b]), `${c.term} ${a}`).toBeLessThan(1e-6);
    });
    expect(r.phTest.map((x: any) => x.term)).toEqual(G.ph_test.terms.map((x: any) => x.term));
    expect(r.phTest.at(-1).term).toBe('GLOBAL');
    r.phTest.forEach((x: any, i: number) => expect(rel(x.chisq, G.ph_test.terms[i].chisq)).toBeLessThan(1e-6));
    expect(r.predicted).toHaveLength(3);
    r.predicted.forEach((p: any, i: number) => {
      expect(p.times).toEqual(G.predicted_survival.times);
      p.survival.forEach((s: number, k: number) => expect(rel(s, G.predicted_survival.profiles[i].survival[k])).toBeLessThan(1e-6));
    });
    expect(r.sql).toMatch(/SELECT/);
    expect(statSync(png).size).toBeGreaterThan(10_000);
  }, 180_000);

  it('a text column with one value on the rows kept: a clear error naming it, exit code 2', async () => {
    const { code, out, err } = await cliJson(['cox', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--covariates', 'Contract,PhoneService', '--where', `"PhoneService" = 'Yes'`, '--json']);
    expect(code).toBe(2);
    expect(out).toBeNull();
    expect(JSON.parse(err).error).toMatchObject({ code: 'cox.oneLevel', column: 'PhoneService' });
  }, 180_000);
});
