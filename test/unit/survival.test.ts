import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confBand, hazardTable, kaplanMeier, medianSurvival, restrictedMean, survivalAt, type TimeCounts } from '../../shared/analysis/survival/km';
import { logRank } from '../../shared/analysis/survival/logrank';
import { fromCounts } from '../../shared/analysis/survival/compute';
import { parseSurvivalSpec } from '../../shared/analysis/survival/spec';
import { defaultHorizons, defaultHazardWidth } from '../../shared/analysis/survival/defaults';
import { eventPredicate } from '../../shared/analysis/survival/event';
import { survivalSql } from '../../shared/analysis/survival/sql';
import { formatP } from '../../shared/analysis/survival/format';
import { zForLevel } from '../../shared/stats/normal';
import { TenureError } from '../../shared/errors';

const LOG = { confType: 'log' as const, confLevel: 0.95 };
const z = zForLevel(0.95);
const tc = (time: number, nEvent: number, nCensor = 0): TimeCounts => ({ time, nEvent, nCensor });

describe('Kaplan-Meier edge cases', () => {
  it('all censored: S = 1, SE 0, log CI [1, 1], log-log CI undefined, no median', () => {
    const steps = kaplanMeier([tc(0, 0, 2), tc(3, 0, 5)], LOG);
    expect(steps.map((s) => [s.nRisk, s.survival, s.stdErr, s.lower, s.upper])).toEqual([
      [7, 1, 0, 1, 1],
      [5, 1, 0, 1, 1],
    ]);
    expect(kaplanMeier([tc(3, 0, 5)], { ...LOG, confType: 'log-log' })[0]).toMatchObject({ lower: null, upper: null });
    expect(medianSurvival(steps)).toEqual({ median: null, lower: null, upper: null });
    expect(logRank([[tc(1, 0, 3)], [tc(2, 0, 4)]])).toBeNull();
  });

  it('a group ending on an event: S = 0 and its SE and CI are undefined (null)', () => {
    const steps = kaplanMeier([tc(1, 1), tc(2, 1)], LOG);
    expect(steps[0]).toMatchObject({ nRisk: 2, survival: 0.5, seLog: Math.sqrt(0.5), stdErr: 0.5 * Math.sqrt(0.5) });
    expect(steps[1]).toMatchObject({ nRisk: 1, survival: 0, stdErr: null, seLog: null, lower: null, upper: null });
    for (const confType of ['plain', 'log-log'] as const) expect(kaplanMeier([tc(1, 1), tc(2, 1)], { confType, confLevel: 0.95 })[1]).toMatchObject({ lower: null, upper: null });
    // S sits exactly at 0.5 on [1, 2): R's midpoint rule gives 1.5
    expect(medianSurvival(steps).median).toBe(1.5);
  });

  it('ties of events and censorings: censored customers are at risk at their own time', () => {
    const steps = kaplanMeier([tc(1, 1, 1), tc(2, 1, 0), tc(3, 0, 1)], LOG);
    expect(steps.map((s) => s.nRisk)).toEqual([4, 2, 1]);
    expect(steps[0].survival).toBe(3 / 4);
    expect(steps[1].survival).toBe(3 / 8);
    const v = 1 / (4 * 3) + 1 / (2 * 1);
    expect(steps[1].seLog).toBeCloseTo(Math.sqrt(v), 15);
    expect(steps[1].stdErr).toBeCloseTo((3 / 8) * Math.sqrt(v), 15);
    expect(steps[1].lower).toBeCloseTo((3 / 8) * Math.exp(-z * Math.sqrt(v)), 15);
    expect(steps[1].upper).toBeCloseTo(Math.min(1, (3 / 8) * Math.exp(z * Math.sqrt(v))), 15);
    expect(steps[2]).toMatchObject({ survival: 3 / 8, nEvent: 0 });
    expect(medianSurvival(steps).median).toBe(2);
  });

  it('a single customer: churned → S = 0 at their time; censored → S = 1', () => {
    const churned = kaplanMeier([tc(5, 1)], LOG);
    expect(churned[0]).toMatchObject({ nRisk: 1, survival: 0, stdErr: null, lower: null });
    expect(medianSurvival(churned).median).toBe(5);
    const kept = kaplanMeier([tc(5, 0, 1)], LOG);
    expect(kept[0]).toMatchObject({ survival: 1, stdErr: 0 });
    expect(medianSurvival(kept).median).toBeNull();
  });

  it('plain and log-log bands follow R’s survfit_confint', () => {
    const s = 0.8;
    const se = 0.1;
    expect(confBand(s, se, 'plain', z)).toEqual({ lower: s - se * s * z, upper: Math.min(1, s + se * s * z) });
    const b = confBand(s, se, 'log-log', z);
    const se2 = (z * se) / Math.log(s);
    expect(b.lower).toBeCloseTo(Math.exp(-Math.exp(Math.log(-Math.log(s)) - se2)), 15);
    expect(b.lower! < s && s < b.upper!).toBe(true);
    expect(confBand(0.02, 2, 'plain', z).lower).toBe(0); // clipped to [0, 1]
  });

  it('survival at horizons: before the first time, between steps and past the end (extend)', () => {
    const steps = kaplanMeier([tc(2, 1, 1), tc(4, 1, 0), tc(6, 0, 2)], LOG);
    const at = survivalAt(steps, [1, 2, 3, 6, 10], LOG);
    expect(at.map((a) => [a.time, a.nRisk, a.eventsThrough, a.survival])).toEqual([
      [1, 5, 0, 1],
      [2, 5, 1, 0.8],
      [3, 3, 1, 0.8],
      [6, 2, 2, 0.8 * (2 / 3)],
      [10, 0, 2, 0.8 * (2 / 3)],
    ]);
    expect(at[0]).toMatchObject({ stdErr: 0, lower: 1, upper: 1 });
  });

  it('restricted mean = area under S up to tau', () => {
    const steps = kaplanMeier([tc(2, 1), tc(5, 0, 1)], LOG);
    expect(restrictedMean(steps, 4)).toBe(2 + 0.5 * 2);
    expect(restrictedMean(steps, 1)).toBe(1);
  });

  it('hazard per interval: events over those at risk at the interval start', () => {
    const steps = kaplanMeier([tc(0, 0, 1), tc(1, 2, 1), tc(2, 1, 0), tc(5, 1, 1)], LOG);
    expect(hazardTable(steps, 2)).toEqual([
      { start: 0, end: 2, atRisk: 7, events: 2, rate: 2 / 7 },
      { start: 2, end: 4, atRisk: 3, events: 1, rate: 1 / 3 },
      { start: 4, end: 6, atRisk: 2, events: 1, rate: 0.5 },
    ]);
  });

  it('rejects unsorted times', () => {
    expect(() => kaplanMeier([tc(2, 1), tc(1, 1)], LOG)).toThrow(/ascending/);
  });

  it('property: S never rises, bands contain S, at-risk counts add up', () => {
    const rows = fc.uniqueArray(fc.record({ time: fc.integer({ min: 0, max: 60 }), nEvent: fc.integer({ min: 0, max: 6 }), nCensor: fc.integer({ min: 0, max: 6 }) }), { selector: (r) => r.time, minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(rows, (raw) => {
        const data = raw.filter((r) => r.nEvent + r.nCensor > 0).sort((a, b) => a.time - b.time);
        if (!data.length) return;
        const steps = kaplanMeier(data, LOG);
        let prev = 1;
        steps.forEach((s, i) => {
          expect(s.survival).toBeLessThanOrEqual(prev);
          prev = s.survival;
          if (i > 0) expect(s.nRisk).toBe(steps[i - 1].nRisk - steps[i - 1].nEvent - steps[i - 1].nCensor);
          if (s.lower !== null) expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-15);
          if (s.upper !== null) expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-15);
          if (s.upper !== null) expect(s.upper).toBeLessThanOrEqual(1);
        });
      }),
    );
  });
});

