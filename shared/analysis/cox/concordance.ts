/**
 * Harrell's concordance of a Cox model's linear predictor with its standard error, as coxph reports it
 * (survival::concordancefit, timewt "n", reverse = TRUE): a pair is comparable when the shorter time is
 * an event (a censoring at the same time counts as longer; tied event times are not comparable); it is
 * concordant when the shorter time has the higher risk. SE from the infinitesimal jackknife: each
 * subject's share of concordant, discordant and risk-tied pairs (R's `influence` matrix).
 * Counting uses Fenwick trees over the ranks of the predictor: O(n log n), typed arrays only.
 */
export interface Concordance {
  c: number;
  se: number;
  concordant: number;
  discordant: number;
  tiedRisk: number;
}

class Fenwick {
  readonly tree: Float64Array;
  constructor(readonly size: number) {
    this.tree = new Float64Array(size + 1);
  }
  add(i: number): void {
    for (let k = i + 1; k <= this.size; k += k & -k) this.tree[k] += 1;
  }
  /** How many added values have rank < i. */
  below(i: number): number {
    let s = 0;
    for (let k = i; k > 0; k -= k & -k) s += this.tree[k];
    return s;
  }
}

/** `time` ascending (ties in any order), `status` 1 = event, `lp` the linear predictor. */
export function concordance(time: Float64Array, status: Uint8Array, lp: Float64Array): Concordance {
  const n = time.length;
  // ranks of lp (equal values share a rank)
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => lp[a] - lp[b]);
  const rank = new Uint32Array(n);
  let m = 0;
  for (let j = 0; j < n; j++) {
    if (j > 0 && lp[order[j]] !== lp[order[j - 1]]) m++;
    rank[order[j]] = m;
  }
  const size = m + 1;
  const conc = new Float64Array(n);
  const disc = new Float64Array(n);
  const tied = new Float64Array(n);
  // Pass 1 (longest time first): each event against those still at risk after it (longer times, and
  // censorings at its own time). The tree holds the ranks of everyone already passed.
  const longer = new Fenwick(size);
  let inTree = 0;
  let i = n - 1;
  while (i >= 0) {
    const t = time[i];
    let lo = i;
    while (lo - 1 >= 0 && time[lo - 1] === t) lo--;
    for (let j = lo; j <= i; j++) {
      if (!status[j]) {
        longer.add(rank[j]);
        inTree++;
      }
    }
    for (let j = lo; j <= i; j++) {
      if (!status[j]) continue;
      const below = longer.below(rank[j]);
      const upto = longer.below(rank[j] + 1);
      conc[j] += below;
      tied[j] += upto - below;
      disc[j] += inTree - upto;
    }
    for (let j = lo; j <= i; j++) {
      if (status[j]) {
        longer.add(rank[j]);
        inTree++;
      }
    }
    i = lo - 1;
  }
  // Pass 2 (shortest time first): each subject against the events it outlived (events at earlier
  // times, and at its own time when it is censored).
  const events = new Fenwick(size);
  let nEv = 0;
  i = 0;
  while (i < n) {
    const t = time[i];
    let hi = i;
    while (hi + 1 < n && time[hi + 1] === t) hi++;
    const credit = (j: number): void => {
      const below = events.below(rank[j]);
      const upto = events.below(rank[j] + 1);
      conc[j] += nEv - upto; // the event had the higher risk
      tied[j] += upto - below;
      disc[j] += below;
    };
    for (let j = i; j <= hi; j++) if (status[j]) credit(j);
    for (let j = i; j <= hi; j++) {
      if (status[j]) {
        events.add(rank[j]);
        nEv++;
      }
    }
    for (let j = i; j <= hi; j++) if (!status[j]) credit(j);
    i = hi + 1;
  }
  let C = 0;
  let D = 0;
  let T = 0;
  // Totals: every comparable pair appears once on its event's side in pass 1 and once on the other side
  // in pass 2, so the grand totals are half the sums.
  for (let j = 0; j < n; j++) {
    C += conc[j];
    D += disc[j];
    T += tied[j];
  }
  C /= 2;
  D /= 2;
  T /= 2;
  const npair = C + D + T;
  const somer = (C - D) / npair;
  let v = 0;
  for (let j = 0; j < n; j++) {
    const dfb = (conc[j] - disc[j]) / npair - (somer / npair) * (conc[j] + disc[j] + tied[j]);
    v += dfb * dfb;
  }
  return { c: (somer + 1) / 2, se: Math.sqrt(v / 4), concordant: C, discordant: D, tiedRisk: T };
}
