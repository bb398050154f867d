/** A rectangular cell selection: anchor (where it started) and focus (the moving corner). */
export interface Cell {
  row: number;
  col: number;
}

export interface Selection {
  anchor: Cell;
  focus: Cell;
}

export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export function selectionRect(s: Selection): Rect {
  return {
    r0: Math.min(s.anchor.row, s.focus.row),
    r1: Math.max(s.anchor.row, s.focus.row),
    c0: Math.min(s.anchor.col, s.focus.col),
    c1: Math.max(s.anchor.col, s.focus.col),
  };
}

export function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}

/** Keyboard movement; `page` is the number of rows one page key moves. */
export function moveFocus(s: Selection, key: string, opts: { rows: number; cols: number; page: number; extend: boolean; toEdge: boolean }): Selection {
  const { row, col } = s.focus;
  const last = { row: Math.max(0, opts.rows - 1), col: Math.max(0, opts.cols - 1) };
  let next: Cell = { row, col };
  switch (key) {
    case 'ArrowUp': next = { row: opts.toEdge ? 0 : row - 1, col }; break;
    case 'ArrowDown': next = { row: opts.toEdge ? last.row : row + 1, col }; break;
    case 'ArrowLeft': next = { row, col: opts.toEdge ? 0 : col - 1 }; break;
    case 'ArrowRight': next = { row, col: opts.toEdge ? last.col : col + 1 }; break;
    case 'PageUp': next = { row: row - opts.page, col }; break;
    case 'PageDown': next = { row: row + opts.page, col }; break;
    case 'Home': next = opts.toEdge ? { row: 0, col: 0 } : { row, col: 0 }; break;
    case 'End': next = opts.toEdge ? last : { row, col: last.col }; break;
    default: return s;
  }
  next = { row: Math.min(last.row, Math.max(0, next.row)), col: Math.min(last.col, Math.max(0, next.col)) };
  return { anchor: opts.extend ? s.anchor : next, focus: next };
}
