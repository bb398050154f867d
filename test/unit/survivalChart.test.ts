import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { fromCounts } from '../../shared/analysis/survival/compute';
import { parseSurvivalSpec } from '../../shared/analysis/survival/spec';
import { survivalChartOption } from '../../shared/analysis/survival/chart';
import { hazardChartOption } from '../../shared/analysis/survival/hazardChart';
import { cohortsFromRows } from '../../shared/analysis/cohort/compute';
import { parseCohortSpec } from '../../shared/analysis/cohort/spec';
import { cohortCurveOption, cohortHeatmapOption } from '../../shared/analysis/cohort/chart';
import { reasonTable } from '../../shared/analysis/reasons/compute';
import { reasonsParetoOption } from '../../shared/analysis/reasons/chart';
import { createI18n } from '../../shared/i18n/i18n';
import { DARK_THEME, LIGHT_THEME } from '../../shared/charts/theme';

const en = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
const zh = createI18n('zh-CN').t as unknown as (k: string, o?: Record<string, unknown>) => string;

/** Real ECharts server-side render: the option must be accepted and produce these texts. */
function render(option: EChartsOption): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 960, height: 600 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type Series = { id?: string; type?: string; step?: string; data?: unknown[]; markLine?: { data: unknown[] }; label?: { formatter?: unknown } };
const seriesOf = (o: EChartsOption) => o.series as Series[];

// Two groups: "A" loses half by t = 2 (median 2), "B" never reaches 0.5. Strong separation.
const spec = parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'x' }, event: { column: 'e', values: [1] }, group: 'g' });
const rows = [
  ...[1, 2, 3, 4, 5, 6].map((t) => ({ g: 'A', t, d: 40, c: 5 })),
  ...[1, 2, 3, 4, 5, 6].map((t) => ({ g: 'B', t, d: 1, c: 30 })),
];
const result = fromCounts(spec, rows);

describe('Kaplan-Meier chart option', () => {
  it('step curves per group start at (0, 1) and step at each time', () => {
    const o = survivalChartOption(result, en, LIGHT_THEME);
    const curves = seriesOf(o).filter((s) => s.id?.startsWith('curve-'));
    expect(curves).toHaveLength(2);
    expect(curves.every((c) => c.type === 'line' && c.step === 'end')).toBe(true);
    expect(curves[0].data![0]).toEqual([0, 1]);
    expect(curves[0].data!.length).toBe(7);
    expect(curves[0].data![6]).toEqual([6, result.groups[0].steps[5].survival]);
  });

  it('CI bands (toggle), censor marks and a dashed median line only where the median is reached', () => {
    const o = survivalChartOption(result, en, LIGHT_THEME);
    const ids = seriesOf(o).map((s) => s.id);
    expect(ids).toContain('ci-band-0');
    expect(ids).toContain('censor-1');
    const band = seriesOf(o).find((s) => s.id === 'ci-band-0')!;
    const lower = seriesOf(o).find((s) => s.id === 'ci-lower-0')!;
    const g = result.groups[0].steps[0];
    expect(lower.data![1]).toEqual([1, g.lower]);
    expect((band.data![1] as number[])[1]).toBeCloseTo(g.upper! - g.lower!, 15);
    const [a, b] = seriesOf(o).filter((s) => s.id?.startsWith('curve-'));
    expect(result.groups[0].median).not.toBeNull();
    expect(a.markLine!.data).toHaveLength(2);
    expect(b.markLine).toBeUndefined();
    const off = survivalChartOption(result, en, LIGHT_THEME, { showCI: false, showCensor: false });
    expect(seriesOf(off).some((s) => s.id?.startsWith('ci-') || s.id?.startsWith('censor-'))).toBe(false);
  });

  it('legend with n / churned / median, log-rank p and number-at-risk table aligned to the x ticks', () => {
    const o = survivalChartOption(result, en, LIGHT_THEME);
    const legend = (o.legend as { data: string[] }).data;
    expect(legend[0]).toBe(`A  n=270, churned=240, median ${result.groups[0].median}`);
    expect(legend[1]).toContain('median not reached');
    const x = (o.xAxis as { interval: number; max: number }[])[0];
    const risk = seriesOf(o).find((s) => s.id === 'risk-0')!;
    expect(risk.data!.map((d) => (d as number[])[0])).toEqual(Array.from({ length: x.max / x.interval + 1 }, (_, i) => i * x.interval));
    expect(risk.data![0]).toEqual([0, 'A', 270]);
    const svg = render(o);
    expect(svg).toContain('Log-rank p &lt; 0.0001');
    expect(svg).toContain('Number at risk');
    expect(svg).toContain('270');
  });

  it('renders in Chinese and in the dark theme', () => {
    const svg = render(survivalChartOption(result, zh, DARK_THEME));
    expect(svg).toContain('风险人数');
    expect(svg).toContain('未达到');
  });

  it('one curve: “All customers”, no log-rank text', () => {
    const single = fromCounts(parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'x' }, event: { column: 'e', values: [1] } }), rows.filter((r) => r.g === 'A').map((r) => ({ ...r, g: null })));
    const o = survivalChartOption(single, en, LIGHT_THEME);
    expect((o.legend as { data: string[] }).data[0]).toMatch(/^All customers/);
    expect(o.graphic).toEqual([]);
  });

  it('hazard chart: bars for one curve, lines per group', () => {
    const o = hazardChartOption(result, en, LIGHT_THEME);
    expect(seriesOf(o).map((s) => s.type)).toEqual(['line', 'line']);
    expect(seriesOf(o)[0].data).toEqual(result.groups[0].hazard.map((h) => h.rate));
    expect(render(o)).toContain('Churn hazard by interval');
  });
});

