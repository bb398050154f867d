import { chiSquareUpper } from '../../stats/chisq';
import { solve } from '../../stats/linalg';
import type { TimeCounts } from './km';

export interface LogRankResult {
  chisq: number;
  /** Groups with expected events > 0, minus one (R's print.survdiff). */
  df: number;
  p: number;
  /** log10 of p; stays finite when p underflows to 0. */
  log10p: number;
  n: number[];
  observed: number[];
  expected: number[];
}

/**
 * Mantel-Haenszel log-rank test, R survdiff(rho = 0): at each distinct time the hypergeometric
 * expectation and covariance of each group's events; χ² = (O−E)ᵀ V⁻ (O−E) dropping the first group.
 * Null when fewer than two groups have expected events (no test).
 */
export function logRank(groups: TimeCounts[][]): LogRankResult | null {
  const k = groups.length;
  if (k < 2) return null;
  const times = [...new Set(groups.flatMap((g) => g.map((r) => r.time)))].sort((a, b) => a - b);
  const risk = groups.map((g) => g.reduce((s, r) => s + r.nEvent + r.nCensor, 0));
  const n = [...risk];
  const at = groups.map((g) => new Map(g.map((r) => [r.time, r])));
  const obs = new Array<number>(k).fill(0);
  const exp = new Array<number>(k).fill(0);
  const v = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const t of times) {
    const rows = at.map((m) => m.get(t));
    const dg = rows.map((r) => r?.nEvent ?? 0);
    const d = dg.reduce((a, b) => a + b, 0);
    const nr = risk.reduce((a, b) => a + b, 0);
    if (d > 0) {
      for (let i = 0; i < k; i++) {
        obs[i] += dg[i];
        exp[i] += (d * risk[i]) / nr;
        if (nr > 1) {
          const tmp = (d * risk[i] * (nr - d)) / (nr * (nr - 1));
          v[i][i] += tmp;
          for (let j = 0; j < k; j++) v[i][j] -= (tmp * risk[j]) / nr;
        }
      }
    }
    rows.forEach((r, i) => {
      if (r) risk[i] -= r.nEvent + r.nCensor;
    });
  }
  const keep = exp.map((e, i) => (e > 0 ? i : -1)).filter((i) => i >= 0);
  if (keep.length < 2) return null;
  const idx = keep.slice(1);
  const diff = idx.map((i) => obs[i] - exp[i]);
  const vv = idx.map((i) => idx.map((j) => v[i][j]));
  let chisq: number;
  try {
    const sol = solve(vv, diff);
    chisq = sol.reduce((s, x, i) => s + x * diff[i], 0);
  } catch {
    return null;
  }
  const df = keep.length - 1;
  const tail = chiSquareUpper(chisq, df);
  return { chisq, df, p: tail.p, log10p: tail.log10p, n, observed: obs, expected: exp };
}
