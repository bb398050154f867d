/**
 * Driver labels beside their points without overlapping each other or other points. Greedy: points
 * are placed in the given order (most important first, so those get their preferred spot); each label
 * tries right, left, top, bottom and the diagonals and takes the spot with the least overlap and
 * without leaving the plot. ECharts' own labelLayout only shifts or hides labels after the fact.
 */
export type LabelSide = 'right' | 'left' | 'top' | 'bottom' | 'topRight' | 'topLeft' | 'bottomRight' | 'bottomLeft';

export interface LabelPoint {
  /** Pixel position of the point. */
  x: number;
  y: number;
  text: string;
  /** Half-extent of what is drawn at the point (marker, error bars) when larger than the marker. */
  rx?: number;
  ry?: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Cost of a crosshair line through a label, per pixel of the label's extent across it. */
const LINE_COST = 8;

const SIDES: LabelSide[] = ['right', 'left', 'top', 'bottom', 'topRight', 'bottomRight', 'topLeft', 'bottomLeft'];

/** Approximate rendered width: CJK and fullwidth characters are about 1 em, others about 0.58 em. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? fontSize : 0.58 * fontSize;
  return w;
}

/** The label box for a side; `gap` = marker radius + distance. */
export function labelRect(p: LabelPoint, side: LabelSide, w: number, h: number, gap: number): Rect {
  const d = gap * Math.SQRT1_2;
  const gx = Math.max(gap, (p.rx ?? 0) + 4);
  const gy = Math.max(gap, (p.ry ?? 0) + 4);
  switch (side) {
    case 'right': return { x: p.x + gx, y: p.y - h / 2, w, h };
    case 'left': return { x: p.x - gx - w, y: p.y - h / 2, w, h };
    case 'top': return { x: p.x - w / 2, y: p.y - gy - h, w, h };
    case 'bottom': return { x: p.x - w / 2, y: p.y + gy, w, h };
    case 'topRight': return { x: p.x + d, y: p.y - d - h, w, h };
    case 'bottomRight': return { x: p.x + d, y: p.y + d, w, h };
    case 'topLeft': return { x: p.x - d - w, y: p.y - d - h, w, h };
    case 'bottomLeft': return { x: p.x - d - w, y: p.y + d, w, h };
  }
}

export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * `lines`: the crosshair's pixel positions (a vertical line at each x, a horizontal one at each y): a
 * label across a line is hard to read (issue 16: "On-board Service" crossed on screen and in the deck),
 * so crossing one costs as much as covering a strip of the plot beside it.
 */
export function placeLabels(points: readonly LabelPoint[], bounds: Rect, opts: { fontSize: number; markerRadius: number; lines?: { x?: number[]; y?: number[] } }): { side: LabelSide; rect: Rect }[] {
  const h = Math.round(opts.fontSize * 1.3);
  const gap = opts.markerRadius + 4;
  const r = opts.markerRadius;
  const markers = points.map((p) => {
    const rx = Math.max(r, p.rx ?? 0);
    const ry = Math.max(r, p.ry ?? 0);
    return { x: p.x - rx, y: p.y - ry, w: 2 * rx, h: 2 * ry };
  });
  const placed: Rect[] = [];
  return points.map((p, i) => {
    const w = textWidth(p.text, opts.fontSize);
    let best: { side: LabelSide; rect: Rect; cost: number } | null = null;
    SIDES.forEach((side, rank) => {
      const rect = labelRect(p, side, w, h, gap);
      let cost = rank * 0.5; // a mild preference for the plain sides
      for (const q of placed) cost += overlap(rect, q);
      markers.forEach((m, j) => {
        if (j !== i) cost += 2 * overlap(rect, m);
      });
      for (const lx of opts.lines?.x ?? []) if (rect.x < lx + 2 && rect.x + rect.w > lx - 2) cost += LINE_COST * rect.h;
      for (const ly of opts.lines?.y ?? []) if (rect.y < ly + 2 && rect.y + rect.h > ly - 2) cost += LINE_COST * rect.w;
      const inside = overlap(rect, bounds);
      cost += 4 * (rect.w * rect.h - inside);
      if (!best || cost < best.cost) best = { side, rect, cost };
    });
    placed.push(best!.rect);
    return { side: best!.side, rect: best!.rect };
  });
}
