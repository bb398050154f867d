import { pAdjust, type PAdjust } from '../../stats/pAdjust';
import type { TimeCounts } from './km';
import { logRank } from './logrank';

export interface PairwiseRow {
  a: string;
  b: string;
  /** Null when the pair has no events (no test). */
  chisq: number | null;
  p: number | null;
  /** log10 of p; finite when p underflows to 0. */
  log10p: number | null;
  pAdjusted: number | null;
}

export interface PairwiseResult {
  adjust: PAdjust;
  rows: PairwiseRow[];
}

/**
 * Log-rank (R survdiff, rho = 0) between every pair of groups, a before b in the given (sorted)
 * order, then R's p.adjust over the pairs that have a test. k ≤ 20 groups (the editor's cap), so
 * k(k−1)/2 small two-group tests over the per-time counts.
 */
export function pairwiseLogRank(groups: { name: string; counts: TimeCounts[] }[], adjust: PAdjust): PairwiseResult {
  const rows: PairwiseRow[] = [];
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const lr = logRank([groups[i].counts, groups[j].counts]);
      rows.push({ a: groups[i].name, b: groups[j].name, chisq: lr?.chisq ?? null, p: lr?.p ?? null, log10p: lr?.log10p ?? null, pAdjusted: null });
    }
  }
  const tested = rows.filter((r) => r.p !== null);
  const adj = pAdjust(tested.map((r) => r.p as number), adjust);
  tested.forEach((r, i) => (r.pAdjusted = adj[i]));
  return { adjust, rows };
}
