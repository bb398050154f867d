import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import { TenureError } from '../../shared/errors';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON */
const G = JSON.parse(readFileSync(`${GOLDEN}/survival_models.json`, 'utf8'));

function close(app: number | null, gold: number, what: string, tol = 1e-9): void {
  expect(app, what).not.toBeNull();
  if (gold === 0) return expect(Math.abs(app as number), what).toBeLessThan(1e-300);
  expect(Math.abs((app as number) - gold) / Math.abs(gold), `${what}: ${app} vs ${gold}`).toBeLessThanOrEqual(tol);
}

let engine: WasmNodeEngine;
let xlsx: string;
let csv: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  xlsx = (await importFile(engine, nodeFileSource(`${DATA}/Telco_customer_churn.xlsx`))).table;
  csv = (await importFile(engine, nodeFileSource(`${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`))).table;
}, 300_000);
afterAll(() => engine.close());

const csvSpec = (extra: object) => ({ table: csv, time: { kind: 'duration', column: 'tenure' }, event: { column: 'Churn', values: ['Yes'] }, ...extra });
const xlsxSpec = (extra: object) => ({ table: xlsx, time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] }, ...extra });

describe('pairwise log-rank vs R (golden pairwise_payment)', () => {
  const gold = G.pairwise_payment;
  it.each([
    ['CSV', () => csvSpec({ group: 'PaymentMethod' })],
    // the xlsx holds the same customers: the same six tests
    ['xlsx', () => xlsxSpec({ group: 'Payment Method' })],
  ])('%s: six pairs in sorted order, chi-square, p and Holm', async (_, spec) => {
    const r = await computeSurvival(engine, spec());
    expect(r.pairwise!.adjust).toBe('holm');
    expect(r.pairwise!.rows.map((x) => [x.a, x.b])).toEqual(gold.pairs.map((x: any) => [x.a, x.b]));
    r.pairwise!.rows.forEach((x, i) => {
      const g = gold.pairs[i];
      close(x.chisq, g.chisq, `chisq ${g.a}/${g.b}`);
      close(x.p, g.p_value, `p ${g.a}/${g.b}`, 1e-6);
      close(x.pAdjusted, g.p_adjusted, `holm ${g.a}/${g.b}`, 1e-6);
    });
  }, 120_000);
  it('Bonferroni and BH on the same tests', async () => {
    const ps = gold.pairs.map((x: any) => x.p_value);
    const bon = await computeSurvival(engine, csvSpec({ group: 'PaymentMethod', pairwise: 'bonferroni' }));
    bon.pairwise!.rows.forEach((x, i) => close(x.pAdjusted, Math.min(1, 6 * ps[i]), 'bonferroni', 1e-6));
    const bh = await computeSurvival(engine, csvSpec({ group: 'PaymentMethod', pairwise: 'bh' }));
    // R: p.adjust(p, "BH") of the golden p values
    const want = [0.35142784405735, 1.869425202207795e-112, 1.068551119794612e-12, 1.28856885866295e-118, 1.233947999146503e-15, 1.007659460405616e-34];
    bh.pairwise!.rows.forEach((x, i) => close(x.pAdjusted, want[i], 'bh', 1e-6));
  }, 120_000);
});

describe('RMST vs R (golden rmst_contract)', () => {
  const gold = G.rmst_contract;
  it.each([
    ['xlsx', 24, () => xlsxSpec({ group: 'Contract', rmstTau: 24 })],
    ['xlsx', 72, () => xlsxSpec({ group: 'Contract', rmstTau: 72 })],
    ['CSV', 72, () => csvSpec({ group: 'Contract', rmstTau: 72 })],
    // default τ: the largest time all groups reach (72 here)
    ['xlsx default tau', 72, () => xlsxSpec({ group: 'Contract' })],
  ])('%s τ = %s: per group and differences b − a', async (_, tau, spec) => {
    const g = gold[`tau_${tau}`];
    const r = (await computeSurvival(engine, spec())).rmst!;
    expect(r.tau).toBe(tau);
    expect(r.groups.map((x) => x.name)).toEqual(g.per_group.map((x: any) => x.group));
    r.groups.forEach((x, i) => {
      close(x.rmst, g.per_group[i].rmst, `rmst ${x.name}`);
      if (g.per_group[i].se === 0) expect(x.se).toBe(0);
      else close(x.se, g.per_group[i].se, `se ${x.name}`);
    });
    r.differences.forEach((d, i) => {
      const w = g.differences[i];
      expect([d.a, d.b]).toEqual([w.a, w.b]);
      close(d.difference, w.difference_b_minus_a, 'difference');
      close(d.se, w.se, 'se');
      close(d.lower, w.lower95, 'lower');
      close(d.upper, w.upper95, 'upper');
      close(d.p, w.p_value, 'p', 1e-6);
    });
  }, 120_000);
});

