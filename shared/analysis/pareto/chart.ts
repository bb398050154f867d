import type { EChartsOption } from 'echarts';
import { baseOption, classColor, pct, shareTooltip, titleBlock, valueAxis, type ParetoChartContext } from './chartStyle';
import { CLASS_NAMES, type ParetoClassName, type ParetoResult } from './types';

export type { ParetoChartContext } from './chartStyle';
export { lorenzChartOption, whaleChartOption } from './chartCurves';
export { classMixChartOption } from './chartGroups';
export { headline, classTable, type ClassTable, type ClassTableRow } from './headline';

/** Last rank of each class (classes are consecutive rank ranges: A first, then B, then C). */
export function classEnds(result: ParetoResult): Record<ParetoClassName, number> {
  const [a, b, c] = result.classes.map((x) => x.count);
  return { A: a, B: a + b, C: a + b + c };
}

function classOfRank(ends: Record<ParetoClassName, number>, rank: number): ParetoClassName {
  return rank <= ends.A ? 'A' : rank <= ends.B ? 'B' : 'C';
}

/**
 * The Pareto chart: bars = value per customer (the average of each percentile bin when there are more
 * customers than bins), coloured by class; line = exact cumulative share at each bin end on a 0–100%
 * right axis; a dashed line at threshold a and at the share of customers that reaches it; light A/B/C bands.
 */
/**
 * Axis ranges that put the bars' zero and the curve's 0% on the same line: with loss-making
 * customers the bars go below zero, so the share axis starts as far below 0% as the bars do.
 */
export function zeroAlignedAxes(values: number[], cumMax: number): { bars: { min?: number; max?: number }; share: { min: number; max: number } } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  if (lo >= 0 || hi <= lo) return { bars: { min: 0 }, share: { min: 0, max: cumMax } };
  const raw = (hi - lo) / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= raw) ?? 10 * p;
  const min = Math.floor(lo / step) * step;
  const max = Math.max(step, Math.ceil(hi / step) * step);
  const below = -min / (max - min);
  return { bars: { min, max }, share: { min: -(below / (1 - below)) * cumMax, max: cumMax } };
}

export function paretoChartOption(result: ParetoResult, ctx: ParetoChartContext): EChartsOption {
  const { t, theme, valueLabel: value } = ctx;
  const n = result.n;
  const ends = classEnds(result);
  const binned = result.curve.some((b) => b.last > b.first);
  const bars = result.curve.map((b) => {
    const cls = classOfRank(ends, b.first);
    return { value: [pct((b.first - 1 + b.last) / 2 / n), b.value / (b.last - b.first + 1)], itemStyle: { color: classColor(theme, cls) } };
  });
  const line: [number, number][] = [[0, 0], ...result.curve.map((b): [number, number] => [pct(b.customerShare), pct(b.cumShare)])];
  const cumMax = Math.max(100, Math.ceil(pct(result.peak.share) / 10) * 10);
  const axes = zeroAlignedAxes(bars.map((b) => b.value[1]), cumMax);
  let start = 0;
  const bands = CLASS_NAMES.filter((c) => result.classes.find((x) => x.name === c)!.count > 0).map((c) => {
    const band = [
      { xAxis: pct(start / n), name: t(`pareto.class.${c}`), itemStyle: { color: classColor(theme, c), opacity: 0.07 } },
      { xAxis: pct(ends[c] / n) },
    ];
    start = ends[c];
    return band;
  });
  const labelStyle = { color: theme.text, fontSize: theme.fontSize.label };
  return {
    ...baseOption(theme),
    title: titleBlock(
      theme,
      t('pareto.chart.paretoTitle', { share: result.top20.share, value }),
      t('pareto.chart.paretoSubtitle', { a: result.thresholds.a, value, k80Share: result.k80Share, k80: result.k80, n }),
    ),
    tooltip: shareTooltip(t('pareto.chart.tooltipCustomers')),
    legend: { bottom: 4, textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    xAxis: { ...valueAxis(theme, t('pareto.chart.axis.customers', { value }), { percent: true, max: 100 }), nameGap: 30, splitLine: { show: false } },
    yAxis: [
      { ...valueAxis(theme, t(binned ? 'pareto.chart.axis.valuePerCustomerBinned' : 'pareto.chart.axis.valuePerCustomer', { value }), { location: 'end' }), ...axes.bars },
      (() => {
        const a = valueAxis(theme, t('pareto.chart.axis.cumShare', { value }), { percent: true, max: cumMax, position: 'right', location: 'end' });
        // Below the bars' zero the share axis has no labels (shares there are not drawn).
        return { ...a, min: axes.share.min, axisLabel: { ...a.axisLabel, formatter: (v: number) => (v < 0 ? '' : `${v}%`) } };
      })(),
    ],
    series: [
      {
        type: 'bar',
        name: t('pareto.chart.series.value', { value }),
        data: bars,
        barWidth: '92%',
        itemStyle: { color: theme.classes.A },
        markArea: { silent: true, label: { ...labelStyle, position: 'insideTop', fontWeight: 600 }, data: bands as never },
      },
      {
        type: 'line',
        name: t('pareto.chart.series.cumShare'),
        yAxisIndex: 1,
        data: line,
        showSymbol: false,
        lineStyle: { width: 3, color: theme.palette[1] },
        itemStyle: { color: theme.palette[1] },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: theme.mutedText, width: 1.5 },
          label: { ...labelStyle, formatter: '{c}%' },
          data: [
            { yAxis: pct(result.thresholds.a), label: { position: 'insideEndTop' } },
            { xAxis: pct(result.k80Share), label: { position: 'insideEndTop' } },
          ],
        },
      },
    ],
  } as EChartsOption;
}
