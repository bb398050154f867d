import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

const KM = JSON.parse(readFileSync(`${GOLDEN}/telco.json`, 'utf8')).kaplan_meier.R;

const cli = cliJson;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('tenure survival (CLI)', () => {
  it('CSV, Churn = Yes, by Contract: medians, at-times, steps and log-rank as R', async () => {
    const { code, out } = await cli(['survival', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--group', 'Contract', '--times', '1,3,6,12,24,36,48,60,72', '--json']);
    expect(code).toBe(0);
    const r = out as { groups: { name: string; n: number; events: number; censored: number; median: number | null; medianCI: (number | null)[]; atTimes: { time: number; nRisk: number; survival: number; stdErr: number; lower: number | null; upper: number | null }[]; steps: { time: number; nRisk: number; stdErr: number | null }[]; hazard: unknown[] }[]; logrank: { chisq: number; df: number; p: number; log10p: number }; sql: string };
    expect(r.groups.map((g) => g.name)).toEqual(['Month-to-month', 'One year', 'Two year']);
    for (const g of r.groups) {
      // the CSV and the xlsx hold the same customers: R's by-Contract numbers apply
      const gold = KM.by_contract[g.name];
      expect([g.n, g.events, g.censored]).toEqual([gold.n, gold.events, gold.censored]);
      expect([g.median, ...g.medianCI]).toEqual([gold.median.conf_type_log.median, gold.median.conf_type_log.lower, gold.median.conf_type_log.upper]);
      g.atTimes.forEach((a, i) => {
        const ga = gold.at_times[i];
        expect([a.time, a.nRisk]).toEqual([ga.t, ga.n_risk]);
        expect(rel(a.survival, ga.surv)).toBeLessThan(1e-9);
        expect(rel(a.stdErr, ga.std_err)).toBeLessThan(1e-9);
        expect(rel(a.lower!, ga.ci_log_lower)).toBeLessThan(1e-9);
      });
      expect(g.steps.length).toBe(gold.step_table.length);
      expect(g.hazard.length).toBeGreaterThan(0);
    }
    expect(rel(r.logrank.chisq, KM.logrank_contract.chisq)).toBeLessThan(1e-9);
    expect(r.logrank.df).toBe(2);
    expect(r.logrank.p).toBe(0);
    expect(rel(r.logrank.log10p, KM.logrank_contract.log10_p_value)).toBeLessThan(1e-9);
    expect(r.sql).toContain('GROUP BY g, t');
  }, 300_000);

  it('xlsx with --conf-type log-log: R’s log-log band at 12 months, overall', async () => {
    const { code, out } = await cli(['survival', `${DATA}/Telco_customer_churn.xlsx`, '--time', 'Tenure Months', '--event', 'Churn Value', '--event-value', '1', '--conf-type', 'log-log', '--times', '12', '--json']);
    expect(code).toBe(0);
    const g = (out as { groups: { name: null; atTimes: { lower: number; upper: number }[] }[]; logrank: null }).groups[0];
    const gold = KM.overall.at_times.find((a: { t: number }) => a.t === 12);
    expect(g.name).toBeNull();
    expect(rel(g.atTimes[0].lower, gold.ci_loglog_lower)).toBeLessThan(1e-9);
    expect(rel(g.atTimes[0].upper, gold.ci_loglog_upper)).toBeLessThan(1e-9);
    expect((out as { logrank: null }).logrank).toBeNull();
  }, 300_000);

  it('usage errors: JSON on stderr, exit 2', async () => {
    const a = await cli(['survival', `${DATA}/Telco_customer_churn.xlsx`, '--time', 'Tenure Months', '--event', 'Churn Value', '--json']);
    expect(a.code).toBe(2);
    expect(JSON.parse(a.err).error.code).toBe('cli.badOption');
    const b = await cli(['survival', `${DATA}/Telco_customer_churn.xlsx`, '--bogus', '--json']);
    expect(b.code).toBe(2);
    expect(JSON.parse(b.err).error.code).toBe('cli.badOption');
  }, 300_000);
});
