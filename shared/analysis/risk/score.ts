import type { SurvivalGroup } from '../survival/compute';
import type { HazardInterval, KmStep } from '../survival/km';

/**
 * Scoring rules of value at risk, pure (../shared/golden/README.md, "Value at risk"; R: models_lib.R var_block):
 * p = 1 − S(t + h) / S(t) on the segment's KM step function; not scored past the last observed time, where
 * S(t) = 0, or where fewer than `minAtRisk` customers of the segment have time ≥ t + h (the thin tail).
 */

/** Index of the last step with time ≤ x (−1 before the first). Steps are ascending. */
function lastAtOrBefore(steps: KmStep[], x: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  let hit = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid].time <= x) {
      hit = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return hit;
}

/** S(x), right-continuous: 1 before the first time, null past the last observed time (R's km_at). */
export function kmAt(steps: KmStep[], x: number): number | null {
  if (!steps.length || x > steps[steps.length - 1].time) return null;
  const i = lastAtOrBefore(steps, x);
  return i < 0 ? 1 : steps[i].survival;
}

/** Customers with time ≥ x: the number at risk of the first step at or after x (0 past the last). */
export function atRiskAt(steps: KmStep[], x: number): number {
  const i = lastAtOrBefore(steps, x);
  // The first step with time ≥ x is i itself when it sits exactly on x, else the next one.
  const j = i >= 0 && steps[i].time === x ? i : i + 1;
  return j < steps.length ? steps[j].nRisk : 0;
}

/** Each scored account's call window: the riskiest hazard interval in (t, t + h) with enough people at risk. */
export interface CallWindow {
  start: number;
  end: number;
  /** Churn hazard of that interval (events / at risk at its start). */
  rate: number;
  /** Call before this time; null = the riskiest interval is the current one: call now. */
  callBy: number | null;
}

export function callWindow(hazard: HazardInterval[], t: number, h: number, minAtRisk: number): CallWindow | null {
  let best: HazardInterval | null = null;
  for (const x of hazard) {
    if (x.end <= t || x.start >= t + h || x.rate === null || x.atRisk < Math.max(1, minAtRisk)) continue;
    if (!best || x.rate > (best.rate as number)) best = x;
  }
  if (!best) return null;
  return { start: best.start, end: best.end, rate: best.rate as number, callBy: best.start > t ? best.start : null };
}

/** One (segment, time) at which active customers sit: their p (null = not scored), thin tail, window. */
export interface ScoreRow {
  segment: string | null;
  time: number;
  p: number | null;
  thin: boolean;
  window: CallWindow | null;
  /** Cox scoring only: the covariate profile as text keys (CAST … AS VARCHAR), in the model's order. */
  profile?: (string | null)[];
}

export function scoreAt(steps: KmStep[], t: number, h: number, minAtRisk: number): { p: number | null; thin: boolean } {
  const thin = atRiskAt(steps, t + h) < minAtRisk;
  const s0 = kmAt(steps, t);
  const s1 = kmAt(steps, t + h);
  const p = thin || s0 === null || s1 === null || s0 === 0 ? null : 1 - s1 / s0;
  return { p, thin };
}

/**
 * Scores for every time at which a segment has censored (= active) customers: exactly the times the
 * call list needs, at most one row per distinct time per segment.
 */
export function scoreTable(groups: SurvivalGroup[], h: number, minAtRisk: number): ScoreRow[] {
  const out: ScoreRow[] = [];
  for (const g of groups) {
    for (const s of g.steps) {
      if (s.nCensor === 0) continue;
      const { p, thin } = scoreAt(g.steps, s.time, h, minAtRisk);
      out.push({ segment: g.name, time: s.time, p, thin, window: p === null ? null : callWindow(g.hazard, s.time, h, minAtRisk) });
    }
  }
  return out;
}

/** Share of a segment that must still be at risk for an interval to count as its riskiest period. */
export const PEAK_MIN_SHARE = 0.05;

/**
 * A segment's critical window: the hazard interval with the highest rate among those with at least
 * max(minAtRisk, 5% of the segment) customers at risk at its start, so a handful of long-tenure customers
 * cannot make the last interval "the peak". Ties go to the earlier interval.
 */
export function segmentPeak(g: { n: number; hazard: HazardInterval[] }, minAtRisk: number): { start: number; end: number; rate: number } | null {
  const need = Math.max(1, minAtRisk, Math.ceil(PEAK_MIN_SHARE * g.n));
  let best: { start: number; end: number; rate: number } | null = null;
  for (const x of g.hazard) if (x.rate !== null && x.atRisk >= need && (!best || x.rate > best.rate)) best = { start: x.start, end: x.end, rate: x.rate };
  return best;
}