describe('cumulative incidence vs R (golden cumulative_incidence)', () => {
  const gold = G.cumulative_incidence;
  it('Competitor vs other reasons from an SQL expression: incidence and R’s std.err at every time', async () => {
    const r = await computeSurvival(
      engine,
      xlsxSpec({ horizons: gold.times, cause: { kind: 'sql', sql: `CASE WHEN starts_with("Churn Reason", 'Competitor') THEN 'Competitor' ELSE 'Other reason' END` } }),
    );
    const inc = r.incidence!;
    expect(inc.times).toEqual(gold.times);
    expect(inc.causes.map((c) => [c.cause, c.events])).toEqual(gold.causes.map((c: any) => [c.cause, c.n_events]));
    inc.causes.forEach((c, k) =>
      gold.times.forEach((t: number, i: number) => {
        close(c.incidence[i], gold.causes[k].incidence[i], `${c.cause} F(${t})`);
        close(c.stdErr[i], gold.causes[k].std_err[i], `${c.cause} se(${t})`);
        expect(c.lower[i]! < c.incidence[i] && c.incidence[i] < c.upper[i]!).toBe(true);
      }),
    );
    // the causes add up to 1 − all-cause KM
    const last = inc.survival.length - 1;
    expect(inc.causes[0].curve[last] + inc.causes[1].curve[last] + inc.survival[last]).toBeCloseTo(1, 12);
  }, 120_000);

  it('the reason column itself: one cause per stated reason, events add up to the churned', async () => {
    const r = await computeSurvival(engine, xlsxSpec({ cause: { kind: 'column', column: 'Churn Reason' } }));
    expect(r.incidence!.causes.reduce((s, c) => s + c.events, 0)).toBe(1869);
    expect(r.incidence!.causes.length).toBeGreaterThan(5);
  }, 120_000);
});

describe('causes from the reasons editor’s tags', () => {
  it('controllable / not controllable / untagged, counted among the churned', async () => {
    const r = await computeSurvival(engine, xlsxSpec({ cause: { kind: 'tags', column: 'Churn Reason', controllable: { 'Competitor made better offer': true, 'Price too high': true, Moved: false, Deceased: false } } }));
    const inc = r.incidence!;
    expect(inc.tags).toBe(true);
    expect(inc.causes.map((c) => c.cause)).toEqual(['controllable', 'notControllable', 'untagged']);
    expect(inc.causes.reduce((s, c) => s + c.events, 0)).toBe(1869);
    const direct = await computeSurvival(engine, xlsxSpec({ cause: { kind: 'column', column: 'Churn Reason' } }));
    const n = (name: string) => direct.incidence!.causes.find((c) => c.cause === name)!.events;
    expect(inc.causes[0].events).toBe(n('Competitor made better offer') + n('Price too high'));
    expect(inc.causes[1].events).toBe(n('Moved') + n('Deceased'));
  }, 120_000);
});

describe('many groups', () => {
  it('a numeric column with 1,000s of values is refused with the count (bands suggested); a text one likewise', async () => {
    const e = await computeSurvival(engine, csvSpec({ group: 'MonthlyCharges' })).catch((x) => x);
    expect(e).toBeInstanceOf(TenureError);
    expect(e.code).toBe('analysis.tooManyGroupsBands');
    expect(e.params.count).toBe(1585);
    const t = await computeSurvival(engine, csvSpec({ group: 'customerID' })).catch((x) => x);
    expect(t.code).toBe('analysis.tooManyGroups');
    expect(t.params.count).toBe(7043);
  }, 120_000);

  it('10,000 distinct values: refused after one count query, before any per-group query or k×k work', async () => {
    await engine.query(`CREATE OR REPLACE TABLE many_groups AS SELECT i % 10000 AS seg, 'S' || (i % 10000) AS name, (i % 72) + 1 AS months, i % 3 = 0 AS churned FROM range(30000) r(i)`);
    const seen: string[] = [];
    const spy = { query: (sql: string) => (seen.push(sql), engine.query(sql)) } as unknown as WasmNodeEngine;
    for (const [group, code] of [['seg', 'analysis.tooManyGroupsBands'], ['name', 'analysis.tooManyGroups']]) {
      seen.length = 0;
      const e = await computeSurvival(spy, { table: 'many_groups', time: { kind: 'duration', column: 'months' }, event: { column: 'churned', values: [true] }, group, pairwise: 'holm', rmstTau: 12 }).catch((x) => x);
      expect(e.code).toBe(code);
      expect(e.params).toMatchObject({ column: group, count: 10000, max: 20 });
      // the schema lookup and the distinct count; never the (group, time) aggregate
      expect(seen.filter((q) => /count\(DISTINCT g\)/.test(q))).toHaveLength(1);
      expect(seen.some((q) => /GROUP BY g, t/.test(q))).toBe(false);
    }
  }, 120_000);

  it('quartiles of a numeric column: four bands with their edges, in order', async () => {
    const r = await computeSurvival(engine, csvSpec({ group: 'MonthlyCharges', bands: 4 }));
    expect(r.groups.map((g) => g.name)).toEqual(r.bands!.labels);
    expect(r.groups[0].name).toMatch(/^MonthlyCharges \[18\.25, /);
    expect(r.bands!.edges).toHaveLength(5);
    expect(r.groups.reduce((s, g) => s + g.n, 0)).toBe(7043);
    expect(r.pairwise!.rows).toHaveLength(6);
  }, 120_000);
});
