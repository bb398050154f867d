import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnOffsets, MAX_SCROLL_PX, scrollModel, scrollRowIntoView, toScroll, toVirtual, visibleColumns, visibleRows } from '../../renderer/editors/grid/scrollScale';
import { moveFocus, selectionRect } from '../../renderer/editors/grid/selection';

describe('grid scroll scaling', () => {
  it('is the identity for small lists', () => {
    const m = scrollModel(1000, 22, 440);
    expect(m).toMatchObject({ virtualPx: 22000, scrollPx: 22000, ratio: 1 });
    expect(visibleRows(m, 220, 22, 1000)).toEqual({ first: 10, last: 29, offsetPx: 0 });
  });

  it('scales 10M rows into the browser limit and reaches the very last row', () => {
    const rows = 10_000_000;
    const m = scrollModel(rows, 22, 440);
    expect(m.scrollPx).toBe(MAX_SCROLL_PX);
    expect(m.ratio).toBeGreaterThan(14);
    const bottom = toVirtual(m, m.scrollPx - m.viewportPx);
    const r = visibleRows(m, bottom, 22, rows);
    expect(r.last).toBe(rows - 1);
    expect(r.offsetPx + (r.last - r.first + 1) * 22).toBeCloseTo(440, 6);
    expect(visibleRows(m, toVirtual(m, 0), 22, rows).first).toBe(0);
  });

  it('maps scroll ↔ virtual positions monotonically and invertibly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 50, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true }), (rows, vp, f) => {
      const m = scrollModel(rows, 22, vp);
      const s = f * Math.max(0, m.scrollPx - vp);
      const v = toVirtual(m, s);
      expect(Math.abs(toScroll(m, v) - s)).toBeLessThan(1e-6 * Math.max(1, s));
      expect(toVirtual(m, s + 1)).toBeGreaterThanOrEqual(v);
      expect(m.scrollPx).toBeLessThanOrEqual(MAX_SCROLL_PX);
    }));
  });

  it('scrolls a row into view only when needed', () => {
    const m = scrollModel(1000, 20, 200);
    expect(scrollRowIntoView(m, 100, 6, 20)).toBe(100);
    expect(scrollRowIntoView(m, 100, 2, 20)).toBe(40);
    expect(scrollRowIntoView(m, 100, 20, 20)).toBe(220);
  });

  it('finds visible columns by their offsets', () => {
    const offs = columnOffsets([100, 50, 200, 80]);
    expect(offs).toEqual([0, 100, 150, 350, 430]);
    expect(visibleColumns(offs, 0, 120)).toEqual({ first: 0, last: 1 });
    expect(visibleColumns(offs, 140, 20)).toEqual({ first: 1, last: 2 });
    expect(visibleColumns(offs, 400, 500)).toEqual({ first: 3, last: 3 });
    expect(visibleColumns([0], 0, 100)).toEqual({ first: 0, last: -1 });
  });
});

describe('grid selection', () => {
  const base = { anchor: { row: 5, col: 1 }, focus: { row: 5, col: 1 } };
  it('moves, extends and clamps', () => {
    const o = { rows: 10, cols: 3, page: 4, extend: false, toEdge: false };
    expect(moveFocus(base, 'ArrowDown', o).focus).toEqual({ row: 6, col: 1 });
    expect(moveFocus(base, 'PageDown', o).focus).toEqual({ row: 9, col: 1 });
    expect(moveFocus(base, 'ArrowUp', { ...o, toEdge: true }).focus).toEqual({ row: 0, col: 1 });
    const ext = moveFocus(base, 'ArrowRight', { ...o, extend: true });
    expect(selectionRect(ext)).toEqual({ r0: 5, r1: 5, c0: 1, c1: 2 });
    expect(moveFocus(base, 'x', o)).toBe(base);
  });
});
