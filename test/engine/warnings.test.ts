import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import { computeCohorts, MAX_COHORT_PERIODS } from '../../shared/analysis/cohort/compute';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { MAX_PARETO_GROUPS } from '../../shared/analysis/pareto/groupCount';
import { computeQuadrant } from '../../shared/analysis/quadrant/compute';
import { MAX_BOOTSTRAP_WORK } from '../../shared/analysis/quadrant/warnings';
import { computeReasons, MAX_REASON_GROUPS, MAX_REASONS } from '../../shared/analysis/reasons/compute';
import { computeRisk } from '../../shared/analysis/risk/compute';
import { computeCox } from '../../shared/analysis/cox/compute';
import { createI18n } from '../../shared/i18n/i18n';
import { warningKey, type AnalysisWarning } from '../../shared/analysis/warnings';
import { ARTIFACTS } from '../helpers/paths';
import { writeCustomers } from '../helpers/userSqlFixture';

/**
 * Empty or degenerate results say so (typed warnings with a translated text), and every spec field that
 * sizes work is counted and refused before the work. The 120-row customers file (test/helpers/userSqlFixture):
 * churn Yes/No, plan Monthly/Yearly, joined in 2024-01..06, wifi 0..4 (0 = not applicable by default).
 */
let engine: QueryEngine;
let table: string;
beforeAll(async () => {
  engine = await startEngine();
  table = (await importFile(engine, nodeFileSource(writeCustomers(path.join(ARTIFACTS, `warnings-${process.env.TENURE_TEST_ENGINE ?? 'wasm'}`))))).table;
  // 1,000 weekly activity dates (19 years) and a single customer per row.
  await engine.query(`CREATE TABLE span AS SELECT 'c' || i AS id, DATE '1990-01-01' + INTERVAL (i * 7) DAY AS d FROM range(1000) t(i)`);
  // 1,000 churned customers with free-text reasons (300 different) in 60 groups.
  await engine.query(`CREATE TABLE notes AS SELECT 'c' || i AS id, 'Yes' AS churn, 'reason ' || (i % 300) AS reason, 'r' || (i % 5) AS topic, 'g' || (i % 60) AS grp FROM range(1000) t(i)`);
  // 25,000 survey answers: 5,000 bootstrap resamples of them exceed the budget.
  await engine.query(`CREATE TABLE survey AS SELECT 1 + i % 5 AS q1, 1 + (i * 7) % 5 AS q2, i % 3 = 0 AS happy FROM range(25000) t(i)`);
}, 300_000);
afterAll(() => engine?.close());

const codes = (w: AnalysisWarning[]) => w.map((x) => x.code);
const km = (extra: Record<string, unknown> = {}) => ({ table, time: { kind: 'duration', column: 'tenure' }, event: { column: 'churn', values: ['Yes'] }, ...extra });
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

describe('warnings: survival', () => {
  it('a clean run has none', async () => {
    expect((await computeSurvival(engine, km({ group: 'plan' }))).warnings).toEqual([]);
  });

  it('an event value that never occurs is named, with the values the column holds', async () => {
    const r = await computeSurvival(engine, km({ event: { column: 'churn', values: ['Yes', 'Churned'] } }));
    expect(r.groups[0].events).toBe(40);
    expect(r.warnings).toEqual([{ code: 'survival.eventValueNeverOccurs', message: expect.stringContaining('"Churned"'), params: { column: 'churn', value: 'Churned', values: '"No", "Yes"' } }]);
    const w = r.warnings[0];
    expect(en(warningKey(w), w.params)).toBe('The event value "Churned" never occurs in column "churn" (it holds "No", "Yes"): no row counts as churned for it.');
    expect(zh(warningKey(w), w.params)).toContain('“Churned”从未出现在列“churn”中');
  });

  it('no events at all: the curve stays at 100% and that is said', async () => {
    const r = await computeSurvival(engine, km({ event: { column: 'churn', values: ['Churned'] } }));
    expect(r.groups[0].events).toBe(0);
    expect(codes(r.warnings)).toEqual(['survival.eventValueNeverOccurs', 'survival.noEvents']);
    expect(r.warnings[1].params).toMatchObject({ n: 120, event: 'churn = "Churned"' });
  });

  it('a cause with more values than can be shown is refused from a count', async () => {
    const err = await computeSurvival(engine, km({ cause: { kind: 'column', column: 'id' } })).catch((e) => e);
    expect(err).toMatchObject({ code: 'analysis.tooManyCauses', params: { count: 40, max: 20 } });
  });

  it('a filter that keeps nothing, and a group with one value', async () => {
    expect(codes((await computeSurvival(engine, km({ where: `plan = 'Nope'` }))).warnings)).toEqual(['survival.filterKeepsNone']);
    // Rows that pass the filter but all lack a group value (stayers give no reason).
    const blank = await computeSurvival(engine, km({ where: `churn = 'No'`, group: 'reason' }));
    expect(blank.warnings).toEqual([expect.objectContaining({ code: 'survival.noRows', params: { excluded: 80 } })]);
    const one = await computeSurvival(engine, km({ where: `plan = 'Monthly'`, group: 'plan' }));
    expect(one.warnings).toEqual([expect.objectContaining({ code: 'survival.singleGroup', params: { column: 'plan', value: 'Monthly' } })]);
  });
});

