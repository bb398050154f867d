import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import { pct, type Translate } from '../survival/format';
import type { CohortResult } from './compute';

/**
 * Cohort triangle: cohorts down, periods since the first purchase across, % retained in each
 * cell with a colour scale; unobserved cells (after the data ends) stay empty, not 0%.
 */
export function cohortHeatmapOption(result: CohortResult, t: Translate, theme: ChartTheme): EChartsOption {
  const width = result.cohorts[0]?.retention.length ?? 0;
  const offsets = Array.from({ length: width }, (_, k) => String(k));
  const labels = result.cohorts.map((c) => t('survival.cohort.cohortLabel', { cohort: c.cohort, size: c.size }));
  const data: [number, number, number][] = [];
  result.cohorts.forEach((c, y) => c.retention.forEach((r, k) => r !== null && data.push([k, y, r])));
  // Scale on offsets ≥ 1: offset 0 is always 100% and would flatten every other colour.
  const later = data.filter((d) => d[0] > 0).map((d) => d[2]);
  const max = later.length ? Math.max(...later) : 1;
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const lowColour = theme.mode === 'dark' ? '#1e2a33' : '#f1f6fb';
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: t('survival.cohort.title'), left: 8, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title } },
    grid: { left: 8, right: 24, top: 48, bottom: 80, containLabel: true },
    xAxis: {
      type: 'category',
      data: offsets,
      position: 'top',
      name: t('survival.cohort.xAxis'),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { ...text, fontSize: theme.fontSize.axisName },
      axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { color: theme.text, fontSize: theme.fontSize.axisLabel } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      dimension: 2,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 8,
      inRange: { color: [lowColour, theme.palette[0]] },
      textStyle: { color: theme.text },
      formatter: (v: unknown) => pct(Number(v), 0),
    },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const [k, y, r] = (p as { value: [number, number, number] }).value;
        const c = result.cohorts[y];
        return t('survival.cohort.tooltip', { cohort: c.cohort, offset: k, pct: pct(r), active: c.active[k], size: c.size });
      },
    },
    series: [
      {
        id: 'cohort-heatmap',
        name: t('survival.cohort.retention'),
        type: 'heatmap',
        data,
        label: { show: true, fontSize: theme.fontSize.label, color: theme.text, formatter: (p: unknown) => pct((p as { value: number[] }).value[2], 1) },
        itemStyle: { borderColor: theme.mode === 'dark' ? '#1e1e1e' : '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } },
      },
    ],
  };
}

/** Every cohort's retention curve (thin) and the size-weighted average (thick). */
export function cohortCurveOption(result: CohortResult, t: Translate, theme: ChartTheme): EChartsOption {
  const width = result.average.length;
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const cohortSeries: SeriesOption[] = result.cohorts.map((c, i) => ({
    id: `cohort-${i}`,
    name: c.cohort,
    type: 'line',
    data: c.retention,
    symbol: 'none',
    lineStyle: { width: 1, opacity: 0.55 },
    color: theme.palette[(i + 1) % theme.palette.length],
  }));
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: t('survival.cohort.curveTitle'), left: 56, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title } },
    legend: { type: 'scroll', top: 30, left: 56, textStyle: { ...text, fontSize: theme.fontSize.legend } },
    grid: { left: 56, right: 24, top: 72, bottom: 48 },
    xAxis: {
      type: 'category',
      data: Array.from({ length: width }, (_, k) => String(k)),
      name: t('survival.cohort.xAxis'),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { ...text, fontSize: theme.fontSize.axisName },
      axisLabel: { color: theme.text },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { color: theme.text, formatter: (v: number) => pct(v, 0) }, splitLine: { lineStyle: { color: theme.gridLine } } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '–' : pct(Number(v))) },
    series: [
      ...cohortSeries,
      { id: 'average', name: t('survival.cohort.average'), type: 'line', data: result.average, symbol: 'circle', symbolSize: 6, lineStyle: { width: 3 }, color: theme.palette[0], z: 5 },
    ],
  };
}
