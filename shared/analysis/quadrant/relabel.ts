import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import { overlap, textWidth, type Rect } from './labelPlacement';
import type { ChartTheme } from '../../charts/theme';

/**
 * Second pass over the quadrant chart's driver labels, at the size the chart is drawn. The chart
 * function's placement avoids overlaps but not ambiguity: in a tight cluster a label can end up nearer
 * a neighbour's point than its own (e.g. "Leg room service" above "Cleanliness"). Here every label
 * must be clearly nearest its own point, may move further out when the cluster is full, keeps clear of
 * the zone names and the crosshair lines, and gets a leader line when it is not right beside its point.
 */

export type Segment = [number, number, number, number];

const DIRS: [number, number][] = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
const PUSH = [0, 12, 26, 44];

interface Pt {
  x: number;
  y: number;
  /** Half-extent of marker and error bars. */
  rx: number;
  ry: number;
  /** Label width. */
  w: number;
}

/** Distance from (x, y) to the nearest point of a rectangle (0 inside). */
export function rectDistance(r: Rect, x: number, y: number): number {
  const dx = Math.max(r.x - x, 0, x - (r.x + r.w));
  const dy = Math.max(r.y - y, 0, y - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/** Gap between two rectangles (0 when they touch or overlap). */
export function rectGap(a: Rect, b: Rect): number {
  const dx = Math.max(b.x - (a.x + a.w), 0, a.x - (b.x + b.w));
  const dy = Math.max(b.y - (a.y + a.h), 0, a.y - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/** The label box for a direction and an extra push outwards, beyond the marker and its error bars. */
function candidate(p: Pt, [dx, dy]: [number, number], push: number, h: number, gap: number): Rect {
  const ox = dx === 0 ? 0 : p.rx + gap + push;
  const oy = dy === 0 ? 0 : p.ry + gap + push;
  const x = dx > 0 ? p.x + ox : dx < 0 ? p.x - ox - p.w : p.x - p.w / 2;
  const y = dy > 0 ? p.y + oy : dy < 0 ? p.y - oy - h : p.y - h / 2;
  return { x, y, w: p.w, h };
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const l2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const k = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / l2));
  return Math.hypot(x - (ax + k * (bx - ax)), y - (ay + k * (by - ay)));
}

/** Nearest point of a rectangle to (x, y). */
function nearest(r: Rect, x: number, y: number): [number, number] {
  return [Math.min(Math.max(x, r.x), r.x + r.w), Math.min(Math.max(y, r.y), r.y + r.h)];
}

/** Cost of a crosshair line through a label (as much as a leader line about 200 px long). */
const LINE_COST = 170;

/** Beyond this gap between label and marker (or error bar) the label gets a leader line. */
const BESIDE = 8;

/**
 * Greedy placement (points in the given order): least cost over 8 directions × 4 distances. Cost:
 * overlap with placed labels, markers and obstacles; leaving the plot; straddling a crosshair. A label
 * right beside its point must not be as near another point (it would name the wrong driver); a label
 * further out gets a leader line, which must not run over another marker, and pays for its length.
 */
export function placeClear(points: Pt[], bounds: Rect, obstacles: Rect[], lines: { x?: number; y?: number }[], fontSize: number): Rect[] {
  const h = Math.round(fontSize * 1.3);
  const gap = 5;
  const markers = points.map((p) => ({ x: p.x - p.rx, y: p.y - p.ry, w: 2 * p.rx, h: 2 * p.ry }));
  const placed: Rect[] = [];
  const leaders: [number, number, number, number][] = [];
  // A segment meets a box: sampled every few pixels (labels are small, lines short).
  const crosses = (r: Rect, [ax, ay, bx, by]: [number, number, number, number]) => {
    const n = Math.max(2, Math.ceil(Math.hypot(bx - ax, by - ay) / 3));
    for (let k = 0; k <= n; k++) {
      const x = ax + ((bx - ax) * k) / n;
      const y = ay + ((by - ay) * k) / n;
      if (x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h) return true;
    }
    return false;
  };
  return points.map((p, i) => {
    let best: { rect: Rect; cost: number; leader: [number, number, number, number] | null } | null = null;
    PUSH.forEach((push) => {
      DIRS.forEach((dir, di) => {
        const rect = candidate(p, dir, push, h, gap);
        // Plain sides first; a diagonal only when the sides are taken.
        let cost = di < 4 ? di * 0.5 : 4 + (di - 4) * 0.5;
        for (const q of placed) cost += 3 * overlap(rect, q);
        for (const o of obstacles) cost += 3 * overlap(rect, o);
        markers.forEach((m, j) => {
          if (j !== i) cost += 3 * overlap(rect, m);
        });
        cost += 6 * (rect.w * rect.h - overlap(rect, bounds));
        for (const l of lines) {
          // Issue 16: a label crossed by the crosshair reads badly on screen and on a slide; worth a
          // push outward or a leader line.
          if ((l.x !== undefined && rect.x < l.x && l.x < rect.x + rect.w) || (l.y !== undefined && rect.y < l.y && l.y < rect.y + rect.h)) cost += LINE_COST;
        }
        for (const seg of leaders) if (crosses(rect, seg)) cost += 60;
        const own = rectGap(rect, markers[i]);
        let leader: [number, number, number, number] | null = null;
        if (own <= BESIDE) {
          points.forEach((q, j) => {
            if (j === i) return;
            const other = Math.max(0, rectDistance(rect, q.x, q.y) - Math.min(q.rx, q.ry));
            if (other < own + 6) cost += 200 + 20 * (own + 6 - other);
          });
        } else {
          const [ex, ey] = nearest(rect, p.x, p.y);
          leader = [p.x, p.y, ex, ey];
          cost += 10 + 0.8 * Math.hypot(ex - p.x, ey - p.y);
          for (const q of placed) if (crosses(q, leader)) cost += 60;
          points.forEach((q, j) => {
            if (j === i) return;
            if (segmentDistance(q.x, q.y, p.x, p.y, ex, ey) < Math.min(q.rx, q.ry) + 3) cost += 150;
            // The label's own point is named by the line; another point right at the label still misleads.
            if (rectDistance(rect, q.x, q.y) - Math.min(q.rx, q.ry) < 8) cost += 150;
          });
        }
        if (!best || cost < best.cost) best = { rect, cost, leader };
      });
    });
    placed.push(best!.rect);
    if (best!.leader) leaders.push(best!.leader);
    return best!.rect;
  });
}

/** A leader line (relative to the point) when the label is not right beside its marker or error bar, else null. */
export function leaderSegment(rect: Rect, p: { x: number; y: number; rx: number; ry: number }, markerRadius: number): Segment | null {
  if (rectGap(rect, { x: p.x - p.rx, y: p.y - p.ry, w: 2 * p.rx, h: 2 * p.ry }) <= BESIDE) return null;
  const [nx, ny] = nearest(rect, p.x, p.y);
  const qx = nx - p.x;
  const qy = ny - p.y;
  const len = Math.hypot(qx, qy);
  const start = markerRadius + 1;
  const end = len - 2;
  return [(qx / len) * start, (qy / len) * start, (qx / len) * end, (qy / len) * end];
}

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const pct = (v: unknown, total: number) => (parseFloat(String(v)) / 100) * total;

/**
 * Re-place the labels of every scatter series of a quadrant option laid out at width × height, and
 * add leader lines. `importanceOnX` gives the placement order (most important first).
 */
export function relabel(option: EChartsOption, size: { width: number; height: number }, theme: ChartTheme, importanceOnX: boolean): EChartsOption {
  const series = [...((option.series as Any[] | undefined) ?? [])];
  const grids = option.grid as Any[];
  const xAxes = option.xAxis as Any[];
  const yAxes = option.yAxis as Any[];
  const extra: Any[] = [];
  series.forEach((s, si) => {
    if (s.type !== 'scatter' || !Array.isArray(s.data) || !s.data.length) return;
    const gi = s.xAxisIndex ?? 0;
    const g = grids[gi];
    const box = { x: pct(g.left, size.width), y: pct(g.top, size.height), w: pct(g.width, size.width), h: pct(g.height, size.height) };
    const xa = xAxes[gi];
    const ya = yAxes[gi];
    const px = (x: number) => box.x + ((x - xa.min) / (xa.max - xa.min)) * box.w;
    const py = (y: number) => box.y + (1 - (y - ya.min) / (ya.max - ya.min)) * box.h;
    const r = (s.symbolSize ?? 12) / 2;
    const fontSize = s.data[0].label?.fontSize ?? 12;
    // Error bars of the same grid: [x, y, xLo, xHi, yLo, yHi] in data units.
    const bars = series.find((b) => b.type === 'custom' && (b.xAxisIndex ?? 0) === gi)?.data as number[][] | undefined;
    const pts: Pt[] = s.data.map((d: Any, k: number) => {
      const [vx, vy] = d.value as [number, number];
      const b = bars?.[k];
      const ext = (lo: number, hi: number, c: number, f: (v: number) => number) => (Number.isFinite(lo) && Number.isFinite(hi) ? Math.max(Math.abs(f(lo) - f(c)), Math.abs(f(hi) - f(c))) : 0);
      return {
        x: px(vx),
        y: py(vy),
        rx: Math.max(r, b ? ext(b[2], b[3], vx, px) : 0),
        ry: Math.max(r, b ? ext(b[4], b[5], vy, py) : 0),
        w: textWidth(String(d.label?.formatter ?? d.name ?? ''), fontSize),
      };
    });
    // Zone names sit in the four inner corners of the plot.
    const zoneH = Math.round((fontSize + 1) * 1.3) + 8;
    const zones = ((s.markArea?.data ?? []) as Any[][]).map((pair) => textWidth(String(pair[0]?.name ?? ''), fontSize + 1) + 12);
    const corners: Rect[] = zones.length === 4 ? [{ x: box.x, y: box.y, w: Math.max(...zones), h: zoneH }, { x: box.x + box.w - Math.max(...zones), y: box.y, w: Math.max(...zones), h: zoneH }, { x: box.x, y: box.y + box.h - zoneH, w: Math.max(...zones), h: zoneH }, { x: box.x + box.w - Math.max(...zones), y: box.y + box.h - zoneH, w: Math.max(...zones), h: zoneH }] : [];
    const lines = ((s.markLine?.data ?? []) as Any[]).map((l) => (l.xAxis !== undefined ? { x: px(l.xAxis) } : { y: py(l.yAxis) }));
    const order = pts.map((_, k) => k).sort((a, b) => (importanceOnX ? s.data[b].value[0] - s.data[a].value[0] : s.data[b].value[1] - s.data[a].value[1]));
    const rects = placeClear(order.map((k) => pts[k]), box, corners, lines, fontSize);
    const leaders: number[][] = [];
    const data = s.data.map((d: Any) => ({ ...d }));
    order.forEach((k, n) => {
      const rect = rects[n];
      const p = pts[k];
      // ECharts places an array position relative to the symbol's box (top-left). The text is anchored
      // at the end nearest its point, so an estimated width that is off only moves the far end.
      const align = rect.x + rect.w <= p.x ? 'right' : rect.x >= p.x ? 'left' : 'center';
      const ax = align === 'right' ? rect.x + rect.w : align === 'left' ? rect.x : rect.x + rect.w / 2;
      data[k] = { ...data[k], label: { ...data[k].label, align, position: [ax - (p.x - r), rect.y - (p.y - r)] } };
      const seg = leaderSegment(rect, p, r);
      if (seg) leaders.push([...(data[k].value as number[]), ...seg]);
    });
    series[si] = { ...s, data };
    if (leaders.length) extra.push(leaderSeries(leaders, gi, theme));
  });
  return { ...option, series: [...series, ...extra] as EChartsOption['series'] };
}

function leaderSeries(data: number[][], gi: number, theme: ChartTheme): Any {
  const renderItem: CustomSeriesRenderItem = (_params, api) => {
    const v = (k: number) => Number(api.value(k));
    const [x, y] = api.coord([v(0), v(1)]);
    return { type: 'line', shape: { x1: x + v(2), y1: y + v(3), x2: x + v(4), y2: y + v(5) }, style: { stroke: theme.mutedText, lineWidth: 1 } };
  };
  return { type: 'custom', xAxisIndex: gi, yAxisIndex: gi, data, renderItem, silent: true, tooltip: { show: false }, z: 2, encode: { x: 0, y: 1 } };
}