describe('warnings and bounds: cohorts', () => {
  it('one cohort, no rows', async () => {
    const spec = { table, customer: 'id', date: 'joined' };
    expect((await computeCohorts(engine, spec)).warnings).toEqual([]);
    const one = await computeCohorts(engine, { ...spec, where: 'month(joined) = 1' });
    expect(one.warnings).toEqual([expect.objectContaining({ code: 'cohort.singleCohort', params: { cohort: '2024-01' } })]);
    expect(codes((await computeCohorts(engine, { ...spec, where: 'FALSE' })).warnings)).toEqual(['cohort.noRows']);
  });

  it('a span of more periods than a cohort table holds is refused, naming the column and the limit', async () => {
    const err = await computeCohorts(engine, { table: 'span', customer: 'id', date: 'd', period: 'week' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'cohort.tooManyPeriods', column: 'd', params: { column: 'd', count: 1000, max: MAX_COHORT_PERIODS, from: '1990-01-01', to: '2009-02-23' } });
    // By month the same dates fit (19 years = 230 months).
    expect((await computeCohorts(engine, { table: 'span', customer: 'id', date: 'd', period: 'month' })).cohorts.length).toBe(230);
  });
});

describe('warnings and bounds: Pareto', () => {
  const paretoSpec = () => ({ table, customer: 'id', value: { kind: 'column' as const, column: 'charges' } });
  it('all values equal, one group', async () => {
    const spec = paretoSpec();
    expect((await computePareto(engine, spec)).warnings).toEqual([]);
    const equal = await computePareto(engine, { ...spec, value: { kind: 'expr', sql: '5' } });
    expect(equal.warnings).toEqual([expect.objectContaining({ code: 'pareto.allEqual', params: { n: 120, value: 5 } })]);
    const one = await computePareto(engine, { ...spec, where: `plan = 'Yearly'`, group: 'plan' });
    expect(codes(one.warnings)).toEqual(['pareto.singleGroup']);
  });

  it('a group column with more values than a breakdown compares is refused', async () => {
    const err = await computePareto(engine, { ...paretoSpec(), group: 'id' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'pareto.tooManyGroups', params: { column: 'id', count: 120, max: MAX_PARETO_GROUPS } });
  });
});

