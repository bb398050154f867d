import type { CoxData, Ties } from './fit';

/**
 * The baseline cumulative hazard at the covariate means, as R's survfit.coxph computes it by default:
 * Efron fits use Efron's correction (ctype 2: the k-th of d tied events sees the risk set minus k/d
 * of the dying), Breslow fits the Breslow (Nelson-Aalen-type) estimate. S(t | x) = exp(−H₀(t)·e^{(x−x̄)β}).
 */
export interface Baseline {
  /** Distinct event times, ascending. */
  times: Float64Array;
  /** H₀ at each event time (cumulative). */
  cumHaz: Float64Array;
  /** Number at risk (time ≥ t) at each event time. */
  atRisk: Float64Array;
}

export function coxBaseline(d: CoxData, beta: Float64Array, ties: Ties): Baseline {
  const { n, p, time, status, x } = d;
  const times: number[] = [];
  const inc: number[] = [];
  const risk: number[] = [];
  let s0 = 0;
  let i = n - 1;
  while (i >= 0) {
    const t = time[i];
    let d0 = 0;
    let nd = 0;
    for (; i >= 0 && time[i] === t; i--) {
      let eta = 0;
      for (let k = 0; k < p; k++) eta += x[i * p + k] * beta[k];
      const w = Math.exp(eta);
      s0 += w;
      if (status[i]) {
        nd++;
        d0 += w;
      }
    }
    if (nd === 0) continue;
    let h = 0;
    if (ties === 'efron') for (let r = 0; r < nd; r++) h += 1 / (s0 - (r / nd) * d0);
    else h = nd / s0;
    times.push(t);
    inc.push(h);
    risk.push(n - (i + 1));
  }
  times.reverse();
  inc.reverse();
  risk.reverse();
  const cumHaz = new Float64Array(inc.length);
  let c = 0;
  for (let k = 0; k < inc.length; k++) cumHaz[k] = c += inc[k];
  return { times: Float64Array.from(times), cumHaz, atRisk: Float64Array.from(risk) };
}

/** H₀ at t: the last event time ≤ t (0 before the first; the last value beyond the end). */
export function cumHazAt(b: Baseline, t: number): number {
  let lo = 0;
  let hi = b.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : b.cumHaz[lo - 1];
}

/** Predicted survival at `times` for one profile given as its centred linear predictor (x − x̄)·β. */
export function predictSurvival(b: Baseline, centredLp: number, times: number[]): number[] {
  const r = Math.exp(centredLp);
  return times.map((t) => Math.exp(-cumHazAt(b, t) * r));
}
