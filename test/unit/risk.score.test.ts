import { describe, expect, it } from 'vitest';
import { fromCounts } from '../../shared/analysis/survival/compute';
import { parseSurvivalSpec } from '../../shared/analysis/survival/spec';
import { atRiskAt, callWindow, kmAt, scoreAt, scoreTable, segmentPeak } from '../../shared/analysis/risk/score';
import type { HazardInterval } from '../../shared/analysis/survival/km';

const spec = parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'm' }, event: { column: 'e', values: [1] }, group: 'g', hazardWidth: 2 });
// Segment "a": 10 customers; events at 2 (2), 4 (1), 8 (1); censored at 0 (1), 4 (2), 6 (1), 10 (2).
const counts = [
  { g: 'a', t: 0, d: 0, c: 1 },
  { g: 'a', t: 2, d: 2, c: 0 },
  { g: 'a', t: 4, d: 1, c: 2 },
  { g: 'a', t: 6, d: 0, c: 1 },
  { g: 'a', t: 8, d: 1, c: 0 },
  { g: 'a', t: 10, d: 0, c: 2 },
];
const [a] = fromCounts(spec, counts).groups;

describe('value-at-risk scoring (golden README "Value at risk")', () => {
  it('S(x) is the right-continuous KM step; null past the last observed time', () => {
    // n at risk: 10, 9 (t=2), 7 (t=4), 4 (t=6), 3 (t=8), 2 (t=10).
    expect(kmAt(a.steps, -1)).toBe(1);
    expect(kmAt(a.steps, 1.9)).toBe(1);
    expect(kmAt(a.steps, 2)).toBeCloseTo(7 / 9, 15);
    expect(kmAt(a.steps, 5)).toBeCloseTo((7 / 9) * (6 / 7), 15);
    expect(kmAt(a.steps, 10)).toBeCloseTo((7 / 9) * (6 / 7) * (2 / 3), 15);
    expect(kmAt(a.steps, 10.5)).toBeNull();
  });

  it('at risk at x counts customers with time ≥ x', () => {
    expect([atRiskAt(a.steps, 0), atRiskAt(a.steps, 1), atRiskAt(a.steps, 4), atRiskAt(a.steps, 9), atRiskAt(a.steps, 10), atRiskAt(a.steps, 11)]).toEqual([10, 9, 7, 2, 2, 0]);
  });

  it('p = 1 − S(t+h)/S(t); thin tail below the minimum at risk at t+h; not scored past the end', () => {
    const s = scoreAt(a.steps, 4, 4, 3);
    expect(s.thin).toBe(false); // 3 customers have time ≥ 8
    expect(s.p).toBeCloseTo(1 - 2 / 3, 15); // S(8)/S(4) = 2/3
    expect(scoreAt(a.steps, 4, 4, 4)).toEqual({ p: null, thin: true });
    // minAtRisk 0: never thin, but past the last time there is no S.
    expect(scoreAt(a.steps, 10, 1, 0)).toEqual({ p: null, thin: false });
    expect(scoreAt(a.steps, 0, 2, 0).p).toBeCloseTo(2 / 9, 15);
  });

  it('one score row per time with censored (active) customers', () => {
    const rows = scoreTable([a], 4, 2);
    expect(rows.map((r) => r.time)).toEqual([0, 4, 6, 10]);
    expect(rows.map((r) => r.thin)).toEqual([false, false, false, true]);
    expect(rows[3].p).toBeNull();
    expect(rows[3].window).toBeNull();
  });

  it('the call window: the riskiest interval within (t, t + h), call before it starts, or now', () => {
    const hz: HazardInterval[] = [
      { start: 0, end: 2, atRisk: 100, events: 5, rate: 0.05 },
      { start: 2, end: 4, atRisk: 90, events: 9, rate: 0.1 },
      { start: 4, end: 6, atRisk: 80, events: 4, rate: 0.05 },
      { start: 6, end: 8, atRisk: 10, events: 5, rate: 0.5 },
    ];
    expect(callWindow(hz, 1, 4, 20)).toEqual({ start: 2, end: 4, rate: 0.1, callBy: 2 });
    expect(callWindow(hz, 2, 4, 20)).toEqual({ start: 2, end: 4, rate: 0.1, callBy: null });
    // The 6–8 interval has too few at risk for the window even though it is inside (t, t + h).
    expect(callWindow(hz, 4, 4, 20)).toEqual({ start: 4, end: 6, rate: 0.05, callBy: null });
    expect(callWindow(hz, 4, 4, 5)).toEqual({ start: 6, end: 8, rate: 0.5, callBy: 6 });
    expect(callWindow(hz, 10, 4, 5)).toBeNull();
  });

  it("a segment's critical window needs 5% of the segment at risk", () => {
    const hz: HazardInterval[] = [
      { start: 0, end: 2, atRisk: 1000, events: 90, rate: 0.09 },
      { start: 2, end: 4, atRisk: 910, events: 50, rate: 0.055 },
      { start: 68, end: 70, atRisk: 27, events: 6, rate: 0.22 },
    ];
    expect(segmentPeak({ n: 1000, hazard: hz }, 20)).toEqual({ start: 0, end: 2, rate: 0.09 });
    expect(segmentPeak({ n: 400, hazard: hz }, 20)).toEqual({ start: 68, end: 70, rate: 0.22 });
  });
});
