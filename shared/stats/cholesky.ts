/**
 * Symmetric positive (semi-)definite matrices stored row-major in a Float64Array (p × p), as R's
 * survival package handles them (cholesky2 / chsolve2 / chinv2): a pivot below `toler` × the largest
 * diagonal counts as zero, which is how a singular design is detected.
 */
export const CHOL_TOLER = Math.pow(2.220446049250313e-16, 0.75);

export interface Cholesky {
  /** L·D·Lᵀ: unit lower triangle below the diagonal, D on the diagonal. */
  m: Float64Array;
  p: number;
  /** Index of the first column whose pivot was (near) zero, or -1 when full rank. */
  singularAt: number;
}

/** LDLᵀ factorisation (R's cholesky2 rule for zero pivots). The input is not modified. */
export function cholesky(a: Float64Array, p: number, toler = CHOL_TOLER): Cholesky {
  const m = Float64Array.from(a);
  let eps = 0;
  for (let i = 0; i < p; i++) if (m[i * p + i] > eps) eps = m[i * p + i];
  eps = eps === 0 ? toler : eps * toler;
  let singularAt = -1;
  for (let i = 0; i < p; i++) {
    const pivot = m[i * p + i];
    if (!Number.isFinite(pivot) || pivot < eps) {
      m[i * p + i] = 0;
      if (singularAt < 0) singularAt = i;
      continue;
    }
    for (let j = i + 1; j < p; j++) {
      const temp = m[j * p + i] / pivot;
      m[j * p + i] = temp;
      m[j * p + j] -= temp * temp * pivot;
      for (let k = j + 1; k < p; k++) m[k * p + j] -= temp * m[k * p + i];
    }
  }
  return { m, p, singularAt };
}

/** Solve A·x = b with a factorisation from `cholesky` (zero pivots give zero components, as R does). */
export function cholSolve(c: Cholesky, b: ArrayLike<number>): Float64Array {
  const { m, p } = c;
  const y = Float64Array.from(b as ArrayLike<number>);
  for (let i = 0; i < p; i++) {
    let t = y[i];
    for (let j = 0; j < i; j++) t -= y[j] * m[i * p + j];
    y[i] = t;
  }
  for (let i = p - 1; i >= 0; i--) {
    if (m[i * p + i] === 0) y[i] = 0;
    else {
      let t = y[i] / m[i * p + i];
      for (let j = i + 1; j < p; j++) t -= y[j] * m[j * p + i];
      y[i] = t;
    }
  }
  return y;
}

/** The inverse of A (full p × p, symmetric) from its factorisation. */
export function cholInverse(c: Cholesky): Float64Array {
  const { p } = c;
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(c, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i];
  }
  return inv;
}

/** xᵀ·A⁻¹·x (a score or Wald statistic). */
export function quadSolve(a: Float64Array, p: number, x: ArrayLike<number>): number {
  const s = cholSolve(cholesky(a, p), x);
  let q = 0;
  for (let i = 0; i < p; i++) q += s[i] * x[i];
  return q;
}
