/** The four zones of the importance-performance grid. */
export const ZONES = ['concentrate', 'keep', 'overkill', 'low'] as const;
export type Zone = (typeof ZONES)[number];

export interface Crosshair {
  performance: number;
  importance: number;
}

/**
 * High = value ≥ crosshair: a value exactly on a line counts as high (as the golden reference and
 * base R do). keep = high/high, concentrate = high importance/low performance, overkill = low
 * importance/high performance, low = low/low.
 */
export function zoneOf(importance: number, performance: number, c: Crosshair): Zone {
  const hiImp = importance >= c.importance;
  const hiPerf = performance >= c.performance;
  if (hiImp) return hiPerf ? 'keep' : 'concentrate';
  return hiPerf ? 'overkill' : 'low';
}

/** Priority order: concentrate first (act here), then keep, overkill, low; within a zone importance desc. */
export function byPriority<T extends { zone: Zone | null; importance: number | null }>(rows: readonly T[]): T[] {
  const rank = (z: Zone | null) => (z === null ? ZONES.length : ZONES.indexOf(z));
  return [...rows].sort((a, b) => rank(a.zone) - rank(b.zone) || (b.importance ?? -Infinity) - (a.importance ?? -Infinity));
}
