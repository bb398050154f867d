import { cholesky, cholSolve, quadSolve } from '../../stats/cholesky';
import { chiSquareUpper } from '../../stats/chisq';
import { addCovariance, tieSums, type CoxData, type Ties } from './fit';

/**
 * The proportional-hazards test of R's cox.zph(fit, transform = "km", terms = TRUE) (survival ≥ 3.0):
 * a score test, at the fitted β, for adding x·g(t) to the model, where g is 1 − KM(t−) centred at its
 * mean over the events. One row per model term (a text column's dummies together, df = levels − 1)
 * and GLOBAL. Also the scaled Schoenfeld residuals per term for the plot (+β, or +1 for a
 * multi-column term, as R's plot.cox.zph draws them).
 */
export interface ZphRow {
  term: string;
  chisq: number;
  df: number;
  p: number;
}

export interface ZphResult {
  rows: ZphRow[];
  /** One entry per event, ascending time. */
  eventTimes: Float64Array;
  /** The KM-transformed time of each event (R's `x`). */
  transformed: Float64Array;
  /** Scaled residuals, row-major nEvents × nTerms (R's `y`). */
  scaled: Float64Array;
}

/** A model term: its name and its columns in β. */
export interface TermColumns {
  term: string;
  columns: number[];
}

/** 1 − KM(t−) for each row (rows sorted by time ascending). */
function kmTransform(time: Float64Array, status: Uint8Array): Float64Array {
  const n = time.length;
  const out = new Float64Array(n);
  let s = 1;
  let i = 0;
  while (i < n) {
    let j = i;
    let d = 0;
    while (j < n && time[j] === time[i]) d += status[j++];
    for (let k = i; k < j; k++) out[k] = 1 - s;
    s *= 1 - d / (n - i);
    i = j;
  }
  return out;
}

export function coxZph(d: CoxData, beta: Float64Array, ties: Ties, terms: TermColumns[]): ZphResult {
  const { n, p, time, status, x } = d;
  const tt = kmTransform(time, status);
  let nEv = 0;
  let sumG = 0;
  for (let i = 0; i < n; i++) {
    if (status[i]) {
      nEv++;
      sumG += tt[i];
    }
  }
  const gMean = sumG / nEv;
  const P = 2 * p;
  const imat = new Float64Array(P * P);
  const u2 = new Float64Array(p);
  const resid = new Float64Array(nEv * p);
  const s1 = new Float64Array(p);
  const s2 = new Float64Array(p * p);
  const d1 = new Float64Array(p);
  const d2 = new Float64Array(p * p);
  const abar = new Float64Array(p);
  const v = new Float64Array(p * p);
  let s0 = 0;
  let evIdx = nEv; // events are written from the end (time descending)
  let i = n - 1;
  while (i >= 0) {
    const t = time[i];
    let d0 = 0;
    let nd = 0;
    d1.fill(0);
    d2.fill(0);
    const hi = i;
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
        if (status[i]) {
          d1[k] += wx;
          for (let l = 0; l <= k; l++) d2[k * p + l] += wx * x[o + l];
        }
      }
      if (status[i]) {
        nd++;
        d0 += w;
      }
    }
    if (nd === 0) continue;
    const g = tt[hi] - gMean;
    const e = tieSums(s0, d0, nd, ties);
    for (let k = 0; k < p; k++) abar[k] = (s1[k] * e.h0 - d1[k] * e.h1) / nd;
    v.fill(0);
    addCovariance(v, p, s1, s2, d1, d2, e);
    for (let k = 0; k < p; k++) {
      for (let l = 0; l <= k; l++) {
        const vv = v[k * p + l];
        imat[k * P + l] += vv;
        imat[(p + k) * P + l] += g * vv;
        imat[(p + l) * P + k] += l === k ? 0 : g * vv;
        imat[(p + k) * P + p + l] += g * g * vv;
      }
    }
    // Schoenfeld residuals of this time's events (each x − the Efron-averaged mean), ascending order.
    for (let j = i + 1; j <= hi; j++) {
      if (!status[j]) continue;
      evIdx--;
      for (let k = 0; k < p; k++) {
        const r = x[j * p + k] - abar[k];
        resid[evIdx * p + k] = r;
        u2[k] += g * r;
      }
    }
  }
  for (let r = 0; r < P; r++) for (let c = r + 1; c < P; c++) imat[r * P + c] = imat[c * P + r];

  const testOn = (cols: number[]): number => {
    const idx = [...Array.from({ length: p }, (_, k) => k), ...cols.map((c) => p + c)];
    const q = idx.length;
    const m = new Float64Array(q * q);
    for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) m[r * q + c] = imat[idx[r] * P + idx[c]];
    const uu = idx.map((k) => (k < p ? 0 : u2[k - p]));
    return quadSolve(m, q, uu);
  };
  const rows: ZphRow[] = terms.map((tm) => {
    const chisq = testOn(tm.columns);
    return { term: tm.term, chisq, df: tm.columns.length, p: chiSquareUpper(chisq, tm.columns.length).p };
  });
  const all = Array.from({ length: p }, (_, k) => k);
  const gChisq = testOn(all);
  rows.push({ term: 'GLOBAL', chisq: gChisq, df: p, p: chiSquareUpper(gChisq, p).p });

  // Scaled residuals per term: residuals combined per term (a factor's weighted by β), times the
  // inverse of the average information, plus β (one column) or 1 (several).
  const nt = terms.length;
  const w = new Float64Array(p * nt);
  terms.forEach((tm, j) => tm.columns.forEach((c) => (w[c * nt + j] = tm.columns.length === 1 ? 1 : beta[c])));
  const vmean = new Float64Array(nt * nt);
  for (let r = 0; r < nt; r++) {
    for (let c = 0; c < nt; c++) {
      let s = 0;
      for (let k = 0; k < p; k++) for (let l = 0; l < p; l++) s += w[k * nt + r] * (imat[k * P + l] / nEv) * w[l * nt + c];
      vmean[r * nt + c] = s;
    }
  }
  const ch = cholesky(vmean, nt);
  const scaled = new Float64Array(nEv * nt);
  const row = new Float64Array(nt);
  const eventTimes = new Float64Array(nEv);
  const transformed = new Float64Array(nEv);
  let e = 0;
  for (let j = 0; j < n; j++) {
    if (!status[j]) continue;
    eventTimes[e] = time[j];
    transformed[e] = tt[j];
    e++;
  }
  for (let ev = 0; ev < nEv; ev++) {
    row.fill(0);
    for (let k = 0; k < p; k++) for (let j = 0; j < nt; j++) row[j] += resid[ev * p + k] * w[k * nt + j];
    const s = cholSolve(ch, row);
    for (let j = 0; j < nt; j++) scaled[ev * nt + j] = s[j] + (terms[j].columns.length === 1 ? beta[terms[j].columns[0]] : 1);
  }
  return { rows, eventTimes, transformed, scaled };
}
