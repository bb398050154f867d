import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { SurvivalResult } from './compute';
import { zForLevel } from '../../stats/normal';
import { num, unitLabel, type Translate } from './format';
import { nameLabel } from './modelsText';

/**
 * Restricted mean survival up to τ per group: horizontal bars with the 95% CI as a whisker and the
 * value inside the bar. The finding ("One year keeps a customer 30.1 months longer…") is the slide title.
 */
export function rmstChartOption(result: SurvivalResult, t: Translate, theme: ChartTheme): EChartsOption {
  const m = result.rmst;
  const unit = unitLabel(t, result.unit);
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const fs = theme.fontSize;
  const groups = m?.groups ?? [];
  const z = zForLevel(result.spec.confLevel);
  const names = groups.map((g) => nameLabel(t, g.name));
  const left = Math.max(80, Math.min(260, 24 + Math.max(0, ...names.map((n) => n.length)) * fs.axisLabel * 0.62));
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: [
      { text: t('survival.models.rmst.title'), left: 16, top: 4, textStyle: { ...text, fontSize: fs.title } },
      { text: t('survival.models.rmst.subtitle', { tau: num(m?.tau ?? 0, 1), timeUnit: unit }), left: 16, top: fs.title + 14, textStyle: { color: theme.mutedText, fontFamily: theme.fontFamily, fontSize: fs.subtitle } },
    ],
    grid: { left, right: 40, top: fs.title + fs.subtitle + 40, bottom: 48 },
    xAxis: {
      type: 'value',
      min: 0,
      max: m?.tau,
      name: t('survival.models.rmst.xAxis', { timeUnit: unit }),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { ...text, fontSize: fs.axisName },
      axisLabel: { color: theme.text, fontSize: fs.axisLabel, showMaxLabel: false },
      splitLine: { lineStyle: { color: theme.gridLine } },
    },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { color: theme.text, fontSize: fs.axisLabel }, axisLine: { lineStyle: { color: theme.axisLine } } },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const g = groups[(p as { dataIndex: number }).dataIndex];
        return g ? t('survival.models.rmst.tooltip', { name: nameLabel(t, g.name), rmst: num(g.rmst, 2), lower: num(g.rmst - z * g.se, 2), upper: num(g.rmst + z * g.se, 2), timeUnit: unit }) : '';
      },
    },
    series: [
      {
        id: 'rmst',
        type: 'bar',
        barWidth: '55%',
        data: groups.map((g, i) => ({ value: g.rmst, itemStyle: { color: theme.palette[i % theme.palette.length] } })),
        label: { show: true, position: 'insideLeft', distance: 10, color: '#ffffff', fontWeight: 'bold', textBorderColor: 'rgba(0,0,0,0.45)', textBorderWidth: 2, fontSize: fs.label + 1, formatter: (p: unknown) => num(groups[(p as { dataIndex: number }).dataIndex].rmst, 1) },
      },
      {
        id: 'rmst-ci',
        type: 'custom',
        silent: true,
        renderItem: (_params: unknown, api: unknown) => {
          const a = api as { value(i: number): number; coord(p: number[]): number[]; size(p: number[]): number[] };
          const lo = a.coord([a.value(0), a.value(2)]);
          const hi = a.coord([a.value(1), a.value(2)]);
          const h = a.size([0, 1])[1] * 0.2;
          const style = { stroke: theme.text, lineWidth: 1.5 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
              { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style },
              { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style },
            ],
          };
        },
        encode: { x: [0, 1], y: 2 },
        data: groups.map((g, i) => [Math.max(0, g.rmst - z * g.se), g.rmst + z * g.se, i]),
        z: 5,
      },
    ],
  };
}
