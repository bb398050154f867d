import type { EChartsOption } from 'echarts';
import { baseOption, classColor, contrastText, pct, titleBlock, valueAxis, type ParetoChartContext } from './chartStyle';
import { CLASS_NAMES, type ParetoResult } from './types';

/** 100% stacked horizontal bars: the A/B/C mix of each group's customers (groups in their sort order, top down). */
export function classMixChartOption(result: ParetoResult, ctx: ParetoChartContext): EChartsOption {
  const { t, theme } = ctx;
  const groups = [...result.groups].reverse(); // a category y-axis draws its first entry at the bottom
  const names = groups.map((g) => g.name ?? t('pareto.blankGroup'));
  return {
    ...baseOption(theme),
    title: titleBlock(theme, t('pareto.chart.mixTitle', { group: ctx.groupLabel ?? '' }), t('pareto.chart.mixSubtitle')),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 4, textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    xAxis: { ...valueAxis(theme, t('pareto.chart.axis.groupCustomers'), { percent: true, max: 100 }), nameGap: 30 },
    yAxis: {
      type: 'category',
      data: names,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel },
    },
    series: CLASS_NAMES.map((c) => ({
      type: 'bar' as const,
      name: t(`pareto.class.${c}`),
      stack: 'mix',
      barWidth: '60%',
      itemStyle: { color: classColor(theme, c) },
      // Labels only where the segment is wide enough to hold one.
      label: { show: true, color: contrastText(classColor(theme, c)), fontSize: theme.fontSize.label, formatter: (p: { value: number }) => (p.value >= 6 ? `${Math.round(p.value)}%` : '') },
      data: groups.map((g) => pct(g.classes.find((x) => x.name === c)!.customerShare)),
    })),
  } as EChartsOption;
}
