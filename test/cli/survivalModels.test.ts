import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON output and golden */
const G = JSON.parse(readFileSync(`${GOLDEN}/survival_models.json`, 'utf8'));
const CSV = `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`;
const XLSX = `${DATA}/Telco_customer_churn.xlsx`;
const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('tenure survival: pairwise, RMST, competing causes, many groups (CLI)', () => {
  it('--pairwise holm on the CSV by PaymentMethod: R’s six pairs', async () => {
    const { code, out, err } = await cliJson(['survival', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--group', 'PaymentMethod', '--pairwise', 'holm', '--json']);
    expect(code, err).toBe(0);
    const r = out as any;
    expect(r.pairwise).toHaveLength(6);
    r.pairwise.forEach((x: any, i: number) => {
      const g = G.pairwise_payment.pairs[i];
      expect([x.a, x.b]).toEqual([g.a, g.b]);
      expect(rel(x.chisq, g.chisq)).toBeLessThan(1e-9);
      expect(rel(x.p, g.p_value)).toBeLessThan(1e-6);
      expect(rel(x.pAdjusted, g.p_adjusted)).toBeLessThan(1e-6);
    });
    expect(r.rmst).toBeUndefined();
  }, 300_000);

  it('--rmst 72 on the xlsx by Contract, and --cause-expr: RMST and incidence as R, incidence chart as PNG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tenure-inc-'));
    const png = path.join(dir, 'incidence.png');
    const times = G.cumulative_incidence.times.join(',');
    const { code, out, err } = await cliJson([
      'survival', XLSX, '--time', 'Tenure Months', '--event', 'Churn Value', '--event-value', '1', '--group', 'Contract', '--rmst', '72', '--times', times,
      '--cause-expr', `CASE WHEN "Churn Reason" LIKE 'Competitor%' THEN 'Competitor' ELSE 'Other reason' END`, '--chart', 'incidence', '--png', png, '--json',
    ]);
    expect(code, err).toBe(0);
    const r = out as any;
    const g = G.rmst_contract.tau_72;
    expect(r.rmst.tau).toBe(72);
    r.rmst.groups.forEach((x: any, i: number) => {
      expect(x.name).toBe(g.per_group[i].group);
      expect(rel(x.rmst, g.per_group[i].rmst)).toBeLessThan(1e-9);
      expect(rel(x.se, g.per_group[i].se)).toBeLessThan(1e-9);
    });
    r.rmst.differences.forEach((d: any, i: number) => {
      const w = g.differences[i];
      expect([d.a, d.b]).toEqual([w.a, w.b]);
      for (const [k, gk] of [['difference', 'difference_b_minus_a'], ['se', 'se'], ['lower', 'lower95'], ['upper', 'upper95']]) expect(rel(d[k], w[gk])).toBeLessThan(1e-9);
    });
    // incidence on the grouped rows (every customer has a contract): R's overall numbers
    const ci = G.cumulative_incidence;
    expect(r.incidence.times).toEqual(ci.times);
    r.incidence.causes.forEach((c: any, k: number) => {
      expect([c.cause, c.events]).toEqual([ci.causes[k].cause, ci.causes[k].n_events]);
      c.incidence.forEach((x: number, i: number) => expect(rel(x, ci.causes[k].incidence[i])).toBeLessThan(1e-9));
      c.stdErr.forEach((x: number, i: number) => expect(rel(x, ci.causes[k].std_err[i])).toBeLessThan(1e-9));
    });
    expect(existsSync(png) && statSync(png).size > 10_000).toBe(true);
  }, 300_000);

  it('a group column with thousands of values is refused with the count; --bands 4 gives quartiles', async () => {
    const a = await cliJson(['survival', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--group', 'TotalCharges', '--json']);
    expect(a.code).toBe(2);
    const e = JSON.parse(a.err).error;
    expect(e.code).toBe('analysis.tooManyGroupsBands');
    expect(e.message).toMatch(/has \d{4} distinct values/);
    const b = await cliJson(['survival', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--group', 'MonthlyCharges', '--bands', '4', '--pairwise', 'bh', '--json']);
    expect(b.code, b.err).toBe(0);
    const r = b.out as any;
    expect(r.bands.edges).toHaveLength(5);
    expect(r.groups.map((g: any) => g.name)).toEqual(r.bands.labels);
    expect(r.pairwise).toHaveLength(6);
    const c = await cliJson(['survival', CSV, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--pairwise', 'tukey', '--json']);
    expect(JSON.parse(c.err).error.code).toBe('cli.badOption');
  }, 300_000);
});
