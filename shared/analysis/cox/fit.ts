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
  const a = new Float64Array(p);
  let s0 = 0;
  let loglik = 0;
  let i = n - 1;
  while (i >= 0) {
    const t = time[i];
    let d0 = 0;
    let nd = 0;
    d1.fill(0);
    d2.fill(0);
    for (; i >= 0 && time[i] === t; i--) {
      const o = i * p;
      let eta = 0;
      for (let k = 0; k < p; k++) eta += x[o + k] * beta[k];
      const w = Math.exp(eta);
      s0 += w;
      for (let k = 0; k < p; k++) {
        const wx = w * x[o + k];
        s1[k] += wx;
        for (let l = 0; l <= k; l++) s2[k * p + l] += wx * x[o + l];
      }
      if (status[i]) {
        nd++;
        d0 += w;
        loglik += eta;
        for (let k = 0; k < p; k++) {
          const wx = w * x[o + k];
          u[k] += x[o + k];
          d1[k] += wx;
          for (let l = 0; l <= k; l++) d2[k * p + l] += wx * x[o + l];
        }
      }
    }
    if (nd === 0) continue;
    // Efron: the k-th of nd tied deaths sees the risk set minus k/nd of the dying; Breslow: all of it.
    const steps = ties === 'efron' ? nd : 1;
    const mult = ties === 'efron' ? 1 : nd;
    for (let r = 0; r < steps; r++) {
      const f = ties === 'efron' ? r / nd : 0;
      const den = s0 - f * d0;
      loglik -= mult * Math.log(den);
      for (let k = 0; k < p; k++) {
        a[k] = (s1[k] - f * d1[k]) / den;
        u[k] -= mult * a[k];
      }
      for (let k = 0; k < p; k++) for (let l = 0; l <= k; l++) imat[k * p + l] += mult * ((s2[k * p + l] - f * d2[k * p + l]) / den - a[k] * a[l]);
    }
  }
  for (let k = 0; k < p; k++) for (let l = 0; l < k; l++) imat[l * p + k] = imat[k * p + l];
  return { loglik, u, imat };
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
