import { readFileSync } from 'node:fs';
import { qi } from '../../shared/engine/sqlQuote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeSurvival, type SurvivalGroup } from '../../shared/analysis/survival/compute';
import { kaplanMeier, medianSurvival, survivalAt, type ConfType } from '../../shared/analysis/survival/km';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON */
const KM = JSON.parse(readFileSync(`${GOLDEN}/telco.json`, 'utf8')).kaplan_meier.R;

function close(app: number | null, gold: number | null, what: string): void {
  if (gold === null) return expect(app, what).toBeNull();
  expect(app, what).not.toBeNull();
  expect(Math.abs((app as number) - gold), `${what}: ${app} vs ${gold}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(gold)));
}

const CONF: [ConfType, string, string][] = [
  ['log', 'ci_log', 'conf_type_log'],
  ['log-log', 'ci_loglog', 'conf_type_loglog'],
  ['plain', 'ci_plain', 'conf_type_plain'],
];

/** Every number of one golden group: counts exact, floats 1e-9 relative, nulls as nulls. */
function checkGroup(g: SurvivalGroup, gold: any): void {
  expect([g.n, g.events, g.censored]).toEqual([gold.n, gold.events, gold.censored]);
  expect(g.steps.length).toBe(gold.step_table.length);
  gold.step_table.forEach((s: any, i: number) => {
    const m = g.steps[i];
    expect([m.time, m.nRisk, m.nEvent, m.nCensor], `step ${s.time}`).toEqual([s.time, s.n_risk, s.n_event, s.n_censor]);
    close(m.survival, s.surv, `surv@${s.time}`);
    close(m.stdErr, s.std_err_S, `se@${s.time}`);
    close(m.lower, s.lower_log, `lower@${s.time}`);
    close(m.upper, s.upper_log, `upper@${s.time}`);
  });
  close(g.rmean, gold.rmean_restricted_72, 'rmean');
  const counts = g.steps.map((s) => ({ time: s.time, nEvent: s.nEvent, nCensor: s.nCensor }));
  const times = gold.at_times.map((a: any) => a.t);
  for (const [confType, ci, med] of CONF) {
    const opts = { confType, confLevel: 0.95 };
    const steps = kaplanMeier(counts, opts);
    const at = survivalAt(steps, times, opts);
    gold.at_times.forEach((a: any, i: number) => {
      expect([at[i].time, at[i].nRisk, at[i].eventsThrough]).toEqual([a.t, a.n_risk, a.events_through_t]);
      close(at[i].survival, a.surv, `S(${a.t})`);
      close(at[i].stdErr, a.std_err, `se(${a.t})`);
      close(at[i].seLog, a.se_log_surv, `selog(${a.t})`);
      close(at[i].lower, a[`${ci}_lower`], `${ci} lower(${a.t})`);
      close(at[i].upper, a[`${ci}_upper`], `${ci} upper(${a.t})`);
    });
    const m = medianSurvival(steps);
    expect([m.median, m.lower, m.upper], `${g.name} median ${confType}`).toEqual([gold.median[med].median, gold.median[med].lower, gold.median[med].upper]);
  }
  // the analysis itself (conf type log) reports the same median and at-times
  expect([g.median, ...g.medianCI]).toEqual([gold.median.conf_type_log.median, gold.median.conf_type_log.lower, gold.median.conf_type_log.upper]);
  g.atTimes.forEach((a, i) => close(a.lower, gold.at_times[i].ci_log_lower, `atTimes lower ${a.time}`));
}

let engine: QueryEngine;
let xlsx: string;
let csv: string;
beforeAll(async () => {
  engine = await startEngine();
  xlsx = (await importFile(engine, nodeFileSource(`${DATA}/Telco_customer_churn.xlsx`))).table;
  csv = (await importFile(engine, nodeFileSource(`${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`))).table;
}, 300_000); // duckdb-wasm start + import: slow on a busy 2-core machine
afterAll(() => engine.close());

const xlsxSpec = (extra: object = {}) => ({ table: xlsx, time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] }, ...extra });

describe('Kaplan-Meier on Telco vs R survival (golden telco.json)', () => {
  it('xlsx overall (Churn Value = 1): step table, at-times for all CI types, medians, rmean', async () => {
    const r = await computeSurvival(engine, xlsxSpec());
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].name).toBeNull();
    expect(r.horizons).toEqual([1, 3, 6, 12, 24, 36, 48, 60, 72]);
    expect(r.rmeanTau).toBe(72);
    expect(r.logrank).toBeNull();
    checkGroup(r.groups[0], KM.overall);
    // time-0 rows stay: first row n.risk 7043, 11 censored
    expect(r.groups[0].steps[0]).toMatchObject({ time: 0, nRisk: 7043, nEvent: 0, nCensor: 11, survival: 1 });
  });

  it('xlsx by Contract: every group and the log-rank test', async () => {
    const r = await computeSurvival(engine, xlsxSpec({ group: 'Contract' }));
    expect(r.groups.map((g) => g.name)).toEqual(KM.logrank_contract.groups);
    for (const g of r.groups) checkGroup(g, KM.by_contract[g.name as string]);
    const lr = r.logrank!;
    const gold = KM.logrank_contract;
    close(lr.chisq, gold.chisq, 'chisq');
    expect(lr.df).toBe(gold.df);
    expect(lr.p).toBe(gold.p_value);
    close(lr.log10p, gold.log10_p_value, 'log10p');
    expect(lr.n).toEqual(gold.n);
    expect(lr.observed).toEqual(gold.observed);
    lr.expected.forEach((e, i) => close(e, gold.expected[i], `expected ${i}`));
  });

  it('original CSV (Churn = "Yes"): same numbers as R on the CSV', async () => {
    // The CSV's Churn column is Yes/No; today's importer reads it as BOOLEAN. The event predicate maps
    // "Yes" to TRUE for a BOOLEAN column and compares text otherwise, so this holds either way.
    const base = { table: csv, time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] } };
    const r = await computeSurvival(engine, base);
    checkGroup(r.groups[0], KM.original_csv.overall);
    const byContract = await computeSurvival(engine, { ...base, group: 'Contract' });
    close(byContract.logrank!.chisq, KM.original_csv.logrank_contract.chisq, 'csv chisq');
    expect(byContract.logrank!.df).toBe(KM.original_csv.logrank_contract.df);
  });

  it('a WHERE filter gives the same curve as the matching group', async () => {
    const r = await computeSurvival(engine, xlsxSpec({ where: `"Contract" = 'One year'` }));
    checkGroup(r.groups[0], KM.by_contract['One year']);
    expect(r.sql).toContain(`WHERE ("Contract" = 'One year')`);
  });

  it('start/end dates: an empty end is censored at the as-of date, durations in days/weeks/months', async () => {
    await engine.query(`CREATE OR REPLACE TABLE subs AS SELECT * FROM (VALUES
      ('a', DATE '2024-01-01', DATE '2024-03-01', 'x'),
      ('b', DATE '2024-01-15', NULL, 'x'),
      ('c', DATE '2024-02-01', DATE '2024-02-29', 'y'),
      ('d', DATE '2024-01-31', NULL, 'y'),
      ('e', NULL, DATE '2024-02-01', 'y')) t(id, s, e, g)`);
    const days = await computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 's', end: 'e', unit: 'days', asOf: '2024-04-01' } });
    const g = days.groups[0];
    expect(days.excluded.missingTime).toBe(1);
    expect(g.steps.map((s) => [s.time, s.nEvent, s.nCensor])).toEqual([
      [28, 1, 0],
      [60, 1, 0],
      [61, 0, 1],
      [77, 0, 1],
    ]);
    const months = await computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 's', end: 'e', unit: 'months', asOf: '2024-04-01' } });
    expect(months.groups[0].steps.map((s) => [s.time, s.nEvent, s.nCensor])).toEqual([
      [0, 1, 0],
      [2, 1, 2],
    ]);
    // without as-of: censored at the latest date in the data (2024-03-01)
    const latest = await computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 's', end: 'e', unit: 'weeks' } });
    expect(latest.groups[0].steps.map((s) => s.time)).toEqual([28 / 7, 30 / 7, 46 / 7, 60 / 7]);
  });

  it('user errors: unknown column, impossible event value', async () => {
    await expect(computeSurvival(engine, xlsxSpec({ group: 'Nope' }))).rejects.toMatchObject({ code: 'analysis.columnNotFound', column: 'Nope' });
    await expect(computeSurvival(engine, xlsxSpec({ event: { column: 'Churn Value', values: ['Yes'] } }))).rejects.toMatchObject({ code: 'analysis.eventValueType' });
    await expect(computeSurvival(engine, xlsxSpec({ where: 'no_such_col > 1' }))).rejects.toMatchObject({ code: 'analysis.sqlInvalid' });
  });
});

describe('survival by a segment saved in another table (customer tier = Pareto class)', () => {
  it('Telco CSV by Pareto class of TotalCharges: the lookup join equals a hand-made joined table', async () => {
    const { computePareto } = await import('../../shared/analysis/pareto/compute');
    const { parseParetoSpec } = await import('../../shared/analysis/pareto/spec');
    const { saveClassesSql } = await import('../../shared/analysis/pareto/sql');
    const pspec = parseParetoSpec({ table: csv, customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } });
    const pr = await computePareto(engine, pspec);
    await engine.query(saveClassesSql(pspec, pr.mode, 'telco_tiers'));
    const spec = { table: csv, time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] } };
    const r = await computeSurvival(engine, { ...spec, group: 'class', groupFrom: { table: 'telco_tiers', key: 'customer', on: 'customerID' } });
    expect(r.groups.map((g) => [g.name, g.n])).toEqual(pr.classes.map((c) => [c.name, c.count]));
    // The 11 customers with a blank TotalCharges have no class: left out and counted.
    expect(r.excluded.missingGroup).toBe(11);
    await engine.query(`CREATE TABLE telco_joined AS SELECT t.*, c.class FROM ${qi(csv)} t LEFT JOIN telco_tiers c ON t."customerID" = c.customer`);
    const ref = await computeSurvival(engine, { ...spec, table: 'telco_joined', group: 'class' });
    expect(r.logrank!.chisq).toBeCloseTo(ref.logrank!.chisq, 9);
    expect(r.groups.map((g) => g.median)).toEqual(ref.groups.map((g) => g.median));
    // A wrong key names the lookup table.
    await expect(computeSurvival(engine, { ...spec, group: 'class', groupFrom: { table: 'telco_tiers', key: 'nope', on: 'customerID' } })).rejects.toMatchObject({ code: 'analysis.columnNotFound' });
  });
});
