import type { GroupResult } from './result';
import type { Zone } from './zones';

/** Pure helpers of the quadrant chart: axis ranges, grid boxes, zone rectangles, label styles. */

export interface AxisRange {
  min: number;
  max: number;
  step: number;
}

/** Round bounds with about 5 ticks, covering every value given. */
export function niceRange(values: number[]): AxisRange {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 0.2 };
  if (hi - lo < 1e-9) {
    lo -= 0.5;
    hi += 0.5;
  }
  const pad = (hi - lo) * 0.08;
  lo -= pad;
  hi += pad;
  const raw = (hi - lo) / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const round = (v: number) => Number(v.toPrecision(12));
  return { min: round(Math.floor(lo / step) * step), max: round(Math.ceil(hi / step) * step), step: round(step) };
}

/** Every performance / importance value the axes must show (points, intervals, crosshairs). */
export function axisValues(groups: GroupResult[]): { performance: number[]; importance: number[] } {
  const perf: number[] = [];
  const imp: number[] = [];
  for (const g of groups) {
    if (g.crosshair) {
      perf.push(g.crosshair.performance);
      imp.push(g.crosshair.importance);
    }
    for (const d of g.drivers) {
      if (d.performance === null || d.importance === null) continue;
      perf.push(d.performance, ...(d.bootstrap?.performanceCI ?? d.performanceCI ?? []));
      imp.push(d.importance, ...(d.bootstrap?.importanceCI ?? []));
    }
  }
  return { performance: perf, importance: imp };
}

/** Grid boxes (percent of the chart) for n small multiples, plus columns and rows. */
export function gridBoxes(n: number): { cols: number; rows: number; boxes: { left: number; top: number; width: number; height: number }[] } {
  const cols = n <= 3 ? n : Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const area = { left: n > 1 ? 7 : 8, right: 3, top: n > 1 ? 17 : 15, bottom: 10 };
  const gapX = 3;
  const gapY = n > 1 ? 9 : 0;
  const width = (100 - area.left - area.right - gapX * (cols - 1)) / cols;
  const height = (100 - area.top - area.bottom - gapY * (rows - 1)) / rows;
  const boxes = Array.from({ length: n }, (_, i) => ({
    left: area.left + (i % cols) * (width + gapX),
    top: area.top + Math.floor(i / cols) * (height + gapY),
    width,
    height,
  }));
  return { cols, rows, boxes };
}

/** Which side of each crosshair a zone lies on. */
const HIGH: Record<Zone, { importance: boolean; performance: boolean }> = {
  keep: { importance: true, performance: true },
  concentrate: { importance: true, performance: false },
  overkill: { importance: false, performance: true },
  low: { importance: false, performance: false },
};

export function zoneSides(zone: Zone, performanceOnX: boolean): { xHigh: boolean; yHigh: boolean } {
  const h = HIGH[zone];
  return performanceOnX ? { xHigh: h.performance, yHigh: h.importance } : { xHigh: h.importance, yHigh: h.performance };
}

/** A translucent rgba() fill as an opaque rgb() colour for text and markers. */
export function solid(color: string): string {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  return m ? `rgb(${m[1]}, ${m[2]}, ${m[3]})` : color;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function fmt(v: number | null | undefined, digits: number): string {
  return v === null || v === undefined ? '–' : v.toFixed(digits);
}
