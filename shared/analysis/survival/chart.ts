import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { SurvivalGroup, SurvivalResult } from './compute';
import { survivalAt, type KmStep } from './km';
import { formatP, niceStep, num, pct, unitLabel, type Translate } from './format';

export interface SurvivalChartOptions {
  /** Shaded pointwise confidence bands (default on). */
  showCI?: boolean;
  /** Tick marks where customers are censored (default on). */
  showCensor?: boolean;
  /** Dashed lines at S = 0.5 to each reached median (default on). */
  showMedian?: boolean;
  /** Number-at-risk table under the plot (default on). */
  showRiskTable?: boolean;
}

export function groupLabel(t: Translate, g: { name: string | null }): string {
  return g.name === null ? t('survival.all') : g.name === '' ? t('survival.blank') : g.name;
}

/** S(x) of a step curve (right-continuous), for tooltips at any hovered x. */
function stepAt(steps: KmStep[], x: number): KmStep | null {
  let hit: KmStep | null = null;
  for (const s of steps) {
    if (s.time > x) break;
    hit = s;
  }
  return hit;
}

const RIGHT = 32;

/**
 * Kaplan-Meier curves in the survminer style: step curves, shaded CI, censor ticks, dashed
 * medians, legend with n / churned / median, log-rank p on the plot and a number-at-risk table
 * aligned to the x ticks (second grid). Pure: result + t + theme → ECharts option.
 */
