/** Multiple-comparison adjustment of p values, exactly as R's p.adjust (ties keep their input order). */

export const P_ADJUST = ['holm', 'bonferroni', 'bh'] as const;
export type PAdjust = (typeof P_ADJUST)[number];

export function pAdjust(p: readonly number[], method: PAdjust): number[] {
  const n = p.length;
  if (n <= 1) return [...p];
  if (method === 'bonferroni') return p.map((x) => Math.min(1, n * x));
  const asc = method === 'holm';
  // R: order(p) for Holm, order(p, decreasing = TRUE) for BH; both stable
  const o = p.map((_, i) => i).sort((a, b) => (asc ? p[a] - p[b] : p[b] - p[a]) || a - b);
  const out = new Array<number>(n);
  let run = asc ? -Infinity : Infinity;
  o.forEach((idx, k) => {
    if (asc) {
      run = Math.max(run, (n - k) * p[idx]); // cummax((n - i + 1) * p[o])
    } else {
      run = Math.min(run, (n / (n - k)) * p[idx]); // cummin(n / i * p[o]), i = n:1
    }
    out[idx] = Math.min(1, run);
  });
  return out;
}
