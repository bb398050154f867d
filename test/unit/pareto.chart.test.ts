import { describe, expect, it } from 'vitest';
import { buildResult, type RawPareto } from '../../shared/analysis/pareto/stats';
import { classMixChartOption, classTable, headline, lorenzChartOption, paretoChartOption, whaleChartOption, zeroAlignedAxes } from '../../shared/analysis/pareto/chart';
import { shareTooltip } from '../../shared/analysis/pareto/chartStyle';
import type { ParetoResult } from '../../shared/analysis/pareto/types';
import { LIGHT_THEME, SLIDE_THEME } from '../../shared/charts/theme';
import { createI18n } from '../../shared/i18n/i18n';

/**
 * What the SQL returns, computed here by hand-written TypeScript from per-customer integer values
 * (already aggregated), so chart and statistics code can be tested without an engine.
 */
function rawFromValues(values: number[], bins: number, groups?: string[]): RawPareto {
  const order = values.map((u, i) => ({ u, id: i, g: groups?.[i] ?? null })).sort((x, y) => y.u - x.u || x.id - y.id);
  const n = order.length;
  const total = values.reduce((s, x) => s + x, 0);
  let cum = 0;
  const rows = order.map((c, i) => {
    const before = cum;
    cum += c.u;
    const cls = 5 * before < 4 * total ? 'A' : 20 * before < 19 * total ? 'B' : 'C';
    return { ...c, rnk: i + 1, cum, cls };
  });
  const peak = Math.max(...rows.map((r) => r.cum));
  const byBin = new Map<number, typeof rows>();
  for (const r of rows) {
    const b = Math.floor(((r.rnk - 1) * bins) / n);
    const list = byBin.get(b);
    if (list) list.push(r);
    else byBin.set(b, [r]);
  }
  const sum = (rs: typeof rows) => rs.reduce((s, r) => s + r.u, 0);
  const groupNames = [...new Set(rows.map((r) => r.g))].sort();
  return {
    probe: { rows: n, null_ids: 0, null_values: 0 },
    summary: {
      n, total,
      top20: sum(rows.filter((r) => r.rnk <= Math.ceil(n / 5))),
      k80: rows.find((r) => 5 * r.cum >= 4 * total)!.rnk,
      k95: rows.find((r) => 20 * r.cum >= 19 * total)!.rnk,
      gini_num: rows.reduce((s, r) => s + (n + 1 - 2 * r.rnk) * r.u, 0),
      neg_count: rows.filter((r) => r.u < 0).length,
      neg_sum: sum(rows.filter((r) => r.u < 0)),
      zero_count: rows.filter((r) => r.u === 0).length,
      peak_cum: peak,
      peak_k: rows.find((r) => r.cum === peak)!.rnk,
      max_u: Math.max(...values), min_u: Math.min(...values), multi_group: 0,
    },
    classes: ['A', 'B', 'C'].map((c) => ({ class: c, count: rows.filter((r) => r.cls === c).length, value: sum(rows.filter((r) => r.cls === c)) })).filter((c) => c.count > 0),
    groups: groups
      ? groupNames.map((g) => {
        const rs = rows.filter((r) => r.g === g);
        const out: Record<string, number | string | null> = { name: g, n: rs.length, value: sum(rs) };
        for (const c of ['A', 'B', 'C']) {
          out[`n_${c}`] = rs.filter((r) => r.cls === c).length;
          out[`v_${c}`] = sum(rs.filter((r) => r.cls === c));
        }
        return out as RawPareto['groups'][number];
      })
      : [],
    bins: [...byBin.entries()].map(([bin, rs]) => ({
      bin, first: rs[0].rnk, last: rs[rs.length - 1].rnk, value: sum(rs), cum_end: rs[rs.length - 1].cum,
      max_u: Math.max(...rs.map((r) => r.u)), min_u: Math.min(...rs.map((r) => r.u)),
    })),
  };
}

// ECharts options are deeply optional unions; the tests read them as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const ctxFor = { mode: { kind: 'integer', scale: 0, exact: true, int: 'BIGINT' } as const, a: 0.8, b: 0.95, sql: 'SELECT 1' };
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const small = buildResult(rawFromValues([5, 3, 2, 0, 0], 100, ['g1', 'g2', 'g1', 'g2', 'g2']), ctxFor);

function trapezoid(pts: [number, number][]): number {
  let area = 0;
  for (let i = 1; i < pts.length; i++) area += ((pts[i][0] - pts[i - 1][0]) * (pts[i][1] + pts[i - 1][1])) / 2;
  return area;
}