describe('log-rank (survdiff rho = 0)', () => {
  it('two customers, one event each: χ² = 1 on 1 df (hand computed)', () => {
    const r = logRank([[tc(1, 1)], [tc(2, 1)]])!;
    expect(r.observed).toEqual([1, 1]);
    expect(r.expected).toEqual([0.5, 1.5]);
    expect(r.chisq).toBeCloseTo(1, 14);
    expect(r.df).toBe(1);
    expect(r.p).toBeCloseTo(0.3173105078629141, 13);
  });

  it('identical groups: χ² = 0, p = 1', () => {
    const g = [tc(1, 2, 1), tc(3, 1, 2)];
    const r = logRank([g, g])!;
    expect(r.chisq).toBeCloseTo(0, 14);
    expect(r.p).toBeCloseTo(1, 12);
  });

  it('a group with no expected events is dropped from df; fewer than two groups → null', () => {
    expect(logRank([[tc(1, 1)]])).toBeNull();
    // group 3 is only present after every event: expected 0
    const r = logRank([[tc(1, 1), tc(2, 0, 1)], [tc(2, 1), tc(3, 0, 1)], [tc(10, 0, 2)]])!;
    expect(r.expected[2]).toBeGreaterThan(0);
    const r2 = logRank([[tc(1, 1, 1)], [tc(2, 1)], []]);
    expect(r2?.df).toBe(1);
  });
});

