import { describe, expect, it } from 'vitest';
import { pAdjust } from '../../shared/stats/pAdjust';
import { bandExpr, makeBands } from '../../shared/analysis/survival/bands';
import { aalenJohansen } from '../../shared/analysis/survival/incidence';
import { kaplanMeier } from '../../shared/analysis/survival/km';
import { pairwiseLogRank } from '../../shared/analysis/survival/pairwise';
import { commonTau, rmstCompare, rmstOf } from '../../shared/analysis/survival/rmst';

const OPTS = { confType: 'log' as const, confLevel: 0.95 };

describe('p.adjust as R', () => {
  // R 4.2: p.adjust(c(0.01, 0.04, 0.03, 0.04, 0.2, 0.0001, 0.5), m)
  const p = [0.01, 0.04, 0.03, 0.04, 0.2, 0.0001, 0.5];
  it.each([
    ['holm', [0.06, 0.16, 0.15, 0.16, 0.4, 0.0007, 0.5]],
    ['bonferroni', [0.07, 0.28, 0.21, 0.28, 1, 0.0007, 1]],
    ['bh', [0.035, 0.056, 0.056, 0.056, 0.23333333333333336, 0.0007, 0.5]],
  ] as const)('%s', (m, want) => {
    pAdjust(p, m).forEach((x, i) => expect(x).toBeCloseTo(want[i], 14));
  });
  it('one or no p value is left as it is', () => {
    expect(pAdjust([0.3], 'holm')).toEqual([0.3]);
    expect(pAdjust([], 'bh')).toEqual([]);
  });
});

describe('pairwise log-rank edge cases', () => {
  it('a pair without events has no test and is left out of the adjustment', () => {
    const g = (name: string, ev: number) => ({ name, counts: [{ time: 1, nEvent: ev, nCensor: 2 }, { time: 2, nEvent: ev, nCensor: 1 }] });
    const r = pairwiseLogRank([g('a', 0), g('b', 0), g('c', 3)], 'bonferroni');
    expect(r.rows.map((x) => [x.a, x.b])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(r.rows[0].chisq).toBeNull();
    expect(r.rows[0].pAdjusted).toBeNull();
    // two tested pairs: Bonferroni doubles
    expect(r.rows[1].pAdjusted).toBeCloseTo(Math.min(1, 2 * r.rows[1].p!), 15);
  });
});

describe('RMST', () => {
  it('all censored: area = tau, SE 0; difference of equal curves has no p', () => {
    const steps = kaplanMeier([{ time: 5, nEvent: 0, nCensor: 3 }], OPTS);
    expect(rmstOf(steps, 4)).toEqual({ rmst: 4, se: 0 });
    const r = rmstCompare([{ name: 'a', steps }, { name: 'b', steps }], undefined);
    expect(r.tau).toBe(5);
    expect(r.differences[0]).toMatchObject({ difference: 0, se: 0, p: null });
  });
  it('tied times, by hand: S = 1 to 2, 0.5 to 4 (2 of 4 leave at 2); tau 4 → 2 + 1 = 3', () => {
    const steps = kaplanMeier([{ time: 2, nEvent: 2, nCensor: 0 }, { time: 4, nEvent: 0, nCensor: 2 }], OPTS);
    const r = rmstOf(steps, 4);
    expect(r.rmst).toBe(3);
    // (area after 2)² · d / (n (n − d)) = 1 · 2 / (4 · 2)
    expect(r.se).toBeCloseTo(Math.sqrt(0.25), 15);
  });
  it('default tau is the largest time every group reaches', () => {
    const a = kaplanMeier([{ time: 10, nEvent: 1, nCensor: 0 }], OPTS);
    const b = kaplanMeier([{ time: 7, nEvent: 0, nCensor: 1 }], OPTS);
    expect(commonTau([{ steps: a }, { steps: b }])).toBe(7);
  });
});

describe('Aalen-Johansen', () => {
  it('no censoring: incidence = share that left for the cause; everyone leaving at the last time is finite', () => {
    const r = aalenJohansen(
      [
        { time: 1, censored: 0, events: [1, 1] },
        { time: 2, censored: 0, events: [2, 0] },
      ],
      ['x', 'y'],
      [0, 1, 2, 9],
    );
    expect(r.causes[0].incidence).toEqual([0, 0.25, 0.75, 0.75]);
    expect(r.causes[1].incidence).toEqual([0, 0.25, 0.25, 0.25]);
    // IJ of an empirical proportion without censoring: √(p(1 − p) / n)
    expect(r.causes[0].stdErr[2]).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 4), 14);
    expect(r.causes[0].stdErr.every(Number.isFinite)).toBe(true);
    expect(r.survival[1]).toBe(0);
  });
  it('all censored: zero incidence, zero SE, no CI', () => {
    const r = aalenJohansen([{ time: 3, censored: 4, events: [0] }], ['x'], [5]);
    expect(r.causes[0]).toMatchObject({ incidence: [0], stdErr: [0], lower: [null], upper: [null] });
  });
});