describe('pareto statistics from the query rows', () => {
  it('hand-computed 5 customers [5,3,2,0,0]: top 20%, k80, ABC, Gini', () => {
    expect(small.n).toBe(5);
    expect(small.top20).toEqual({ k: 1, share: 0.5, value: 5 });
    expect([small.k80, small.k95, small.k80Share]).toEqual([2, 3, 0.4]);
    expect(small.classes.map((c) => [c.name, c.count, c.value])).toEqual([['A', 2, 8], ['B', 1, 2], ['C', 2, 0]]);
    expect(small.gini).toBeCloseTo(0.52, 15); // ascending [0,0,2,3,5]: (2·3 + 4·5) / (5·10)
    expect(small.giniSampleCorrected).toBeCloseTo(0.65, 15);
    expect(small.zeros).toBe(2);
    expect(small.classes[2].avgValue).toBe(0);
  });

  it('the Lorenz points reproduce the Gini (1 − 2·area) and run from (0,0) to (1,1)', () => {
    expect(small.lorenz[0]).toEqual([0, 0]);
    expect(small.lorenz.at(-1)).toEqual([1, 1]);
    expect(1 - 2 * trapezoid(small.lorenz)).toBeCloseTo(small.gini, 12);
  });

  it('groups: shares of the whole and the class mix within the group', () => {
    expect(small.groups.map((g) => [g.name, g.n, g.value, g.valueShare, g.customerShare])).toEqual([['g1', 2, 7, 0.7, 0.4], ['g2', 3, 3, 0.3, 0.6]]);
    expect(small.groups[1].classes.map((c) => c.count)).toEqual([1, 0, 2]);
    expect(small.groups[1].classes[1].avgValue).toBeNull();
  });

  it('scaled units come back as decimal amounts', () => {
    const r = buildResult(rawFromValues([1505, 250], 10), { ...ctxFor, mode: { kind: 'scaled', scale: 2, exact: true, int: 'BIGINT' } });
    expect([r.total, r.max, r.min, r.classes[0].value]).toEqual([17.55, 15.05, 2.5, 15.05]);
  });
});

