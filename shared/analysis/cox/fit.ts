import { cholesky, cholInverse, cholSolve, quadSolve } from '../../stats/cholesky';

/**
 * Cox proportional hazards by Newton-Raphson on the partial likelihood, the algorithm of R survival's
 * coxfit6.c: start at β = 0, Efron (default) or Breslow ties, convergence when |1 − ℓ_old/ℓ_new| ≤ 1e-9
 * (R's `eps`) with step halving whenever the log-likelihood falls, at most 20 iterations. Newton's
 * method is affine invariant, so centring the covariates (as R does) leaves the iterates unchanged;
 * it only keeps exp(xβ) in range.
 *
 * Heavy sums run over typed arrays sorted by time: risk-set sums accumulate from the longest time
 * down, so each pass is O(n·p²) with no per-row objects.
 */
export type Ties = 'efron' | 'breslow';

export interface CoxData {
  n: number;
  p: number;
  /** Follow-up times, ascending. */
  time: Float64Array;
  /** 1 = event, 0 = censored. */
  status: Uint8Array;
  /** Row-major n × p covariates, already centred (column means in `means`). */
  x: Float64Array;
  means: Float64Array;
}

export interface PassResult {
  loglik: number;
  /** Score vector (p). */
  u: Float64Array;
  /** Information matrix (p × p, row-major). */
  imat: Float64Array;
}

/** One pass over the data at β: log partial likelihood, score and information. */
export function coxPass(d: CoxData, beta: Float64Array, ties: Ties): PassResult {
  const { n, p, time, status, x } = d;
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const c1 = new Float64Array(p);
  const c2 = new Float64Array(p * p);
  const row = new Float64Array(p);
  let s0 = 0;
  let loglik = 0;
  let i = n - 1;
  while (i >= 0) {
    const t = time[i];
    let d0 = 0;
    let c0 = 0;
    let nd = 0;
    d1.fill(0);
    d2.fill(0);
    c1.fill(0);
    c2.fill(0);
    // Each row's weighted outer product goes to the events' (d) or the censored (c) sums of this
    // time; the risk-set sums take both once the time is done.
    for (; i >= 0 && time[i] === t; i--) {
      const o = i * p;
      let eta = 0;
      for (let k = 0; k < p; k++) {
        const v = x[o + k];
        row[k] = v;
        eta += v * beta[k];
      }
      const w = Math.exp(eta);
      const ev = status[i] !== 0;
      const v1 = ev ? d1 : c1;
      const v2 = ev ? d2 : c2;
      if (ev) {
        nd++;
        d0 += w;
        loglik += eta;
        for (let k = 0; k < p; k++) u[k] += row[k];
      } else c0 += w;
      for (let k = 0; k < p; k++) {
        const wx = w * row[k];
        v1[k] += wx;
        const kp = k * p;
        for (let l = 0; l <= k; l++) v2[kp + l] += wx * row[l];
      }
    }
    s0 += d0 + c0;
    for (let k = 0; k < p; k++) {
      s1[k] += d1[k] + c1[k];
      const kp = k * p;
      for (let l = 0; l <= k; l++) s2[kp + l] += d2[kp + l] + c2[kp + l];
    }
    if (nd === 0) continue;
    const e = tieSums(s0, d0, nd, ties);
    loglik -= e.logDen;
    for (let k = 0; k < p; k++) u[k] -= s1[k] * e.h0 - d1[k] * e.h1;
    addCovariance(imat, p, s1, s2, d1, d2, e);
  }
  for (let k = 0; k < p; k++) for (let l = 0; l < k; l++) imat[l * p + k] = imat[k * p + l];
  return { loglik, u, imat };
}

/**
 * Scalar sums over the tied events of one time. Efron: the r-th of nd events sees the risk set minus
 * r/nd of the dying, den_r = s0 − (r/nd)·d0; Breslow: all nd see the whole set. With them the score
 * and information need one p × p update per time instead of nd:
 * Σ_r a_r = s1·h0 − d1·h1 and Σ_r a_r a_rᵀ = s1s1ᵀ·g0 − (s1d1ᵀ + d1s1ᵀ)·g1 + d1d1ᵀ·g2.
 */
export interface TieSums {
  logDen: number;
  h0: number;
  h1: number;
  g0: number;
  g1: number;
  g2: number;
}

export function tieSums(s0: number, d0: number, nd: number, ties: Ties): TieSums {
  if (ties === 'breslow' || nd === 1) {
    const h = 1 / s0;
    return { logDen: nd * Math.log(s0), h0: nd * h, h1: 0, g0: nd * h * h, g1: 0, g2: 0 };
  }
  const e = { logDen: 0, h0: 0, h1: 0, g0: 0, g1: 0, g2: 0 };
  for (let r = 0; r < nd; r++) {
    const f = r / nd;
    const den = s0 - f * d0;
    const q = 1 / den;
    e.logDen += Math.log(den);
    e.h0 += q;
    e.h1 += f * q;
    e.g0 += q * q;
    e.g1 += f * q * q;
    e.g2 += f * f * q * q;
  }
  return e;
}

