import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import { pct, type Translate } from '../survival/format';
import type { CohortResult } from './compute';
import { readableHeatmap } from './heatmapLabels';

/**
 * Cohort triangle: cohorts down, periods since the first purchase across, % retained in each
 * cell with a colour scale; unobserved cells (after the data ends) stay empty, not 0%.
 */
/** The note under a chart when the last period is partial (its cells are marked with *). */
export function partialNote(result: CohortResult, t: Translate): string | undefined {
  const p = result.partial;
  if (!p) return undefined;
  return t(p.included ? 'survival.cohort.partialIncluded' : 'survival.cohort.partialNote', { period: p.period, date: p.dataEnd });
}

export function cohortHeatmapOption(result: CohortResult, t: Translate, theme: ChartTheme): EChartsOption {
  return readableHeatmap(heatmapOption(result, t, theme));
}

function heatmapOption(result: CohortResult, t: Translate, theme: ChartTheme): EChartsOption {
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
    title: { text: t('survival.cohort.title'), subtext: partialNote(result, t), left: 8, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title }, subtextStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    grid: { left: 8, right: 24, top: result.partial ? 68 : 48, bottom: 80, containLabel: true },
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
        const line = t('survival.cohort.tooltip', { cohort: c.cohort, offset: k, pct: pct(r), active: c.active[k], size: c.size });
        return c.partialAt === k ? `${line}<br/>${partialNote(result, t)}` : line;
      },
    },
    series: [
      {
        id: 'cohort-heatmap',
        name: t('survival.cohort.retention'),
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: theme.fontSize.label,
          color: theme.text,
          formatter: (p: unknown) => {
            const [k, y, r] = (p as { value: number[] }).value;
            // A cell of a partial last period: marked, as the note under the title says.
            return result.cohorts[y]?.partialAt === k ? `${pct(r, 1)}*` : pct(r, 1);
          },
        },
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
  const average = t('survival.cohort.average');
  const partialName = t('survival.cohort.partialLegend');
  // Points of a partial last period: hollow markers of their own series (left out of the average by default).
  const partialPoints = result.cohorts.flatMap((c) => (c.partialAt === null || c.partialAt === 0 || c.retention[c.partialAt] === null ? [] : [[c.partialAt, c.retention[c.partialAt] as number]]));
  const accent = theme.palette[0];
  // Cohort colours skip the average's own colour so no cohort shares it.
  const others = theme.palette.filter((c) => c !== accent);
  cohortSeries.forEach((s, i) => ((s as { color: string }).color = others[i % others.length]));
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    title: { text: t('survival.cohort.curveTitle'), subtext: partialNote(result, t), left: 56, top: 4, textStyle: { ...text, fontSize: theme.fontSize.title }, subtextStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    // The average (and the partial marker) first, so they are on the legend's first page.
    legend: { type: 'scroll', top: result.partial ? 48 : 30, left: 56, right: 24, data: [average, ...(partialPoints.length ? [partialName] : []), ...result.cohorts.map((c) => c.cohort)], textStyle: { ...text, fontSize: theme.fontSize.legend } },
    grid: { left: 56, right: 24, top: result.partial ? 90 : 72, bottom: 48 },
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
      { id: 'average', name: average, type: 'line', data: result.average, symbol: 'circle', symbolSize: 6, lineStyle: { width: 3 }, color: accent, z: 5 },
      ...(partialPoints.length
        ? [{ id: 'partial', name: partialName, type: 'scatter' as const, data: partialPoints, symbol: 'emptyCircle', symbolSize: 9, itemStyle: { color: theme.text, borderWidth: 1.5 }, z: 6 }]
        : []),
    ],
  };
}