describe('quantile bands', () => {
  it('merges repeated edges and labels (lo, hi] with the first closed', () => {
    const b = makeBands('x', 0, 10, [2.5, 2.5, 7.123456]);
    expect(b.edges).toEqual([0, 2.5, 7.123456, 10]);
    expect(b.labels).toEqual(['x [0, 2.5]', 'x (2.5, 7.123]', 'x (7.123, 10]']);
    expect(bandExpr('x', b)).toContain('WHEN x <= 2.5e0 THEN 1 WHEN x <= 7.123456e0 THEN 2 ELSE 3');
  });
  it('a constant column is one band', () => {
    expect(makeBands('x', 1, 1, [1, 1, 1]).labels).toEqual(['x [1, 1]']);
  });
});

describe('findings, charts and the form', async () => {
  const { fromCounts, incidenceFrom } = await import('../../shared/analysis/survival/compute');
  const { parseSurvivalSpec } = await import('../../shared/analysis/survival/spec');
  const { createI18n } = await import('../../shared/i18n/i18n');
  const { rmstFinding, incidenceFinding } = await import('../../shared/analysis/survival/modelsText');
  const { rmstChartOption } = await import('../../shared/analysis/survival/rmstChart');
  const { incidenceChartOption } = await import('../../shared/analysis/survival/incidenceChart');
  const { LIGHT_THEME } = await import('../../shared/charts/theme');
  const { emptySurvivalForm, survivalSpecOf, survivalProblems } = await import('../../renderer/editors/survival/survivalForm');
  const spec = parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'm' }, event: { column: 'e', values: [1] }, group: 'g', rmstTau: 72 });
  const rows = [
    { g: 'A', t: 10, d: 5, c: 0 },
    { g: 'A', t: 72, d: 0, c: 5 },
    { g: 'B', t: 40, d: 2, c: 0 },
    { g: 'B', t: 72, d: 0, c: 8 },
  ];
  const r = fromCounts(spec, rows);
  r.incidence = incidenceFrom(
    [
      { t: 10, k: 'Price', n: 5 },
      { t: 40, k: 'Moved', n: 2 },
      { t: 72, k: null, n: 13 },
    ],
    { ...r, horizons: [12, 72] },
  );
  const en = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
  const zh = createI18n('zh-CN').t as unknown as (k: string, o?: Record<string, unknown>) => string;

  it('RMST sentence: the others against the shortest, in years when whole', () => {
    // A: 10 + 0.5 · 62 = 41; B: 40 + 0.8 · 32 = 65.6
    expect(rmstFinding(r, en)).toBe('Over 72 months (6 years), B keeps a customer 24.6 months longer than A');
    expect(rmstFinding(r, zh)).toMatch(/^在 72 .*（6 年）内，B 比 A 多留住客户 24\.6/);
  });

  it('incidence sentence and charts: causes largest first; stacked series; bars with CI whiskers', () => {
    expect(incidenceFinding(r, en)).toBe('By 72 months: 25.0% left for Price, 10.0% left for Moved');
    const inc = incidenceChartOption(r, en, LIGHT_THEME) as { series: { stack: string; data: number[][] }[] };
    expect(inc.series.map((x) => x.stack)).toEqual(['incidence', 'incidence']);
    expect(inc.series[1].data.at(-1)).toEqual([72, 0.25]);
    const bars = rmstChartOption(r, en, LIGHT_THEME) as { series: { data: unknown[] }[] };
    expect(bars.series[0].data).toHaveLength(2);
  });

  it('form → spec: cause kinds, bands, adjustment and τ; an incomplete cause is a problem', () => {
    const f = { ...emptySurvivalForm('t'), duration: 'm', event: 'e', eventValues: ['1'], group: 'g', reason: 'why', pairwise: 'bh' as const, rmstTau: '24', bands: '4' };
    expect(survivalSpecOf({ ...f, causeKind: 'reason' })).toMatchObject({ pairwise: 'bh', rmstTau: 24, bands: 4, cause: { kind: 'column', column: 'why' } });
    expect(survivalSpecOf({ ...f, causeKind: 'tags', causeTags: { Price: true } }).cause).toEqual({ kind: 'tags', column: 'why', controllable: { Price: true } });
    expect(survivalProblems({ ...f, causeKind: 'sql' }).map((p) => p.field)).toEqual(['causeKind']);
    expect(survivalSpecOf({ ...f, pairwise: 'holm' }).pairwise).toBeUndefined();
  });
});
