import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { SurvivalResult } from './compute';
import { groupLabel } from './chart';
import { num, pct, unitLabel, type Translate } from './format';

/**
 * Churn hazard per interval (events / at risk at the interval start): bars for one curve,
 * lines with markers to compare groups. Intervals where nobody is at risk are gaps.
 */
export function hazardChartOption(result: SurvivalResult, t: Translate, theme: ChartTheme): EChartsOption {
  const unit = unitLabel(t, result.unit);
  const first = result.groups[0]?.hazard ?? [];
  const cats = first.map((h) => `${num(h.start, 1)}–${num(h.end, 1)}`);
  const single = result.groups.length === 1;
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const series: SeriesOption[] = result.groups.map((g, i) => {
    const c = theme.palette[i % theme.palette.length];
    const data = g.hazard.map((h) => h.rate);
    return single
      ? { id: `hazard-${i}`, name: groupLabel(t, g), type: 'bar', data, color: c, barCategoryGap: '15%' }
      : { id: `hazard-${i}`, name: groupLabel(t, g), type: 'line', data, color: c, symbol: 'circle', symbolSize: 5, connectNulls: false, lineStyle: { width: 2 } };
  });
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: t('survival.hazard.title'), left: 64, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title } },
    legend: single ? undefined : { top: 30, left: 64, textStyle: { ...text, fontSize: theme.fontSize.legend } },
    // With a legend, room for it and the y-axis name above the plot (they collided in narrow views).
    grid: { left: 64, right: 24, top: single ? 48 : 94, bottom: 56 },
    xAxis: {
      type: 'category',
      data: cats,
      name: t('survival.hazard.xAxis', { unit }),
      nameLocation: 'middle',
      nameGap: 32,
      nameTextStyle: { ...text, fontSize: theme.fontSize.axisName },
      axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel },
      axisLine: { lineStyle: { color: theme.axisLine } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('survival.hazard.yAxis'),
      nameTextStyle: { ...text, fontSize: theme.fontSize.axisName, align: 'left' },
      axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => pct(v, 0) },
      splitLine: { lineStyle: { color: theme.gridLine } },
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesIndex: number }[];
        const head = cats[list[0]?.dataIndex ?? 0] ?? '';
        const rows = list.map((p) => {
          const g = result.groups[p.seriesIndex];
          const h = g.hazard[p.dataIndex];
          return t('survival.hazard.tooltip', { name: groupLabel(t, g), rate: pct(h.rate, 2), events: h.events, atRisk: h.atRisk });
        });
        return [head, ...rows].join('<br/>');
      },
    },
    series,
  };
}
