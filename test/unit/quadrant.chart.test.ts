import { describe, expect, it } from 'vitest';
import { quadrantChartOption } from '../../shared/analysis/quadrant/chart';
import { overlap, placeLabels } from '../../shared/analysis/quadrant/labelPlacement';
import { parseQuadrantSpec } from '../../shared/analysis/quadrant/spec';
import type { DriverResult, GroupResult, QuadrantResult } from '../../shared/analysis/quadrant/result';
import { zoneOf } from '../../shared/analysis/quadrant/zones';
import { createI18n } from '../../shared/i18n/i18n';
import { LIGHT_THEME } from '../../shared/charts/theme';

function driver(label: string, performance: number, importance: number, ch: { performance: number; importance: number }): DriverResult {
  return {
    column: label, label, n: 1000, nImportance: 990, performance, performanceSd: 1, performanceCI: [performance - 0.06, performance + 0.06], importance,
    zone: zoneOf(importance, performance, ch), marginPerformance: performance - ch.performance, marginImportance: importance - ch.importance,
  };
}
function result(axes: 'performance-x' | 'importance-x' = 'performance-x', segments = 0): QuadrantResult {
  const ch = { performance: 3.2, importance: 0.25 };
  const group = (segment: string | null): GroupResult => ({
    segment, rows: 1000, crosshair: ch,
    drivers: [driver('Wifi <b>', 2.8, 0.39, ch), driver('Boarding', 3.4, 0.56, ch), driver('Gate', 3.0, 0.0, ch), driver('Baggage', 3.6, 0.24, ch), driver('Service', 3.61, 0.245, ch)],
  });
  const spec = parseQuadrantSpec({ table: 't', drivers: [{ column: 'a' }], outcome: { column: 'y' }, axes });
  return { spec, method: 'pearson', ciMethod: 't', overall: group(null), segments: Array.from({ length: segments }, (_, i) => group(`S${i}`)), warnings: [], sql: [], ms: 0 };
}
type Obj = Record<string, unknown>;
const seriesOf = (o: Obj) => o.series as Obj[];

describe('quadrant chart option', () => {
  it('names the four zones in the current language and draws both crosshair lines', () => {
    for (const [lng, names] of [['en', ['Concentrate here', 'Keep up the good work', 'Possible overkill', 'Low priority']], ['zh-CN', ['重点改进', '继续保持', '过度投入', '次要改进']]] as const) {
      const o = quadrantChartOption(result(), createI18n(lng).t, LIGHT_THEME) as Obj;
      const scatter = seriesOf(o)[0];
      const zones = (scatter.markArea as { data: [{ name: string }, object][] }).data.map((z) => z[0].name);
      expect(zones).toEqual(names);
      expect((scatter.markLine as { data: object[] }).data).toEqual([{ xAxis: 3.2 }, { yAxis: 0.25 }]);
    }
  });

  it('puts performance on x by default and swaps on request; zones follow the axes', () => {
    const a = seriesOf(quadrantChartOption(result(), createI18n('en').t, LIGHT_THEME) as Obj)[0];
    const b = seriesOf(quadrantChartOption(result('importance-x'), createI18n('en').t, LIGHT_THEME) as Obj)[0];
    expect((a.data as { value: number[] }[])[0].value).toEqual([2.8, 0.39]);
    expect((b.data as { value: number[] }[])[0].value).toEqual([0.39, 2.8]);
    // "Concentrate" (high importance, low performance): top-left normally, bottom-right swapped.
    const conc = (s: Obj) => (s.markArea as { data: [{ coord: number[] }, { coord: number[] }][] }).data[0];
    expect(conc(a)[0].coord[0]).toBeLessThan(3.2);
    expect(conc(a)[0].coord[1]).toBe(0.25);
    expect(conc(b)[0].coord[0]).toBe(0.25);
    expect(conc(b)[1].coord[1]).toBe(3.2);
  });

  it('tooltips give n, mean ± 95% CI and importance, with the label HTML-escaped', () => {
    const s = seriesOf(quadrantChartOption(result(), createI18n('en').t, LIGHT_THEME) as Obj)[0];
    const tip = (s.data as { tip: string }[])[0].tip;
    expect(tip).toContain('Wifi &lt;b&gt;');
    expect(tip).toContain('n = 1,000');
    expect(tip).toContain('2.80 ± 0.06');
    expect(tip).toContain('Importance: 0.390');
    expect(tip).toContain('Concentrate here');
  });

  it('segments become small multiples on shared axes', () => {
    const o = quadrantChartOption(result('performance-x', 4), createI18n('en').t, LIGHT_THEME) as Obj;
    expect((o.grid as object[]).length).toBe(4);
    const xs = o.xAxis as { min: number; max: number }[];
    expect(new Set(xs.map((x) => `${x.min}..${x.max}`)).size).toBe(1);
    expect(seriesOf(o).filter((s) => s.type === 'scatter').length).toBe(4);
    expect(seriesOf(o).filter((s) => s.type === 'custom').length).toBe(4);
  });

  it('label placement keeps a crowded cluster free of overlaps', () => {
    const pts = Array.from({ length: 8 }, (_, i) => ({ x: 400 + (i % 3) * 14, y: 300 + Math.floor(i / 3) * 12, text: `Driver number ${i}` }));
    const placed = placeLabels(pts, { x: 0, y: 0, w: 960, h: 540 }, { fontSize: 13, markerRadius: 6 });
    let total = 0;
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) total += overlap(placed[i].rect, placed[j].rect);
    const naive = pts.map((p) => ({ x: p.x + 10, y: p.y - 8, w: 100, h: 17 }));
    let naiveTotal = 0;
    for (let i = 0; i < naive.length; i++) for (let j = i + 1; j < naive.length; j++) naiveTotal += overlap(naive[i], naive[j]);
    expect(total).toBeLessThan(naiveTotal / 4);
    const two = placeLabels([{ x: 500, y: 300, text: 'Inflight service' }, { x: 510, y: 304, text: 'Baggage handling' }], { x: 0, y: 0, w: 960, h: 540 }, { fontSize: 13, markerRadius: 6 });
    expect(overlap(two[0].rect, two[1].rect)).toBe(0);
  });

  it('labels keep off the crosshair lines when a side is free (issue 16: "On-board Service" was crossed)', () => {
    const bounds = { x: 0, y: 0, w: 960, h: 540 };
    const opts = { fontSize: 13, markerRadius: 6 };
    const crosses = (r: { x: number; y: number; w: number; h: number }, lines: { x: number[]; y: number[] }) =>
      lines.x.some((lx) => r.x < lx && r.x + r.w > lx) || lines.y.some((ly) => r.y < ly && r.y + r.h > ly);
    // Just left of the vertical line: the plain "right" spot crosses it.
    const p = { x: 460, y: 280, text: 'On-board Service' };
    const lines = { x: [480], y: [200] };
    expect(crosses(placeLabels([p], bounds, opts)[0].rect, lines)).toBe(true);
    const placed = placeLabels([p], bounds, { ...opts, lines })[0];
    expect(placed.side).toBe('left');
    expect(crosses(placed.rect, lines)).toBe(false);
  });
});
