import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { TFunction } from '../../i18n/i18n';
import { barTopLabel, baseOption, pct, titleBlock, valueAxis } from '../pareto/chartStyle';
import type { RiskResult } from './compute';
import type { EconomicsInput } from './spec';
import type { WhatIfPoint } from './economics';
import { classLabel, concentrationFinding, lossParetoFinding, period, segmentLabel, top20Share, valueLabel } from './text';

/** Pure result → ECharts options: value at risk by class and segment, the loss Pareto, the economics what-if. */

/** Compact amounts for axis and bar labels: 1.23M, 123万. */
function compact(t: TFunction): (v: number) => string {
  return (v: number) => t('risk.amount', { v });
}

/**
 * Stacked bars: value at risk per class (A, B, C…), one colour per segment, the class total above each bar.
 * Without classes: one bar per segment.
 */
export function riskByClassOption(r: RiskResult, t: TFunction, theme: ChartTheme): EChartsOption {
  const fmt = compact(t);
  const value = valueLabel(r);
  const p = period(t, r.unit, r.horizon);
  const segName = r.spec.segment ?? t('risk.table.segment');
  const classes = r.byClass.length > 0;
  const cats = classes ? r.byClass.map((c) => classLabel(t, c.class)) : r.bySegment.map((s) => segmentLabel(t, s.segment));
  const segments = classes ? [...new Set(r.byClass.flatMap((c) => c.bySegment.map((s) => s.segment)))] : [null];
  const totals = classes ? r.byClass.map((c) => c.valueAtRisk) : r.bySegment.map((s) => s.valueAtRisk);
  const series = segments.map((seg, i) => ({
    type: 'bar' as const,
    name: classes ? segmentLabel(t, seg) : t('risk.table.valueAtRisk'),
    stack: 'risk',
    barMaxWidth: 96,
    itemStyle: { color: classes ? theme.palette[i % theme.palette.length] : theme.classes.A },
    emphasis: { focus: 'series' as const },
    data: classes ? r.byClass.map((c) => c.bySegment.find((s) => s.segment === seg)?.valueAtRisk ?? 0) : totals,
  }));
  // The class total (and its share) above each stack: an invisible bar on top carrying the label.
  series.push({
    type: 'bar',
    name: '',
    stack: 'risk',
    barMaxWidth: 96,
    itemStyle: { color: 'transparent' },
    emphasis: { focus: 'series' },
    data: totals.map(() => 0),
    label: { ...barTopLabel(theme), formatter: (x: { dataIndex: number }) => `${fmt(totals[x.dataIndex])}  (${Math.round(pct(r.valueAtRisk ? totals[x.dataIndex] / r.valueAtRisk : 0) * 10) / 10}%)` },
  } as never);
  return {
    ...baseOption(theme),
    title: titleBlock(theme, concentrationFinding(r, t), classes ? t('risk.chart.byClassSubtitle', { period: p, segment: segName, scored: r.scored }) : t('risk.chart.bySegmentSubtitle', { period: p, segment: segName, scored: r.scored })),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => fmt(Number(v)) },
    // The legend sits top right, level with the value axis' name (the class axis' name is below the plot).
    legend: classes ? { top: 84, right: 24, itemGap: 28, data: segments.map((s) => segmentLabel(t, s)), textStyle: { color: theme.text, fontSize: theme.fontSize.legend } } : undefined,
    grid: { left: 24, right: 24, top: 128, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: cats, name: classes ? t('risk.chart.classAxis') : segName, nameLocation: 'middle', nameGap: 30, nameTextStyle: { color: theme.text, fontSize: theme.fontSize.axisName }, axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel }, axisLine: { lineStyle: { color: theme.axisLine } } },
    // Headroom above the tallest stack: its total label stays clear of the axis name above the plot.
    yAxis: { ...valueAxis(theme, t('risk.chart.valueAtRisk', { value }), { location: 'end' }), boundaryGap: [0, '18%'], axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => fmt(v) } },
    series,
  } as EChartsOption;
}