/** Adds Σ_r (weighted covariance seen by the r-th tied event) to the lower triangle of `m` (p × p). */
export function addCovariance(m: Float64Array, p: number, s1: Float64Array, s2: Float64Array, d1: Float64Array, d2: Float64Array, e: TieSums, scale = 1): void {
  for (let k = 0; k < p; k++) {
    const kp = k * p;
    for (let l = 0; l <= k; l++) {
      const outer = s1[k] * s1[l] * e.g0 - (s1[k] * d1[l] + d1[k] * s1[l]) * e.g1 + d1[k] * d1[l] * e.g2;
      m[kp + l] += scale * (s2[kp + l] * e.h0 - d2[kp + l] * e.h1 - outer);
    }
  }
}

export interface CoxFit {
  beta: Float64Array;
  /** Variance-covariance matrix of β (p × p). */
  variance: Float64Array;
  loglikNull: number;
  loglik: number;
  /** Score (log-rank) test statistic at β = 0. */
  scoreTest: number;
  /** Score vector and information at the final β. */
  final: PassResult;
  iterations: number;
  /** Columns whose pivot was zero in the information at β = 0 (singular design), first one; −1 if none. */
  singularAt: number;
  /** Columns whose coefficient may be infinite (R: "Loglik converged before variable …"). */
  infinite: number[];
  converged: boolean;
}

export const COX_EPS = 1e-9;
export const COX_MAX_ITER = 20;

/** R's coxph.fit (coxfit6) on prepared data. */
export function coxFit(d: CoxData, ties: Ties, maxIter = COX_MAX_ITER, eps = COX_EPS): CoxFit {
  const p = d.p;
  let beta = new Float64Array(p);
  const start = coxPass(d, beta, ties);
  const loglikNull = start.loglik;
  const ch0 = cholesky(start.imat, p);
  const scoreTest = ch0.singularAt >= 0 ? NaN : quadSolve(start.imat, p, start.u);
  if (ch0.singularAt >= 0) {
    return { beta, variance: new Float64Array(p * p), loglikNull, loglik: loglikNull, scoreTest, final: start, iterations: 0, singularAt: ch0.singularAt, infinite: [], converged: false };
  }
  const step = cholSolve(ch0, start.u);
  let newBeta = beta.map((b, k) => b + step[k]);
  let best = loglikNull;
  let halving = false;
  let cur = start;
  let iter = 0;
  let converged = false;
  for (iter = 1; iter <= maxIter; iter++) {
    cur = coxPass(d, newBeta, ties);
    if (Math.abs(1 - best / cur.loglik) <= eps && !halving) {
      converged = true;
      break;
    }
    if (iter === maxIter) break;
    if (cur.loglik < best || !Number.isFinite(cur.loglik)) {
      halving = true;
      newBeta = newBeta.map((b, k) => (b + beta[k]) / 2);
    } else {
      halving = false;
      best = cur.loglik;
      beta = newBeta;
      const s = cholSolve(cholesky(cur.imat, p), cur.u);
      newBeta = beta.map((b, k) => b + s[k]);
    }
  }
  const chF = cholesky(cur.imat, p);
  const variance = cholInverse(chF);
  // R's check for coefficients running off to infinity: the remaining Newton step is not negligible.
  const infinite: number[] = [];
  const stepF = new Float64Array(p);
  for (let k = 0; k < p; k++) for (let l = 0; l < p; l++) stepF[k] += variance[k * p + l] * cur.u[l];
  for (let k = 0; k < p; k++) if (Math.abs(stepF[k]) > eps && Math.abs(stepF[k]) > Math.sqrt(eps) * Math.abs(newBeta[k])) infinite.push(k);
  return { beta: newBeta, variance, loglikNull, loglik: cur.loglik, scoreTest, final: cur, iterations: iter, singularAt: chF.singularAt, infinite, converged };
}

/** Wald statistic βᵀ·V⁻¹·β for a subset of coefficients (all when `idx` is omitted). */
export function waldTest(fit: CoxFit, p: number, idx?: number[]): number {
  const ix = idx ?? Array.from({ length: p }, (_, k) => k);
  const q = ix.length;
  const v = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) v[a * q + b] = fit.variance[ix[a] * p + ix[b]];
  return quadSolve(v, q, ix.map((k) => fit.beta[k]));
}