describe('pareto chart options', () => {
  const ctx = { t: en, theme: LIGHT_THEME, valueLabel: 'Revenue', groupLabel: 'Contract' };

  it('one bar per customer when n ≤ bins, the cumulative line to 100%, 80% reference line and A/B/C bands', () => {
    const o = paretoChartOption(small, ctx) as Loose;
    const [bars, line] = o.series;
    expect(bars.type).toBe('bar');
    expect(bars.data).toHaveLength(5);
    expect(bars.data[0].value).toEqual([10, 5]);
    expect(bars.data[0].itemStyle.color).toBe(LIGHT_THEME.classes.A);
    expect(bars.data[2].itemStyle.color).toBe(LIGHT_THEME.classes.B);
    expect(line.yAxisIndex).toBe(1);
    expect(line.data[0]).toEqual([0, 0]);
    expect(line.data.at(-1)).toEqual([100, 100]);
    expect(line.markLine.data).toContainEqual(expect.objectContaining({ yAxis: 80 }));
    expect(line.markLine.data).toContainEqual(expect.objectContaining({ xAxis: 40 }));
    expect(bars.markArea.data.map((b: Loose[]) => [b[0].name, b[0].xAxis, b[1].xAxis])).toEqual([['A', 0, 40], ['B', 40, 60], ['C', 60, 100]]);
    expect(o.yAxis[1]).toMatchObject({ min: 0, max: 100 });
    expect(o.yAxis[1].axisLabel.formatter(80)).toBe('80%');
    expect(o.yAxis[0].min).toBe(0); // the bars' zero on the curve's 0%
    expect(o.yAxis[0].name).toBe('Revenue per customer');
    expect(o.title.text).toBe('The top 20% of customers produce 50.0% of Revenue');
    expect(o.title.subtext).toBe('80% of Revenue comes from 40.0% of customers (2 of 5)');
  });

  it('loss-making customers: the bars\' zero and the curve\'s 0% stay on one line; tooltips say 93.7%', () => {
    const axes = zeroAlignedAxes([500, 200, -100, -250], 120);
    expect(axes.bars.min).toBeLessThan(0);
    // zero sits at the same fraction of both axes
    const fBars = -axes.bars.min! / (axes.bars.max! - axes.bars.min!);
    const fShare = -axes.share.min / (axes.share.max - axes.share.min);
    expect(fShare).toBeCloseTo(fBars, 12);
    expect(zeroAlignedAxes([3, 1], 100)).toEqual({ bars: { min: 0 }, share: { min: 0, max: 100 } });
    const tip = shareTooltip('Customers').formatter([
      { marker: '', seriesName: 'Cumulative share', seriesType: 'line', value: [37.51234, 93.7462] },
      { marker: '', seriesName: 'Revenue per customer', seriesType: 'bar', value: [37.51234, 12345.678] },
    ]);
    expect(tip).toBe('Customers: 37.5%<br/>Cumulative share: <b>93.7%</b><br/>Revenue per customer: <b>12,345.68</b>');
  });

  it('bins: 10,000 customers are drawn as 100 bars, with average values per bar', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => 10_000 - i);
    const r = buildResult(rawFromValues(values, 100), ctxFor);
    const o = paretoChartOption(r, ctx) as Loose;
    expect(o.series[0].data).toHaveLength(100);
    expect(o.series[1].data).toHaveLength(101);
    expect(o.series[0].data[0].value).toEqual([0.5, 9950.5]);
    expect(o.yAxis[0].name).toBe('Revenue per customer (average per bar)');
  });

  it('slide theme: larger type on titles and axes', () => {
    const o = paretoChartOption(small, { ...ctx, theme: SLIDE_THEME }) as Loose;
    expect(o.title.textStyle.fontSize).toBe(SLIDE_THEME.fontSize.title);
    expect(o.xAxis.nameTextStyle.fontSize).toBe(SLIDE_THEME.fontSize.axisName);
  });

  it('Lorenz: the curve, the diagonal and the Gini in the title', () => {
    const o = lorenzChartOption(small, ctx) as Loose;
    expect(o.series[1].data).toEqual([[0, 0], [100, 100]]);
    expect(o.series[0].data[0]).toEqual([0, 0]);
    expect(o.title.text).toBe('Lorenz curve of Revenue: Gini 0.52');
  });

  it('whale: loss-making customers push the curve above 100%; the peak is marked', () => {
    const whale = buildResult(rawFromValues([6, 4, 2, -2], 100), ctxFor);
    expect(whale.peak).toEqual({ k: 3, share: 1.2, customersBeyondShare: 0.25 });
    expect(whale.negative).toEqual({ count: 1, sum: -2 });
    expect(whale.classes.map((c) => c.count)).toEqual([2, 0, 2]);
    const o = whaleChartOption(whale, ctx) as Loose;
    expect(o.series[0].markPoint.data[0].coord).toEqual([75, 120]);
    expect(o.yAxis.max).toBe(120);
    expect(o.title.text).toBe('Cumulative Revenue peaks at 120% of the total');
    expect(o.title.subtext).toContain('25%');
    expect(o.series[0].markArea.data[0][0].xAxis).toBe(75);
    // Without negatives there is no tail to shade.
    expect((whaleChartOption(small, ctx) as Loose).series[0].markArea).toBeUndefined();
  });

  it('class mix: one 100% stacked bar per group, A/B/C series, blank group named', () => {
    const r = buildResult(rawFromValues([5, 3, 2], 100, ['x', 'y', 'y']), ctxFor);
    r.groups[1].name = null;
    const o = classMixChartOption(r, ctx) as Loose;
    expect(o.series.map((s: Loose) => [s.name, s.stack])).toEqual([['A', 'mix'], ['B', 'mix'], ['C', 'mix']]);
    expect(o.yAxis.data).toEqual(['(blank)', 'x']);
    expect(o.series[0].data).toEqual([50, 100]);
    expect(o.title.text).toBe('Customer classes by Contract');
  });
});

describe('pareto headline and class table', () => {
  it('states the finding in English and Chinese', () => {
    const r = { ...small, n: 7032, top20: { k: 1407, share: 0.5360698751253156, value: 0 }, k80Share: 0.38424345847554037 } as ParetoResult;
    expect(headline(r, 'Total Charges', en)).toBe('The top 20% of customers (1,407) produce 53.6% of Total Charges; 80% is reached with 38.4% of customers.');
    expect(headline(r, '总费用', zh)).toBe('前 20% 的客户（1,407 位）贡献了总费用的 53.6%；仅 38.4% 的客户即累计贡献 80%。');
  });

  it('every chart title is translated (no raw keys) in Chinese', () => {
    const ctx = { t: zh, theme: LIGHT_THEME, valueLabel: '收入', groupLabel: '合同' };
    for (const f of [paretoChartOption, lorenzChartOption, whaleChartOption, classMixChartOption]) {
      const text = JSON.stringify(f(small, ctx));
      expect(text).not.toMatch(/pareto\./);
    }
  });

  it('class table: A, B, C and a total row, headers with the value name', () => {
    const tbl = classTable(small, 'Revenue', en);
    expect(tbl.columns.map((c) => c.title)).toEqual(['Class', 'Customers', 'Share of customers', 'Revenue', 'Share of Revenue', 'Average Revenue']);
    expect(tbl.rows.map((r) => [r.key, r.customers, r.value])).toEqual([['A', 2, 8], ['B', 1, 2], ['C', 2, 0], ['total', 5, 10]]);
    expect(tbl.rows[0].description).toBe('Customers bringing the first 80% of Revenue');
  });
});
