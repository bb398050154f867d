import { chiSquareUpper } from '../../stats/chisq';
import { zForLevel } from '../../stats/normal';
import type { KmStep } from './km';

export interface RmstGroup {
  name: string;
  rmst: number;
  /** R's se(rmean). */
  se: number;
}

export interface RmstDifference {
  a: string;
  b: string;
  /** b − a. */
  difference: number;
  se: number;
  lower: number;
  upper: number;
  /** Two-sided normal p; null when both SEs are 0 and the difference is 0 (nothing to test). */
  p: number | null;
}

export interface RmstResult {
  tau: number;
  /** True when τ was chosen by the user (else the largest time every group reaches). */
  chosen: boolean;
  groups: RmstGroup[];
  differences: RmstDifference[];
}

/**
 * Restricted mean survival up to tau and its SE, as R's survmean (print/summary.survfit, rmean = tau):
 * area under the KM step curve on [0, tau]; var = Σ (area from t_j to tau)² · d_j / (n_j (n_j − d_j)).
 */
export function rmstOf(steps: KmStep[], tau: number): { rmst: number; se: number } {
  const keep = steps.filter((s) => s.time <= tau);
  let area = 0;
  let prevT = 0;
  let prevS = 1;
  const rect = new Float64Array(keep.length + 1);
  keep.forEach((s, i) => {
    rect[i] = (s.time - prevT) * prevS;
    area += rect[i];
    prevT = s.time;
    prevS = s.survival;
  });
  rect[keep.length] = (tau - prevT) * prevS;
  area += rect[keep.length];
  // area after t_j = Σ rect[j+1..]; accumulate from the right
  let after = rect[keep.length];
  let v = 0;
  for (let j = keep.length - 1; j >= 0; j--) {
    const { nRisk: n, nEvent: d } = keep[j];
    if (n - d > 0) v += (after * after * d) / (n * (n - d));
    after += rect[j];
  }
  return { rmst: area, se: Math.sqrt(v) };
}

/** The largest time every group reaches (its last observed time, event or censored). */
export function commonTau(groups: { steps: KmStep[] }[]): number {
  const ends = groups.filter((g) => g.steps.length).map((g) => g.steps[g.steps.length - 1].time);
  return ends.length ? Math.min(...ends) : 0;
}

/** Per group, then every pair a < b (given order): difference b − a, SE √(se_a² + se_b²), normal CI and p. */
export function rmstCompare(groups: { name: string; steps: KmStep[] }[], tau: number | undefined, confLevel = 0.95): RmstResult {
  const t = tau ?? commonTau(groups);
  const per = groups.map((g) => ({ name: g.name, ...rmstOf(g.steps, t) }));
  const z = zForLevel(confLevel);
  const differences: RmstDifference[] = [];
  for (let i = 0; i < per.length; i++) {
    for (let j = i + 1; j < per.length; j++) {
      const d = per[j].rmst - per[i].rmst;
      const se = Math.sqrt(per[i].se ** 2 + per[j].se ** 2);
      // P(|Z| ≥ |d / se|) = P(χ²₁ ≥ (d / se)²): accurate far into the tail
      const p = se > 0 ? chiSquareUpper((d / se) ** 2, 1).p : d === 0 ? null : 0;
      differences.push({ a: per[i].name, b: per[j].name, difference: d, se, lower: d - z * se, upper: d + z * se, p });
    }
  }
  return { tau: t, chosen: tau !== undefined, groups: per, differences };
}
