import type { ColumnProfile } from '../../../shared/import/columnProfile';

/** Which picture a header strip draws for a profile. */
export type StripKind = 'histogram' | 'share' | 'empty';

export interface StripBar {
  from: number;
  to: number;
  count: number;
  /** Bar height as a fraction of the strip (0 only for empty bins). */
  height: number;
}

export interface StripSegment {
  /** A top value, or null for the "other values" and NULL segments (see `kind`). */
  value: unknown;
  kind: 'value' | 'other' | 'null';
  count: number;
  /** Fraction of all rows, NULLs included. */
  share: number;
  /** Left edge as a fraction of the strip. */
  start: number;
}

/** Non-empty bins are never drawn flatter than this, so a lone outlier still shows. */
export const MIN_BAR = 0.08;
/** Pixels per bar below which adjacent bins are merged. */
export const BAR_PX = 4;

export function stripKind(p: ColumnProfile): StripKind {
  if (p.histogram.length > 0) return 'histogram';
  if (p.top.length > 0) return 'share';
  return 'empty';
}

/** The histogram fitted to `widthPx`: adjacent bins merged until each bar gets about BAR_PX. */
export function histogramBars(hist: ColumnProfile['histogram'], widthPx: number): StripBar[] {
  if (hist.length === 0) return [];
  const fit = Math.max(1, Math.floor(widthPx / BAR_PX));
  const group = Math.ceil(hist.length / fit);
  const merged: Omit<StripBar, 'height'>[] = [];
  for (let i = 0; i < hist.length; i += group) {
    const part = hist.slice(i, i + group);
    merged.push({ from: part[0].from, to: part[part.length - 1].to, count: part.reduce((s, b) => s + b.count, 0) });
  }
  const peak = Math.max(...merged.map((b) => b.count));
  return merged.map((b) => ({ ...b, height: b.count === 0 || peak === 0 ? 0 : Math.max(MIN_BAR, b.count / peak) }));
}

/** The most frequent values as shares of all rows, then the remaining values, then NULLs. */
export function shareSegments(p: ColumnProfile): StripSegment[] {
  if (p.rows <= 0) return [];
  const out: StripSegment[] = [];
  let start = 0;
  const push = (value: unknown, kind: StripSegment['kind'], count: number) => {
    if (count <= 0) return;
    const share = count / p.rows;
    out.push({ value, kind, count, share, start });
    start += share;
  };
  for (const t of p.top) push(t.value, 'value', t.count);
  push(null, 'other', p.rows - p.nulls - p.top.reduce((s, t) => s + t.count, 0));
  push(null, 'null', p.nulls);
  return out;
}

/**
 * The distinct count to show. approx_count_distinct is off for tiny sets (3 contract types can
 * come back as 2) and can overshoot: a top-values list shorter than its limit names every value,
 * so it is exact then; otherwise the estimate is clamped between that list and the non-NULL rows.
 */
export function shownDistinct(p: ColumnProfile, topLimit: number): number {
  if (p.distinctExact) return p.distinct;
  if (p.top.length > 0 && p.top.length < topLimit) return p.top.length;
  return Math.max(0, p.top.length, Math.min(p.distinct, p.rows - p.nulls));
}

/** The label drawn inside the leading share segment, when it has room for a few characters. */
export const SEGMENT_LABEL_PX = 44;
