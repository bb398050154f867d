import { logUpperGamma } from './gamma';

export interface ChiSquareTail {
  /** Upper-tail probability; 0 when it underflows (use log10p then). */
  p: number;
  /** Natural log of p, finite even when p underflows. */
  logp: number;
  /** log10 of p (χ² = 2352.87 on 2 df → −510.92). */
  log10p: number;
}

/** P(X ≥ x) for X ~ χ²(df), also in log space: R's pchisq(x, df, lower.tail = FALSE[, log.p = TRUE]). */
export function chiSquareUpper(x: number, df: number): ChiSquareTail {
  if (!(df > 0)) throw new RangeError(`chi-square needs df > 0, got ${df}`);
  const logp = x <= 0 ? 0 : logUpperGamma(df / 2, x / 2);
  return { p: Math.exp(logp), logp, log10p: logp / Math.LN10 };
}
