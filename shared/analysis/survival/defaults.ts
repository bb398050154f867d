/** Default horizons, restricted-mean time and hazard width, chosen per time unit. */

const BASE: Record<string, { first: number[]; every: number }> = {
  days: { first: [30, 90, 180, 365], every: 365 },
  weeks: { first: [1, 4, 13, 26, 52], every: 52 },
  months: { first: [1, 3, 6, 12], every: 12 },
  quarters: { first: [1, 2, 4], every: 4 },
  years: { first: [1, 2, 3, 5], every: 5 },
};

/** e.g. months, max 72 → 1, 3, 6, 12, 24, 36, 48, 60, 72 (the horizons of the Telco golden). */
export function defaultHorizons(unit: string, maxTime: number): number[] {
  const b = BASE[unit] ?? BASE.months;
  const out = b.first.filter((t) => t <= maxTime);
  const last = b.first[b.first.length - 1];
  for (let t = last + b.every; t <= maxTime; t += b.every) out.push(t);
  return out.length ? out : maxTime > 0 ? [maxTime] : [];
}

const NICE = [1, 2, 3, 4, 6, 7, 12, 14, 24, 30, 36, 48, 60, 90, 120, 180, 365, 730];

/** The smallest round width giving at most 36 intervals. */
export function defaultHazardWidth(maxTime: number): number {
  const want = maxTime / 36;
  return NICE.find((w) => w >= want) ?? Math.ceil(want);
}