describe('warnings and bounds: quadrant', () => {
  const quadrantSpec = () => ({ table, drivers: [{ column: 'wifi' }, { column: 'seat' }], outcome: { column: 'satisfied', positive: 'yes' } });
  it('no valid ratings, a driver without ratings, an outcome value that never occurs', async () => {
    const spec = quadrantSpec();
    expect((await computeQuadrant(engine, spec)).warnings).toEqual([]);
    const none = await computeQuadrant(engine, { ...spec, missing: [0, 1, 2, 3, 4, 5] });
    expect(none.warnings).toEqual([expect.objectContaining({ code: 'quadrant.noRatings', params: { rows: 120, codes: '0, 1, 2, 3, 4, 5' } })]);
    const wifi = await computeQuadrant(engine, { ...spec, drivers: [{ column: 'wifi', label: 'Wi-Fi', missing: [0, 1, 2, 3, 4] }, { column: 'seat' }] });
    expect(wifi.warnings).toEqual([expect.objectContaining({ code: 'quadrant.driverNoRatings', params: { drivers: 'Wi-Fi', codes: '0, 1, 2, 3, 4' } })]);
    // Rows where wifi is 0 have seat 1 throughout: a constant rating has no importance.
    expect(codes((await computeQuadrant(engine, { ...spec, where: 'wifi = 0' })).warnings)).toEqual(['quadrant.driverNoRatings', 'quadrant.noImportance']);
    const never = await computeQuadrant(engine, { ...spec, outcome: { column: 'satisfied', positive: 'Satisfied' } });
    expect(never.warnings[0]).toMatchObject({ code: 'quadrant.outcomeValueNeverOccurs', params: { column: 'satisfied', value: 'Satisfied', values: '"no", "yes"' } });
    expect(codes(never.warnings)).toContain('quadrant.noImportance');
  });

  it('a bootstrap of more row visits than its budget is refused before any replicate, with the most resamples that fit', async () => {
    const spec = { table: 'survey', drivers: [{ column: 'q1' }, { column: 'q2' }], outcome: { column: 'happy' } };
    const err = await computeQuadrant(engine, { ...spec, bootstrap: { resamples: 5000 } }).catch((e) => e);
    expect(err).toMatchObject({ code: 'quadrant.bootstrapTooLarge', params: { resamples: 5000, rows: 25000, max: MAX_BOOTSTRAP_WORK, most: 4000 } });
    expect((await computeQuadrant(engine, { ...spec, bootstrap: { resamples: 20 } })).overall.drivers[0].bootstrap).toBeDefined();
  });

  it('a segment column with more than 50 values is refused from a count', async () => {
    const err = await computeQuadrant(engine, { ...quadrantSpec(), segment: 'id' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'quadrant.tooManySegments', params: { segment: 'id', count: 120, max: 50 } });
  });
});

describe('warnings and bounds: reasons, value at risk, Cox', () => {
  it('reasons: no churned customer; a breakdown column with too many values', async () => {
    const r = await computeReasons(engine, { table, reason: 'reason', event: { column: 'churn', values: ['Churned'] } });
    expect(codes(r.warnings)).toEqual(['survival.eventValueNeverOccurs', 'reasons.noChurned']);
    const notes = { table: 'notes', reason: 'reason', event: { column: 'churn', values: ['Yes'] } };
    const err = await computeReasons(engine, { ...notes, reason: 'topic', group: 'grp' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'reasons.tooManyGroups', params: { count: 60, max: MAX_REASON_GROUPS } });
    const free = await computeReasons(engine, notes).catch((e) => e);
    expect(free).toMatchObject({ code: 'reasons.tooManyReasons', column: 'reason', params: { column: 'reason', count: 300, max: MAX_REASONS } });
  });

  it('value at risk: a horizon nobody reaches; a segment per customer is refused', async () => {
    const spec = { table, customer: 'id', time: { kind: 'duration', column: 'tenure' }, event: { column: 'churn', values: ['Yes'] }, value: { kind: 'column', column: 'charges' }, horizon: 6 };
    expect((await computeRisk(engine, spec)).warnings).toEqual([]);
    const far = await computeRisk(engine, { ...spec, horizon: 100 });
    expect(far.warnings).toEqual([expect.objectContaining({ code: 'risk.noneScored', params: expect.objectContaining({ active: 80, horizon: 100 }) })]);
    const err = await computeRisk(engine, { ...spec, segment: 'id' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'risk.tooManySegments', params: { column: 'id', count: 120, max: 20 } });
  });

  it('Cox: an event value that never occurs is a warning; an id column as a covariate is refused from its count', async () => {
    const r = await computeCox(engine, { table, time: { kind: 'duration', column: 'tenure' }, event: { column: 'churn', values: ['Yes', 'Churned'] }, covariates: ['plan'] });
    expect(codes(r.warnings)).toEqual(['survival.eventValueNeverOccurs']);
    const err = await computeCox(engine, { table, time: { kind: 'duration', column: 'tenure' }, event: { column: 'churn', values: ['Yes'] }, covariates: ['plan', 'id'] }).catch((e) => e);
    expect(err).toMatchObject({ code: 'cox.tooManyLevels', params: { column: 'id', count: 120, max: 50 } });
  });
});
