import { zForLevel } from '../../stats/normal';
import { confBand, type ConfType } from './km';

/** Exits at one distinct time: censored, and events per cause (index into the cause list). */
export interface CauseCounts {
  time: number;
  censored: number;
  events: number[];
}

export interface CauseIncidence {
  cause: string;
  events: number;
  /** Aalen-Johansen cumulative incidence at every distinct time (the step curve). */
  curve: Float64Array;
  /** At the requested times: incidence, R's std.err (infinitesimal jackknife) and a pointwise CI. */
  incidence: number[];
  stdErr: number[];
  lower: (number | null)[];
  upper: (number | null)[];
}

export interface IncidenceResult {
  /** Distinct times of the step curves. */
  curveTimes: number[];
  /** Overall (all causes) KM survival at each curve time: 1 − Σ incidence. */
  survival: Float64Array;
  /** The requested times. */
  times: number[];
  causes: CauseIncidence[];
  n: number;
  /** Causes are the reasons editor's tags (names are keys to translate). */
  tags?: boolean;
}

/**
 * Aalen-Johansen cumulative incidence of competing causes, as R's survfit on a multi-state status
 * (censored, then each cause): F_k(t) = Σ_{t_j ≤ t} S(t_{j−1}) d_jk / n_j with S the all-cause KM.
 * Its std.err is R's infinitesimal jackknife: √Σ_i U_i², U_i the derivative of F_k(t) with respect to
 * subject i's case weight. Subjects leaving at the same time with the same status share U, so the sum
 * runs over (time, status) cells with prefix sums: O(times × causes²) per requested time.
 */
export function aalenJohansen(rows: CauseCounts[], causes: string[], times: number[], confType: ConfType = 'log', confLevel = 0.95): IncidenceResult {
  const m = rows.length;
  const K = causes.length;
  const n = new Float64Array(m);
  const h = new Float64Array(m);
  const S = new Float64Array(m + 1); // S[j] = survival after the j-th time (1-based), S[0] = 1
  const A = new Float64Array(m + 1);
  const F = Array.from({ length: K }, () => new Float64Array(m + 1));
  const P = Array.from({ length: K }, () => new Float64Array(m + 1));
  const R = Array.from({ length: K }, () => new Float64Array(m + 1));
  let atRisk = rows.reduce((s, r) => s + r.censored + r.events.reduce((a, b) => a + b, 0), 0);
  const total = atRisk;
  S[0] = 1;
  for (let j = 1; j <= m; j++) {
    const r = rows[j - 1];
    const nj = atRisk;
    const d = r.events.reduce((a, b) => a + b, 0);
    n[j - 1] = nj;
    h[j - 1] = nj > 0 ? d / nj : 0;
    for (let k = 0; k < K; k++) {
      const hk = nj > 0 ? r.events[k] / nj : 0;
      F[k][j] = F[k][j - 1] + S[j - 1] * hk;
      P[k][j] = P[k][j - 1] + hk * S[j - 1] * A[j - 1];
      R[k][j] = R[k][j - 1] + (nj > 0 ? (S[j - 1] * hk) / nj : 0);
    }
    S[j] = S[j - 1] * (1 - h[j - 1]);
    A[j] = A[j - 1] + (h[j - 1] < 1 && nj > 0 ? h[j - 1] / (nj * (1 - h[j - 1])) : 0);
    atRisk -= d + r.censored;
  }
  const curveTimes = rows.map((r) => r.time);
  const z = zForLevel(confLevel);
  const out: CauseIncidence[] = causes.map((cause, k) => ({
    cause,
    events: rows.reduce((s, r) => s + r.events[k], 0),
    curve: F[k].slice(1),
    incidence: [],
    stdErr: [],
    lower: [],
    upper: [],
  }));
  for (const t of times) {
    // J = number of distinct times ≤ t
    let J = 0;
    while (J < m && rows[J].time <= t) J++;
    let exitedThrough = 0;
    for (let e = 1; e <= J; e++) exitedThrough += rows[e - 1].censored + rows[e - 1].events.reduce((a, b) => a + b, 0);
    const after = total - exitedThrough;
    for (let k = 0; k < K; k++) {
      const Fk = F[k];
      let v = 0;
      for (let e = 1; e <= J; e++) {
        const r = rows[e - 1];
        const base = P[k][e] - R[k][e];
        const grow = Fk[J] - Fk[e];
        const ev = h[e - 1] < 1 ? 1 / (n[e - 1] * (1 - h[e - 1])) : 0;
        const uCens = base + grow * A[e];
        v += r.censored * uCens * uCens;
        for (let s = 0; s < K; s++) {
          if (!r.events[s]) continue;
          const u = base + grow * (A[e] - ev) + (s === k ? S[e - 1] / n[e - 1] : 0);
          v += r.events[s] * u * u;
        }
      }
      const uAfter = P[k][J] - R[k][J];
      v += after * uAfter * uAfter;
      const inc = Fk[J];
      const se = Math.sqrt(v);
      const ci = inc > 0 ? confBand(inc, se / inc, confType, z) : { lower: null, upper: null };
      out[k].incidence.push(inc);
      out[k].stdErr.push(se);
      out[k].lower.push(ci.lower);
      out[k].upper.push(ci.upper);
    }
  }
  return { curveTimes, survival: S.slice(1), times, causes: out, n: total };
}
