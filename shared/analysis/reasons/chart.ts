import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import { pct, type Translate } from '../survival/format';
import type { ReasonTable } from './compute';
import { barTopLabel } from '../pareto/chartStyle';

/**
 * Pareto of churn reasons: bars by count (coloured controllable / not / untagged), the
 * cumulative share as a line on a 0–100% axis with an 80% guide.
 */
export function reasonsParetoOption(table: ReasonTable, t: Translate, theme: ChartTheme): EChartsOption {
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const colourOf = (c: boolean | null) => (c === true ? theme.palette[0] : c === false ? theme.mutedText : theme.palette[1]);
  const cats = table.rows.map((r) => r.reason ?? t('survival.reasons.noReason'));
  const rotate = cats.length > 6 ? 35 : 0;
  // With nothing tagged the controllable share would read 0%, which says something untrue.
  const subtitle =
    table.controllableShare === null ? '' : table.untaggedShare === 1 ? t('survival.reasons.tagHint') : t('survival.reasons.controllableShare', { share: pct(table.controllableShare) });
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: table.name ? `${t('survival.reasons.title')} — ${table.name}` : t('survival.reasons.title'), subtext: subtitle, left: 8, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title }, subtextStyle: { color: theme.mutedText, fontSize: theme.fontSize.subtitle } },
    legend: {
      top: 8,
      right: 16,
      data: [
        { name: t('survival.reasons.controllable'), itemStyle: { color: colourOf(true) } },
        { name: t('survival.reasons.notControllable'), itemStyle: { color: colourOf(false) } },
        { name: t('survival.reasons.untagged'), itemStyle: { color: colourOf(null) } },
        t('survival.reasons.cumulative'),
      ],
      textStyle: { ...text, fontSize: theme.fontSize.legend },
    },
    // Below the title and its subtitle (the count axis' name sits between them and the plot). Slanted
    // reason labels are capped in width and given room on the left, where the first ones reach out.
    grid: { left: rotate ? 120 : 8, right: 16, top: 92, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: cats, axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel, interval: 0, rotate, width: 180, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', name: t('survival.reasons.count'), nameTextStyle: { ...text, align: 'left' }, axisLabel: { color: theme.text }, splitLine: { lineStyle: { color: theme.gridLine } } },
      { type: 'value', min: 0, max: 1, axisLabel: { color: theme.text, formatter: (v: number) => pct(v, 0) }, splitLine: { show: false } },
    ],
    tooltip: { trigger: 'axis' },
    series: [
      // One bar series per tag so the legend explains the colours; gaps are nulls.
      ...([true, false, null] as const).map((tag) => ({
        id: `reasons-${String(tag)}`,
        name: t(tag === true ? 'survival.reasons.controllable' : tag === false ? 'survival.reasons.notControllable' : 'survival.reasons.untagged'),
        type: 'bar' as const,
        stack: 'count',
        color: colourOf(tag),
        data: table.rows.map((r) => (r.controllable === tag ? r.count : null)),
        label: barTopLabel(theme),
      })),
      {
        id: 'reasons-cumulative',
        name: t('survival.reasons.cumulative'),
        type: 'line',
        yAxisIndex: 1,
        data: table.rows.map((r) => r.cumulativeShare),
        symbol: 'circle',
        symbolSize: 6,
        color: theme.negative,
        // The guide's label above the line's end, clear of the right axis' own 80% tick label.
        markLine: { silent: true, symbol: 'none', label: { formatter: '80%', color: theme.mutedText, position: 'insideEndTop' }, lineStyle: { type: 'dashed', color: theme.mutedText }, data: [{ yAxis: 0.8 }] },
      },
    ],
  };
}