/** The call list as a Pareto: cumulative share of the value at risk over the accounts ranked by expected loss. */
export function lossParetoOption(r: RiskResult, t: TFunction, theme: ChartTheme): EChartsOption {
  const n = r.scored;
  const total = r.valueAtRisk;
  const data = [[0, 0], ...r.lossCurve.map((c) => [pct(c.rank / n), pct(total ? c.cumLoss / total : 0)])];
  const top = top20Share(r);
  const line = theme.negative;
  return {
    ...baseOption(theme),
    title: titleBlock(theme, lossParetoFinding(r, t), t('risk.chart.lossParetoSubtitle', { value: valueLabel(r) })),
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
    xAxis: { ...valueAxis(theme, t('risk.chart.accountsAxis'), { percent: true, max: 100 }), nameGap: 30, splitLine: { show: false } },
    yAxis: valueAxis(theme, t('risk.chart.cumLossAxis'), { percent: true, max: 100, location: 'end' }),
    series: [
      {
        type: 'line',
        name: t('risk.chart.cumLoss'),
        data,
        showSymbol: false,
        lineStyle: { width: 3, color: line },
        itemStyle: { color: line },
        areaStyle: { color: line, opacity: 0.12 },
        markLine: top
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: theme.mutedText },
              label: { color: theme.text, fontSize: theme.fontSize.label },
              data: [[{ coord: [pct(top.k / n), 0] }, { coord: [pct(top.k / n), pct(top.share)] }], [{ coord: [0, pct(top.share)], label: { show: false } }, { coord: [pct(top.k / n), pct(top.share)] }]],
            }
          : undefined,
        markPoint: top
          ? { symbol: 'circle', symbolSize: 10, itemStyle: { color: line }, label: { show: true, position: 'right', distance: 8, color: theme.text, fontSize: theme.fontSize.label, formatter: `${t('risk.chart.top20')}: ${pct(top.share).toFixed(1)}%` }, data: [{ coord: [pct(top.k / n), pct(top.share)] }] }
          : undefined,
      },
    ],
  } as EChartsOption;
}

/** Net return at N from the what-if points (linear between them). */
function netAt(points: WhatIfPoint[], n: number): number {
  const i = points.findIndex((p) => p.contacts >= n);
  if (i <= 0) return points[Math.max(0, i)]?.netReturn ?? 0;
  const a = points[i - 1];
  const b = points[i];
  return a.netReturn + ((b.netReturn - a.netReturn) * (n - a.contacts)) / (b.contacts - a.contacts || 1);
}

/** Value saved, cost and net return over N contacted accounts; the chosen N and the best N marked. */
export function whatIfOption(points: WhatIfPoint[], input: EconomicsInput, chosen: number, best: number, value: string, t: TFunction, theme: ChartTheme): EChartsOption {
  const fmt = compact(t);
  const series = (key: keyof Omit<WhatIfPoint, 'contacts'>, name: string, color: string, width = 2) => ({
    type: 'line' as const,
    name,
    showSymbol: false,
    lineStyle: { width, color },
    itemStyle: { color },
    data: points.map((p) => [p.contacts, p[key]]),
  });
  return {
    ...baseOption(theme),
    title: titleBlock(theme, t('risk.chart.whatIfTitle'), t('risk.chart.whatIfSubtitle', { rate: input.saveRate, cost: input.actionCost, best })),
    tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(Number(v)) },
    legend: { bottom: 4, textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    grid: { left: 24, right: 32, top: 96, bottom: 64, containLabel: true },
    xAxis: { type: 'value', name: t('risk.chart.contactsAxis'), nameLocation: 'middle', nameGap: 28, min: 0, max: points.length ? points[points.length - 1].contacts : 1, nameTextStyle: { color: theme.text, fontSize: theme.fontSize.axisName }, axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, showMaxLabel: false }, axisLine: { lineStyle: { color: theme.axisLine } }, splitLine: { show: false } },
    yAxis: { ...valueAxis(theme, t('risk.chart.amountAxis', { value }), { location: 'end' }), axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => fmt(v) } },
    series: [
      series('valueSaved', t('risk.chart.valueSaved'), theme.positive),
      series('cost', t('risk.chart.cost'), theme.mutedText),
      {
        ...series('netReturn', t('risk.chart.netReturn'), theme.classes.A, 3),
        // The chosen N and the best N as points on the net-return line, labelled with N.
        markPoint: {
          symbol: 'circle',
          symbolSize: 10,
          data: [
            { coord: [chosen, netAt(points, chosen)], itemStyle: { color: theme.text }, label: { formatter: t('risk.chart.chosen', { n: chosen }), position: 'top' } },
            ...(best !== chosen ? [{ coord: [best, netAt(points, best)], itemStyle: { color: theme.classes.A }, label: { formatter: t('risk.chart.best', { n: best }), position: 'top' } }] : []),
          ].map((d) => ({ ...d, label: { ...d.label, show: true, distance: 8, color: theme.text, fontSize: theme.fontSize.label } })),
        },
      },
    ],
  } as EChartsOption;
}
