import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../shared/import/columnProfile';
import { BAR_PX, histogramBars, MIN_BAR, shareSegments, shownDistinct, stripKind } from '../../renderer/editors/grid/stripGeometry';
import { profileKey } from '../../renderer/editors/grid/useColumnProfile';

const base: ColumnProfile = { name: 'c', type: 'VARCHAR', rows: 100, nulls: 0, distinct: 3, distinctExact: false, min: null, max: null, top: [], histogram: [] };
const bins = (counts: number[]) => counts.map((count, i) => ({ from: i * 10, to: (i + 1) * 10, count }));

describe('grid header profile strip', () => {
  it('draws a histogram for binned columns, a share bar for the rest', () => {
    expect(stripKind({ ...base, histogram: bins([1]) })).toBe('histogram');
    expect(stripKind({ ...base, top: [{ value: 'x', count: 1 }] })).toBe('share');
    expect(stripKind(base)).toBe('empty');
  });

  it('keeps every bin when the strip is wide enough, heights relative to the peak', () => {
    const bars = histogramBars(bins([10, 5, 0, 1]), 4 * BAR_PX);
    expect(bars.map((b) => b.count)).toEqual([10, 5, 0, 1]);
    expect(bars.map((b) => b.height)).toEqual([1, 0.5, 0, 0.1]);
  });

  it('merges adjacent bins in a narrow column and keeps their range', () => {
    const bars = histogramBars(bins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]), 10 * BAR_PX);
    expect(bars).toHaveLength(8); // groups of 3
    expect(bars[0]).toMatchObject({ from: 0, to: 30, count: 6 });
    expect(bars[7]).toMatchObject({ from: 210, to: 240, count: 69, height: 1 });
    expect(histogramBars(bins([1, 2]), 0)).toHaveLength(1);
    expect(histogramBars([], 100)).toEqual([]);
  });

  it('never draws a non-empty bin flatter than MIN_BAR (a lone outlier still shows)', () => {
    const bars = histogramBars(bins([10_000, 0, 1]), 100);
    expect(bars[2].height).toBe(MIN_BAR);
    expect(bars[1].height).toBe(0);
  });

  it('lays out the top values, then other values, then NULLs, as shares of all rows', () => {
    const segs = shareSegments({ ...base, rows: 200, nulls: 20, top: [{ value: 'a', count: 100 }, { value: 'b', count: 50 }] });
    expect(segs.map((s) => [s.kind, s.value, s.count])).toEqual([
      ['value', 'a', 100],
      ['value', 'b', 50],
      ['other', null, 30],
      ['null', null, 20],
    ]);
    expect(segs.map((s) => s.start)).toEqual([0, 0.5, 0.75, 0.9]);
    expect(segs.reduce((t, s) => t + s.share, 0)).toBeCloseTo(1);
  });

  it('leaves out empty segments and empty tables', () => {
    expect(shareSegments({ ...base, top: [{ value: true, count: 100 }] }).map((s) => s.kind)).toEqual(['value']);
    expect(shareSegments({ ...base, nulls: 100 }).map((s) => s.kind)).toEqual(['null']);
    expect(shareSegments({ ...base, rows: 0 })).toEqual([]);
  });

  it('caps the approximate distinct count at the non-NULL rows', () => {
    expect(shownDistinct({ ...base, rows: 7043, nulls: 0, distinct: 7112 }, 5)).toBe(7043);
    expect(shownDistinct({ ...base, rows: 7043, nulls: 11, distinct: 6530 }, 5)).toBe(6530);
    expect(shownDistinct({ ...base, rows: 5, nulls: 5, distinct: 0 }, 5)).toBe(0);
  });

  it('counts exactly when the top-values list is complete (the estimate misses on tiny sets)', () => {
    const top = ['Month-to-month', 'Two year', 'One year'].map((value, i) => ({ value, count: 100 - i }));
    expect(shownDistinct({ ...base, rows: 7043, distinct: 2, top }, 5)).toBe(3);
    // A full list only bounds it from below.
    expect(shownDistinct({ ...base, rows: 7043, distinct: 2, top }, 3)).toBe(3);
    expect(shownDistinct({ ...base, rows: 7043, distinct: 40, top }, 3)).toBe(40);
    // An exact count (tables up to a million rows) is shown as it is.
    expect(shownDistinct({ ...base, rows: 7043, distinct: 3, distinctExact: true, top: top.slice(0, 1) }, 1)).toBe(3);
  });

  it('keys the shared cache by table, column and row count (a reloaded table is profiled afresh)', () => {
    expect(profileKey('t', 'c', 10)).not.toBe(profileKey('t', 'c', 11));
    expect(profileKey('t', 'c', 10)).not.toBe(profileKey('u', 'c', 10));
    expect(profileKey('a\u0000b', 'c', 1)).toBe(profileKey('a\u0000b', 'c', 1));
  });
});