export function survivalChartOption(result: SurvivalResult, t: Translate, theme: ChartTheme, opts: SurvivalChartOptions = {}): EChartsOption {
  const { showCI = true, showCensor = true, showMedian = true, showRiskTable = true } = opts;
  const unit = unitLabel(t, result.unit);
  const step = niceStep(result.maxTime, result.unit);
  // The axis ends at the last observed time (data ending at 243 days do not run to 300); ticks and
  // the number-at-risk table stay on the nice steps inside it.
  const xMax = result.maxTime > 0 ? result.maxTime : step;
  const ticks = Array.from({ length: Math.floor(xMax / step + 1e-9) + 1 }, (_, i) => i * step);
  const offStep = Math.abs(xMax / step - Math.round(xMax / step)) > 1e-9;
  const color = (i: number) => theme.palette[i % theme.palette.length];
  const fs = theme.fontSize;
  const text = { color: theme.text, fontFamily: theme.fontFamily };
  const names = result.groups.map((g) => legendName(t, g));
  const short = result.groups.map((g) => groupLabel(t, g));
  // Room on the left for the risk table's group names; legend rows wrap (rough width per character).
  const LEFT = Math.max(72, Math.min(240, 44 + Math.max(...short.map((n) => n.length)) * fs.label * 0.62));
  const legendRows = legendRowCount(names, fs.legend);
  const gridTop = 48 + legendRows * 24;
  // Percent of the height under the plot: the risk table gets one row per group.
  const pb = showRiskTable ? Math.min(40, Math.max(24, 14 + result.groups.length * 5)) : 0;
  const plotBottom = showRiskTable ? `${pb}%` : 64;

  const series: SeriesOption[] = [];
  result.groups.forEach((g, i) => {
    const c = color(i);
    const pts = curvePoints(g.steps);
    if (showCI) {
      const lo = pts.map((p) => [p.time, p.lower]);
      const band = pts.map((p) => [p.time, p.lower === null || p.upper === null ? null : p.upper - p.lower]);
      const common = { name: names[i], type: 'line' as const, step: 'end' as const, stack: `ci-${i}`, symbol: 'none', silent: true, xAxisIndex: 0, yAxisIndex: 0, tooltip: { show: false } };
      series.push({ ...common, id: `ci-lower-${i}`, data: lo, lineStyle: { opacity: 0 } });
      series.push({ ...common, id: `ci-band-${i}`, data: band, lineStyle: { opacity: 0 }, areaStyle: { color: c, opacity: theme.mode === 'dark' ? 0.22 : 0.15 } });
    }
    const median = showMedian && g.median !== null ? g.median : null;
    series.push({
      id: `curve-${i}`,
      name: names[i],
      type: 'line',
      step: 'end',
      symbol: 'none',
      xAxisIndex: 0,
      yAxisIndex: 0,
      color: c,
      lineStyle: { width: 2, color: c },
      data: pts.map((p) => [p.time, p.survival]),
      z: 3,
      markLine:
        median === null
          ? undefined
          : {
              silent: true,
              symbol: 'none',
              label: { show: false },
              lineStyle: { type: 'dashed', color: theme.mutedText, width: 1 },
              data: [
                [{ coord: [0, 0.5] }, { coord: [median, 0.5] }],
                [{ coord: [median, 0.5] }, { coord: [median, 0] }],
              ],
            },
    });
    if (showCensor) {
      series.push({
        id: `censor-${i}`,
        name: names[i],
        type: 'scatter',
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbol: 'rect',
        symbolSize: [1.5, 8],
        color: c,
        silent: true,
        tooltip: { show: false },
        z: 4,
        data: g.steps.filter((s) => s.nCensor > 0).map((s) => [s.time, s.survival]),
      });
    }
    if (showRiskTable) {
      const atRisk = survivalAt(g.steps, ticks, { confType: result.spec.confType, confLevel: result.spec.confLevel });
      series.push({
        id: `risk-${i}`,
        name: names[i],
        type: 'scatter',
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbolSize: 0,
        silent: true,
        tooltip: { show: false },
        label: { show: true, position: 'inside', formatter: '{@[2]}', color: c, fontSize: fs.label, fontFamily: theme.fontFamily },
        data: atRisk.map((a) => [a.time, short[i], a.nRisk]),
      });
    }
  });

  const lr = result.logrank;
  const p = lr ? formatP(lr.p, lr.log10p) : null;
  const pText = p ? t(p.below ? 'survival.chart.logrankPBelow' : 'survival.chart.logrankP', { p: p.text }) : null;
  const xAxisBase = { type: 'value' as const, min: 0, max: xMax, interval: step };

  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily },
    color: result.groups.map((_, i) => color(i)),
    title: [
      { text: t('survival.chart.title'), left: LEFT, top: 4, textStyle: { ...text, fontSize: fs.title } },
      ...(showRiskTable ? [{ text: t('survival.chart.atRisk'), left: 8, top: `${100 - pb + 6}%`, textStyle: { ...text, fontSize: fs.axisName, fontWeight: 'bold' as const } }] : []),
    ],
    legend: { data: names, top: 30, left: LEFT, right: RIGHT, textStyle: { ...text, fontSize: fs.legend } },
    grid: [
      { left: LEFT, right: RIGHT, top: gridTop, bottom: plotBottom, containLabel: false },
      ...(showRiskTable ? [{ left: LEFT, right: RIGHT, top: `${100 - pb + 11}%`, bottom: 8, containLabel: false }] : []),
    ],
    xAxis: [
      {
        ...xAxisBase,
        gridIndex: 0,
        name: t('survival.chart.xAxis', { unit }),
        nameLocation: 'middle',
        nameGap: 28,
        nameTextStyle: { ...text, fontSize: fs.axisName },
        // An end between two steps gets no label of its own (it would crowd the last step's).
        axisLabel: { color: theme.text, fontSize: fs.axisLabel, showMaxLabel: !offStep },
        axisLine: { lineStyle: { color: theme.axisLine } },
        splitLine: { show: false },
      },
      ...(showRiskTable
        ? [{ ...xAxisBase, gridIndex: 1, axisLabel: { show: false }, axisTick: { show: false }, axisLine: { show: false }, splitLine: { show: false } }]
        : []),
    ],
    yAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: 1,
        interval: 0.25,
        name: t('survival.chart.yAxis'),
        nameLocation: 'middle',
        nameGap: 48,
        nameTextStyle: { ...text, fontSize: fs.axisName },
        axisLabel: { color: theme.text, fontSize: fs.axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` },
        axisLine: { show: true, lineStyle: { color: theme.axisLine } },
        splitLine: { lineStyle: { color: theme.gridLine } },
      },
      ...(showRiskTable
        ? [
            {
              type: 'category' as const,
              gridIndex: 1,
              data: short,
              inverse: true,
              axisLine: { show: false },
              axisTick: { show: false },
              axisLabel: {
                // clear of the centred numbers at x = 0
                margin: 26,
                fontSize: fs.label,
                formatter: (v: string, idx: number) => `{g${idx}|${v}}`,
                rich: Object.fromEntries(short.map((_, i) => [`g${i}`, { color: color(i), fontWeight: 'bold' as const, fontSize: fs.label }])),
              },
            },
          ]
        : []),
    ],
    graphic: pText ? [{ type: 'text', left: LEFT + 14, ...(showRiskTable ? { top: `${100 - pb - 10}%` } : { bottom: 64 + 36 }), style: { text: pText, fill: theme.text, font: `${fs.label + 1}px ${theme.fontFamily}` } }] : [],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'line' },
      formatter: (params: unknown) => tooltipText(result, t, unit, params),
    },
    series,
  };
}

/**
 * Legend rows when items wrap: pack each item (text + icon) greedily into a conservative 640 px line,
 * so long names (quantile bands, payment methods) push the plot down instead of overlapping it.
 */
export function legendRowCount(names: string[], fontSize: number, width = 640): number {
  let rows = 1;
  let used = 0;
  for (const n of names) {
    const w = n.length * fontSize * 0.58 + 44;
    if (used > 0 && used + w > width) {
      rows++;
      used = 0;
    }
    used += w;
  }
  return rows;
}

function legendName(t: Translate, g: SurvivalGroup): string {
  const median = g.median === null ? t('survival.chart.medianNotReached') : num(g.median, 1);
  return t('survival.chart.legend', { name: groupLabel(t, g), n: g.n, events: g.events, median });
}

/** Points of the step curve, starting at (0, 1) as R's plot does. */
function curvePoints(steps: KmStep[]): Pick<KmStep, 'time' | 'survival' | 'lower' | 'upper'>[] {
  const start = { time: 0, survival: 1, lower: 1, upper: 1 };
  return [start, ...steps.map((s) => ({ time: s.time, survival: s.survival, lower: s.lower, upper: s.upper }))];
}

function tooltipText(result: SurvivalResult, t: Translate, unit: string, params: unknown): string {
  const list = Array.isArray(params) ? params : [params];
  const x = Number((list[0] as { axisValue?: unknown })?.axisValue ?? 0);
  const lines = [t('survival.chart.tooltipTime', { time: num(x, 1), unit })];
  for (const g of result.groups) {
    const s = stepAt(g.steps, x);
    const nRisk = g.steps.find((st) => st.time >= x)?.nRisk ?? 0;
    lines.push(
      t('survival.chart.tooltipSurvival', {
        name: groupLabel(t, g),
        s: pct(s ? s.survival : 1),
        lo: pct(s ? s.lower : 1),
        hi: pct(s ? s.upper : 1),
        nRisk,
      }),
    );
  }
  return lines.join('<br/>');
}
