import type { EChartsOption } from 'echarts';
import { baseOption, pct, shareTooltip, titleBlock, valueAxis, type ParetoChartContext } from './chartStyle';
import type { ParetoResult } from './types';

/** Lorenz curve (customers from the lowest value up) against the diagonal; the Gini in the title. */
export function lorenzChartOption(result: ParetoResult, ctx: ParetoChartContext): EChartsOption {
  const { t, theme, valueLabel: value } = ctx;
  const lowest = Math.min(0, ...result.lorenz.map((p) => p[1]));
  return {
    ...baseOption(theme),
    title: titleBlock(theme, t('pareto.chart.lorenzTitle', { value, gini: result.gini }), t('pareto.chart.lorenzSubtitle', { value })),
    tooltip: shareTooltip(t('pareto.chart.tooltipCustomers')),
    legend: { bottom: 4, textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    xAxis: { ...valueAxis(theme, t('pareto.chart.axis.customersAsc', { value }), { percent: true, max: 100 }), nameGap: 30, splitLine: { show: false } },
    // Negative values make the curve dip below 0: let the axis follow instead of clipping it.
    yAxis: { ...valueAxis(theme, t('pareto.chart.axis.lorenz', { value }), { percent: true, max: 100, location: 'end' }), min: lowest < 0 ? Math.floor(pct(lowest) / 10) * 10 : 0 },
    series: [
      {
        type: 'line',
        name: t('pareto.chart.series.lorenz'),
        data: result.lorenz.map(([x, y]) => [pct(x), pct(y)]),
        showSymbol: false,
        lineStyle: { width: 3, color: theme.classes.A },
        itemStyle: { color: theme.classes.A },
        areaStyle: { color: theme.classes.A, opacity: 0.12 },
      },
      {
        type: 'line',
        name: t('pareto.chart.series.equality'),
        data: [[0, 0], [100, 100]],
        showSymbol: false,
        silent: true,
        lineStyle: { width: 1.5, type: 'dashed', color: theme.mutedText },
        itemStyle: { color: theme.mutedText },
      },
    ],
  } as EChartsOption;
}

/**
 * Whale curve: cumulative value (as % of the total) over customers ranked from the highest value.
 * With loss-making customers it rises above 100% and falls back; the peak is marked.
 */
export function whaleChartOption(result: ParetoResult, ctx: ParetoChartContext): EChartsOption {
  const { t, theme, valueLabel: value } = ctx;
  const peakX = pct(result.peak.k / result.n);
  const peakY = pct(result.peak.share);
  const hasTail = result.negative.count > 0;
  const subtitle = hasTail
    ? t('pareto.chart.whaleSubtitle', { beyond: result.peak.customersBeyondShare, count: result.n - result.peak.k })
    : t('pareto.chart.whaleSubtitleNone', { value });
  const labelStyle = { color: theme.text, fontSize: theme.fontSize.label };
  return {
    ...baseOption(theme),
    title: titleBlock(theme, t('pareto.chart.whaleTitle', { value, peak: result.peak.share }), subtitle),
    tooltip: shareTooltip(t('pareto.chart.tooltipCustomers')),
    xAxis: { ...valueAxis(theme, t('pareto.chart.axis.customers', { value }), { percent: true, max: 100 }), nameGap: 30, splitLine: { show: false } },
    yAxis: valueAxis(theme, t('pareto.chart.axis.whale', { value }), { percent: true, max: Math.max(100, Math.ceil(peakY / 10) * 10), location: 'end' }),
    series: [
      {
        type: 'line',
        name: t('pareto.chart.series.whale', { value }),
        data: [[0, 0], ...result.curve.map((b) => [pct(b.customerShare), pct(b.cumShare)])],
        showSymbol: false,
        lineStyle: { width: 3, color: theme.classes.A },
        itemStyle: { color: theme.classes.A },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: theme.mutedText }, label: { ...labelStyle, formatter: '100%', position: 'insideEndBottom' }, data: [{ yAxis: 100 }] },
        markPoint: {
          symbol: 'circle',
          symbolSize: 12,
          itemStyle: { color: theme.negative },
          label: { ...labelStyle, position: 'top', formatter: `${t('pareto.chart.series.peak')}: ${(Math.round(peakY * 10) / 10).toFixed(1)}%` },
          data: [{ name: t('pareto.chart.series.peak'), coord: [peakX, peakY] }],
        },
        // The loss-making tail beyond the peak, shaded.
        ...(hasTail ? { markArea: { silent: true, itemStyle: { color: theme.negative, opacity: 0.08 }, data: [[{ xAxis: peakX }, { xAxis: 100 }]] } } : {}),
      },
    ],
  } as EChartsOption;
}