describe('spec, SQL and result assembly', () => {
  it('needs an event with a duration; dates default the event to “end date filled”', () => {
    expect(() => parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'x' } })).toThrow(TenureError);
    const s = parseSurvivalSpec({ table: 't', time: { kind: 'dates', start: 'a', end: 'b', unit: 'days', asOf: '2024-01-31' } });
    expect(s.confType).toBe('log');
    const sql = survivalSql(s, new Map());
    expect(sql).toContain(`DATE '2024-01-31'`);
    expect(sql).toContain(`IS NOT NULL AS e`);
  });

  it('quotes hostile names and parenthesises the user filter', () => {
    const spec = parseSurvivalSpec({ table: 'x"; DROP', time: { kind: 'duration', column: 'te"n' }, event: { column: "it's", values: ["O'Neil"] }, where: 'a = 1 OR b = 2' });
    const sql = survivalSql(spec, new Map([["it's", 'VARCHAR']]));
    expect(sql).toContain('"x""; DROP"');
    expect(sql).toContain('"te""n"');
    expect(sql).toContain(`IN ('o''neil')`);
    expect(sql).toContain('WHERE (a = 1 OR b = 2)');
  });

  it('event values follow the column type (boolean words, numbers, text)', () => {
    expect(eventPredicate('Churn', 'BOOLEAN', ['Yes'])).toBe('"Churn" IN (TRUE)');
    expect(eventPredicate('Churn', 'BOOLEAN', ['流失'])).toBe('"Churn" IN (TRUE)');
    expect(eventPredicate('v', 'DOUBLE', ['1', 2])).toBe('"v" IN (1, 2)');
    expect(() => eventPredicate('v', 'BIGINT', ['Yes'])).toThrow(TenureError);
    expect(() => eventPredicate('b', 'BOOLEAN', ['maybe'])).toThrow(TenureError);
  });

  it('counts rows left out and keeps time 0', () => {
    const spec = parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'x' }, event: { column: 'e', values: [1] }, group: 'g' });
    const r = fromCounts(spec, [
      { g: 'a', t: 0, d: 0, c: 3 },
      { g: 'a', t: 2, d: 1, c: 0 },
      { g: 'b', t: 1, d: 1, c: 1 },
      { g: null, t: 1, d: 1, c: 0 },
      { g: 'a', t: -1, d: 0, c: 2 },
      { g: 'b', t: null, d: 1, c: 4 },
    ]);
    expect(r.excluded).toEqual({ missingTime: 5, negativeTime: 2, missingGroup: 1 });
    expect(r.groups.map((g) => [g.name, g.n, g.events, g.censored])).toEqual([
      ['a', 4, 1, 3],
      ['b', 2, 1, 1],
    ]);
    expect(r.groups[0].steps[0]).toMatchObject({ time: 0, nRisk: 4, nCensor: 3, survival: 1 });
    expect(r.logrank?.df).toBe(1);
  });

  it('default horizons and widths', () => {
    expect(defaultHorizons('months', 72)).toEqual([1, 3, 6, 12, 24, 36, 48, 60, 72]);
    expect(defaultHorizons('days', 400)).toEqual([30, 90, 180, 365]);
    expect(defaultHazardWidth(72)).toBe(2);
  });

  it('formats p like survminer, using log10 p when p underflows', () => {
    expect(formatP(0, -510.9)).toEqual({ below: true, text: '0.0001' });
    expect(formatP(0.0123, Math.log10(0.0123))).toEqual({ below: false, text: '0.012' });
  });
});
