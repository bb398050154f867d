import { describe, expect, it } from 'vitest';
import { quadrantChartOption } from '../../shared/analysis/quadrant/chart';
import type { DriverResult, GroupResult, QuadrantResult } from '../../shared/analysis/quadrant/result';
import { parseQuadrantSpec } from '../../shared/analysis/quadrant/spec';
import { LIGHT_THEME } from '../../shared/charts/theme';
import { defaultForm, missingStep, parseCodes, readForm, toSpecInput, withDriverColumns } from '../../renderer/editors/quadrant/form';
import { headline, priorityRows, priorityTableData } from '../../renderer/editors/quadrant/findings';
import { leaderSegment, placeClear, rectGap, relabel } from '../../shared/analysis/quadrant/relabel';
import type { TableInfo } from '../../renderer/store/types';

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}(${Object.entries(o).map(([k, v]) => `${k}=${String(v)}`).join(',')})` : key);

const table: TableInfo = {
  name: 'survey',
  rows: 100,
  columns: [
    { name: 'wifi', type: 'BIGINT' },
    { name: 'seat', type: 'BIGINT' },
    { name: 'Churned', type: 'VARCHAR' },
  ] as TableInfo['columns'],
};

function driver(label: string, performance: number, importance: number, zone: DriverResult['zone'], extra: Partial<DriverResult> = {}): DriverResult {
  return { column: label, label, n: 100, nImportance: 100, performance, performanceSd: 1, performanceCI: [performance - 0.1, performance + 0.1], importance, zone, marginPerformance: 0, marginImportance: 0, ...extra };
}

function result(drivers: DriverResult[]): QuadrantResult {
  const spec = parseQuadrantSpec({ table: 'survey', drivers: drivers.map((d) => ({ column: d.column })), outcome: { column: 'y' } });
  const overall: GroupResult = { segment: null, rows: 100, crosshair: { performance: 3, importance: 0.25 }, drivers };
  return { spec, method: 'pearson', ciMethod: 't', overall, segments: [], warnings: [], sql: ['SELECT 1'], ms: 1 };
}

describe('quadrant form', () => {
  it('guesses the outcome and inverts a churn outcome', () => {
    const f = defaultForm(table, 'survey');
    expect(f.outcome).toBe('Churned');
    expect(f.invert).toBe(true);
    expect(f.drivers).toEqual([]);
    expect(missingStep(f)).toBe('drivers');
  });

  it('reads "not applicable" codes like the CLI: numbers as numbers', () => {
    expect(parseCodes(' 0, NA ,, 99 ')).toEqual([0, 'NA', 99]);
    expect(parseCodes('')).toEqual([]);
  });

  it('keeps labels and codes of drivers that stay chosen', () => {
    const ds = withDriverColumns([], ['wifi', 'seat']);
    ds[0].label = 'Wi-Fi';
    expect(withDriverColumns(ds, ['seat', 'wifi']).map((d) => d.label)).toEqual(['', 'Wi-Fi']);
  });

  it('builds a spec the analysis accepts', () => {
    const f = { ...defaultForm(table, 'survey'), drivers: [{ column: 'wifi', label: ' Wi-Fi ', missing: '', importanceColumn: null }, { column: 'seat', label: '', missing: '0, 9', importanceColumn: null }], missing: '0', positive: 'Yes', crosshair: 'midpoint' as const, scaleMin: '1', scaleMax: '5', bootstrap: true };
    const spec = parseQuadrantSpec(toSpecInput(f));
    expect(spec.drivers).toEqual([
      { column: 'wifi', label: 'Wi-Fi' },
      { column: 'seat', missing: [0, 9] },
    ]);
    expect(spec.missing).toEqual([0]);
    expect(spec.outcome).toEqual({ column: 'Churned', positive: 'Yes', invert: true });
    expect(spec.crosshair).toEqual({ type: 'midpoint', scale: { min: 1, max: 5 } });
    expect(spec.bootstrap).toEqual({ resamples: 200, seed: 1 });
  });

  it('stated importance needs a column per driver and no outcome', () => {
    const f = { ...defaultForm(table, 'survey'), method: 'stated' as const, drivers: withDriverColumns([], ['wifi']) };
    expect(missingStep(f)).toBe('stated');
    f.drivers[0].importanceColumn = 'seat';
    expect(missingStep(f)).toBeNull();
    expect(toSpecInput(f).outcome).toBeUndefined();
  });

  it('completes old tab data from the defaults', () => {
    const f = readForm({ table: 'survey', drivers: 'x' }, defaultForm(table, 'survey'));
    expect(f.drivers).toEqual([]);
    expect(f.crosshair).toBe('mean');
  });
});

describe('quadrant findings', () => {
  const r = result([driver('seat', 3.5, 0.4, 'keep'), driver('wifi', 2.8, 0.39, 'concentrate'), driver('gate', 2.9, 0.1, 'low'), driver('food', 2.9, 0.5, 'concentrate', { bootstrap: { performanceCI: [2.8, 3.1], importanceCI: [0.4, 0.6], crossesPerformance: true, crossesImportance: false } })]);

  it('sorts concentrate first, then by importance, and flags unstable zones', () => {
    const rows = priorityRows(r.overall);
    expect(rows.map((x) => x.driver.label)).toEqual(['food', 'wifi', 'seat', 'gate']);
    expect(rows.map((x) => x.uncertain)).toEqual([true, false, false, false]);
    expect(rows[0].rank).toBe(1);
  });

  it('names what to improve first', () => {
    expect(headline(r, t)).toBe('quadrant.editor.headline(drivers=food, wifi,count=2)'.replace('food, wifi', 'foodquadrant.editor.listSepwifi'));
    const none = result([driver('seat', 3.5, 0.4, 'keep')]);
    expect(headline(none, t)).toBe('quadrant.editor.headlineKeep(drivers=seat)');
  });

  it('exports raw numbers with the interval as two columns', () => {
    const data = priorityTableData(priorityRows(r.overall), t, true);
    expect(data.columns).toHaveLength(11);
    expect(data.rows[1]).toEqual([2, 'wifi', 'quadrant.zone.concentrate', 100, 2.8, 2.8 - 0.1, 2.9, 0.39, 0, 0, '']);
    expect(data.rows[0][10]).toBe('quadrant.editor.yes');
  });
});

describe('quadrant label pass', () => {
  const pt = (x: number, y: number, w = 40) => ({ x, y, rx: 6, ry: 6, w });

  it('needs no leader line for a label beside its marker', () => {
    expect(leaderSegment({ x: 11, y: -7, w: 50, h: 14 }, pt(0, 0), 6)).toBeNull();
    expect(rectGap({ x: 0, y: 0, w: 10, h: 10 }, { x: 13, y: 14, w: 5, h: 5 })).toBeCloseTo(5);
  });

  it('joins a distant label to its point, starting outside the marker', () => {
    const s = leaderSegment({ x: -40, y: -40, w: 30, h: 14 }, pt(0, 0), 6)!;
    // Nearest corner of the box: (-10, -26).
    expect(Math.hypot(s[0], s[1])).toBeCloseTo(7);
    expect(Math.hypot(s[2], s[3])).toBeCloseTo(Math.hypot(10, 26) - 2);
  });

  it('never leaves a label beside a neighbour instead of its own point', () => {
    // Two points 14 px apart: the first label goes right; the second must not sit nearer the first point.
    const pts = [pt(100, 100), pt(114, 100)];
    const rects = placeClear(pts, { x: 0, y: 0, w: 400, h: 300 }, [], [], 11);
    const near = (r: { x: number; y: number; w: number; h: number }, p: { x: number; y: number }) => Math.hypot(Math.max(r.x - p.x, 0, p.x - r.x - r.w), Math.max(r.y - p.y, 0, p.y - r.y - r.h));
    expect(near(rects[1], pts[1])).toBeLessThan(near(rects[1], pts[0]));
    expect(near(rects[0], pts[0])).toBeLessThan(near(rects[0], pts[1]));
  });

  it('re-places the labels of a dense chart and anchors each at its near end', () => {
    const dense = result([driver('a', 3.0, 0.3, 'keep'), driver('b', 3.02, 0.3, 'keep'), driver('c', 3.04, 0.3, 'keep'), driver('d', 3.01, 0.31, 'keep'), driver('e', 3.03, 0.29, 'keep')]);
    const size = { width: 800, height: 500 };
    const option = quadrantChartOption(dense, t, LIGHT_THEME, size);
    const out = relabel(option, size, LIGHT_THEME, false);
    const scatter = (out.series as { type: string; data: { label: { align: string; position: number[] } }[] }[]).find((s) => s.type === 'scatter')!;
    expect(scatter.data).toHaveLength(5);
    for (const d of scatter.data) {
      expect(['left', 'right', 'center']).toContain(d.label.align);
      expect(d.label.position.every(Number.isFinite)).toBe(true);
    }
  });
});
