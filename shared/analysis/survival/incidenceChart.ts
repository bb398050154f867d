import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { SurvivalResult } from './compute';
import { legendRowCount } from './chart';
import { niceStep, num, pct, unitLabel, type Translate } from './format';
import { causeLabel } from './modelsText';

/**
 * Cumulative incidence of each cause (Aalen-Johansen), stacked: each band is the share that has left
 * for that cause by time t, the top edge is 1 − S(t) (all causes). The finding is the slide title; the
 * CIs are in the table and the tooltip (stacked bands cannot carry them honestly).
 */
export function incidenceChartOption(result: SurvivalResult, t: Translate, theme: ChartTheme): EChartsOption {
  const inc = result.incidence;
  const unit = unitLabel(t, result.unit);
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const fs = theme.fontSize;
  const step = niceStep(result.maxTime, result.unit);
  // As the KM chart: the axis ends at the last observed time, labels on the nice steps inside it.
  const xMax = result.maxTime > 0 ? result.maxTime : step;
  const offStep = Math.abs(xMax / step - Math.round(xMax / step)) > 1e-9;
  const causes = inc?.causes ?? [];
  const names = causes.map((c) => causeLabel(t, inc!, c.cause));
  const times = inc?.curveTimes ?? [];
  const top = Math.max(0.05, ...(inc ? [1 - (inc.survival[inc.survival.length - 1] ?? 1)] : [0]));
  const yMax = Math.min(1, Math.ceil((top * 1.1) / 0.05) * 0.05);
  const series: SeriesOption[] = causes.map((c, k) => ({
    id: `incidence-${k}`,
    name: names[k],
    type: 'line',
    step: 'end',
    stack: 'incidence',
    symbol: 'none',
    color: theme.palette[k % theme.palette.length],
    lineStyle: { width: 1.5 },
    areaStyle: { opacity: theme.mode === 'dark' ? 0.55 : 0.7 },
    data: [[0, 0], ...times.map((x, j) => [x, c.curve[j]])],
  }));
  // A few causes: legend rows above the plot; many (up to 20 reasons): a scrolling list on the right.
  const side = names.length > 6;
  const legendRows = side ? 0 : legendRowCount(names, fs.legend);
  const top0 = fs.title + 20;
  const sideWidth = Math.min(340, 56 + Math.max(0, ...names.map((n) => n.length)) * fs.legend * 0.55);
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: t('survival.models.incidence.title'), left: 64, top: 4, textStyle: { ...text, fontSize: fs.title } },
    legend: side
      ? { type: 'scroll', orient: 'vertical', data: names, top: top0 + 8, right: 8, bottom: 40, width: sideWidth, icon: 'rect', itemGap: 8, textStyle: { ...text, fontSize: fs.legend }, pageTextStyle: { color: theme.text } }
      : { data: names, top: top0, left: 64, right: 24, icon: 'rect', itemGap: 24, textStyle: { ...text, fontSize: fs.legend } },
    grid: { left: 64, right: side ? sideWidth + 32 : 32, top: top0 + legendRows * (fs.legend + 14) + fs.axisName + 22, bottom: 56 },
    xAxis: {
      type: 'value',
      min: 0,
      max: xMax,
      interval: step,
      name: t('survival.chart.xAxis', { unit }),
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: { ...text, fontSize: fs.axisName },
      axisLabel: { color: theme.text, fontSize: fs.axisLabel, showMaxLabel: !offStep },
      axisLine: { lineStyle: { color: theme.axisLine } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: yMax,
      name: t('survival.models.incidence.yAxis'),
      nameTextStyle: { ...text, fontSize: fs.axisName, align: 'left' },
      axisLabel: { color: theme.text, fontSize: fs.axisLabel, formatter: (v: number) => pct(v, 0) },
      splitLine: { lineStyle: { color: theme.gridLine } },
    },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? params : [params];
        const x = Number((list[0] as { axisValue?: unknown })?.axisValue ?? 0);
        let j = -1;
        while (j + 1 < times.length && times[j + 1] <= x) j++;
        const rows = causes.map((c, k) => t('survival.models.incidence.tooltip', { cause: names[k], share: pct(j < 0 ? 0 : c.curve[j]) }));
        return [t('survival.chart.tooltipTime', { time: num(x, 1), unit }), ...rows].join('<br/>');
      },
    },
    series,
  };
}