describe('cohort and reasons charts', () => {
  const cspec = parseCohortSpec({ table: 't', customer: 'c', date: 'd' });
  const crows = [
    { cohort: 24131, k: 0, active: 10, last_period: 24133, missing_customer: 0, missing_date: 0 },
    { cohort: 24131, k: 2, active: 4, last_period: 24133, missing_customer: 0, missing_date: 0 },
    { cohort: 24132, k: 0, active: 5, last_period: 24133, missing_customer: 0, missing_date: 0 },
    { cohort: 24132, k: 1, active: 1, last_period: 24133, missing_customer: 0, missing_date: 0 },
  ];
  const cohorts = cohortsFromRows(cspec, crows);

  it('cohort rows: missing offsets inside the data are 0, past the end null', () => {
    expect(cohorts.cohorts.map((c) => [c.cohort, c.active])).toEqual([
      ['2010-12', [10, 0, 4]],
      ['2011-01', [5, 1, null]],
    ]);
    expect(cohorts.average).toEqual([1, 1 / 15, 0.4]);
  });

  it('heatmap: one cell per observed (cohort, offset), nulls left empty, cohort size in labels', () => {
    const o = cohortHeatmapOption(cohorts, en, LIGHT_THEME);
    // Cells carry their readable label colour (the deck's heatmap too): { value, label }.
    const data = (seriesOf(o)[0].data as { value: number[] }[]).map((d) => d.value);
    expect(data).toHaveLength(5);
    expect(data).toContainEqual([1, 0, 0]);
    expect(data.some((d) => d[0] === 2 && d[1] === 1)).toBe(false);
    expect((o.yAxis as { data: string[] }).data).toEqual(['2010-12 (n=10)', '2011-01 (n=5)']);
    const svg = render(o);
    expect(svg).toContain('40.0%');
    expect(render(cohortCurveOption(cohorts, zh, LIGHT_THEME))).toContain('平均留存曲线');
  });

  it('reasons Pareto: bars by tag, cumulative line to 100%, controllable share in the subtitle', () => {
    const table = reasonTable(null, new Map<string | null, number>([['Price', 50], ['Moved', 30], [null, 20]]), { Price: true, Moved: false });
    expect(table.rows.map((r) => [r.reason, r.cumulativeShare])).toEqual([
      ['Price', 0.5],
      ['Moved', 0.8],
      [null, 1],
    ]);
    const o = reasonsParetoOption(table, en, LIGHT_THEME);
    const [ctrl, notCtrl, untagged, cum] = seriesOf(o);
    expect(ctrl.data).toEqual([50, null, null]);
    expect(notCtrl.data).toEqual([null, 30, null]);
    expect(untagged.data).toEqual([null, null, 20]);
    expect(cum.data).toEqual([0.5, 0.8, 1]);
    const svg = render(o);
    expect(svg).toContain('Controllable share: 50.0%');
    expect(svg).toContain('(no reason given)');
    // Nothing tagged: no "Controllable share: 0.0%" claim, a hint instead.
    const untaggedOnly = render(reasonsParetoOption(reasonTable(null, new Map<string | null, number>([['Price', 5]]), {}), en, LIGHT_THEME));
    expect(untaggedOnly).not.toContain('Controllable share');
    expect(untaggedOnly).toContain('Tag reasons as controllable');
  });
});
