/**
 * Scroll geometry for row counts whose full height exceeds what a browser can lay out
 * (Chromium caps element heights near 33.5M px, Firefox near 17.9M px: 10M rows × 22 px is 220M).
 * The scrollbar then spans at most MAX_SCROLL_PX and scroll positions map linearly onto the
 * "virtual" offset of the full list, first row to last.
 */
export const MAX_SCROLL_PX = 15_000_000;

export interface ScrollModel {
  /** Height of all rows at full size. */
  virtualPx: number;
  /** Height of the scrollable spacer actually laid out. */
  scrollPx: number;
  /** Virtual pixels per scrolled pixel (1 when nothing is scaled). */
  ratio: number;
  viewportPx: number;
}

export function scrollModel(rows: number, rowPx: number, viewportPx: number, maxPx = MAX_SCROLL_PX): ScrollModel {
  const virtualPx = Math.max(0, rows) * rowPx;
  const scrollPx = Math.min(virtualPx, maxPx);
  const ratio = virtualPx > scrollPx && scrollPx > viewportPx ? (virtualPx - viewportPx) / (scrollPx - viewportPx) : 1;
  return { virtualPx, scrollPx, ratio, viewportPx };
}

function maxVirtualTop(m: ScrollModel): number {
  return Math.max(0, m.virtualPx - m.viewportPx);
}

export function toVirtual(m: ScrollModel, scrollTop: number): number {
  return clamp(scrollTop * m.ratio, 0, maxVirtualTop(m));
}

export function toScroll(m: ScrollModel, virtualTop: number): number {
  return clamp(virtualTop, 0, maxVirtualTop(m)) / m.ratio;
}

export interface RowRange {
  first: number;
  /** Inclusive. -1 when there are no rows. */
  last: number;
  /** Where the first row's top edge sits relative to the viewport top (≤ 0). */
  offsetPx: number;
}

export function visibleRows(m: ScrollModel, virtualTop: number, rowPx: number, rows: number, overscan = 0): RowRange {
  if (rows <= 0) return { first: 0, last: -1, offsetPx: 0 };
  const top = clamp(virtualTop, 0, maxVirtualTop(m));
  const first = Math.max(0, Math.floor(top / rowPx) - overscan);
  const last = Math.min(rows - 1, Math.ceil((top + m.viewportPx) / rowPx) - 1 + overscan);
  return { first, last, offsetPx: first * rowPx - top };
}

/** Virtual top that brings `row` fully into view, or the current one when it already is. */
export function scrollRowIntoView(m: ScrollModel, virtualTop: number, row: number, rowPx: number): number {
  const top = row * rowPx;
  if (top < virtualTop) return top;
  if (top + rowPx > virtualTop + m.viewportPx) return top + rowPx - m.viewportPx;
  return virtualTop;
}

/** Left edges of columns (prefix sums); the last entry is the total width. */
export function columnOffsets(widths: number[]): number[] {
  const out = [0];
  for (const w of widths) out.push(out[out.length - 1] + w);
  return out;
}

/** Indices [first, last] of columns intersecting [left, left + width). */
export function visibleColumns(offsets: number[], left: number, width: number): { first: number; last: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { first: 0, last: -1 };
  let first = upperBound(offsets, left) - 1;
  first = clamp(first, 0, n - 1);
  let last = first;
  while (last < n - 1 && offsets[last + 1] < left + width) last++;
  return { first, last };
}

/** First index i with a[i] > x. */
function upperBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
