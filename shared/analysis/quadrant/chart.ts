import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { Translate } from '../survival/format';
import { axisValues, escapeHtml, fmt, gridBoxes, niceRange, solid, zoneSides, type AxisRange } from './chartLayout';
import { placeLabels } from './labelPlacement';
import type { DriverResult, GroupResult, QuadrantResult } from './result';
import { ZONES, type Zone } from './zones';

export interface QuadrantChartOptions {
  /** Logical size the option is laid out for (label placement); the UI passes its panel size. */
  width?: number;
  height?: number;
  /** 'segments' (default when the result has segments): one small multiple per segment on shared axes. */
  view?: 'overall' | 'segments';
}

type Renderable = DriverResult & { performance: number; importance: number };
const renderable = (d: DriverResult): d is Renderable => d.performance !== null && d.importance !== null;

/**
 * The importance-performance chart: drivers as points (x = performance, y = importance, or swapped by
 * spec.axes), crosshair lines, the four zones shaded and named, error bars (bootstrap percentile
 * intervals; without bootstrap the t interval of the mean rating), tooltips with n, mean ± 95% CI and
 * importance. With segments: small multiples on shared axes, each with its own crosshair.
 */
export function quadrantChartOption(result: QuadrantResult, t: Translate, theme: ChartTheme, opts: QuadrantChartOptions = {}): EChartsOption {
  const W = opts.width ?? 960;
  const H = opts.height ?? 540;
  const groups = (opts.view ?? (result.segments.length ? 'segments' : 'overall')) === 'segments' && result.segments.length ? result.segments : [result.overall];
  const perfX = result.spec.axes !== 'importance-x';
  const vals = axisValues(groups);
  const perfRange = niceRange(vals.performance);
  const impRange = niceRange(vals.importance);
  const xr = perfX ? perfRange : impRange;
  const yr = perfX ? impRange : perfRange;
  const xy = (perf: number, imp: number): [number, number] => (perfX ? [perf, imp] : [imp, perf]);
  const layout = gridBoxes(groups.length);
  const small = groups.length > 1;
  const fontSize = small ? Math.max(10, theme.fontSize.label - 1) : theme.fontSize.label;
  const perfName = t('quadrant.axis.performance');
  const impName = t(`quadrant.axis.importance.${result.method}`);

  const option: EChartsOption = {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    title: [
      {
        text: t('quadrant.title'),
        subtext: t('quadrant.subtitle', {
          method: t(`quadrant.method.${result.method}`),
          rows: result.overall.rows.toLocaleString('en-US'),
          crosshair: t(`quadrant.crosshairType.${result.spec.crosshair.type}`),
        }),
        left: 'center',
        top: 6,
        textStyle: { color: theme.text, fontSize: theme.fontSize.title, fontWeight: 600 },
        subtextStyle: { color: theme.mutedText, fontSize: theme.fontSize.subtitle },
      },
    ],
    tooltip: { trigger: 'item', confine: true },
    grid: [],
    xAxis: [],
    yAxis: [],
    series: [],
  };
  const titles = option.title as object[];
  const grids = option.grid as object[];
  const xAxes = option.xAxis as object[];
  const yAxes = option.yAxis as object[];
  const series = option.series as object[];

  groups.forEach((g, gi) => {
    const box = layout.boxes[gi];
    const col = gi % layout.cols;
    const lastRow = gi + layout.cols >= groups.length;
    grids.push({ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` });
    if (small) {
      titles.push({
        text: t('quadrant.segmentTitle', { segment: g.segment ?? t('quadrant.overall'), rows: g.rows.toLocaleString('en-US') }),
        left: `${box.left + box.width / 2}%`,
        top: `${box.top - 4.5}%`,
        textAlign: 'center',
        textStyle: { color: theme.text, fontSize: theme.fontSize.axisName, fontWeight: 600 },
      });
    }
    // Shared axes: names and tick labels once per row/column, not in every panel.
    xAxes.push(axis(theme, xr, perfX ? perfName : impName, gi, !small || lastRow, perfX ? 2 : 3));
    yAxes.push(axis(theme, yr, perfX ? impName : perfName, gi, !small || col === 0, perfX ? 3 : 2));
    const drivers = g.drivers.filter(renderable);
    series.push(zoneAndPointSeries(g, drivers, gi, { t, theme, xr, yr, xy, perfX, fontSize, box, W, H }));
    series.push(errorBarSeries(drivers, gi, theme, perfX));
  });
  return option;
}

function axis(theme: ChartTheme, r: AxisRange, name: string, gi: number, showName: boolean, digits: number) {
  return {
    type: 'value',
    gridIndex: gi,
    min: r.min,
    max: r.max,
    interval: r.step,
    name: showName ? name : '',
    axisLabel: { show: showName, color: theme.mutedText, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => Number(v.toFixed(digits)).toString() },
    nameLocation: 'middle',
    nameGap: 30,
    nameTextStyle: { color: theme.text, fontSize: theme.fontSize.axisName },
    axisLine: { show: true, onZero: false, lineStyle: { color: theme.axisLine } },
    splitLine: { show: false },
  };
}

interface Ctx {
  t: Translate;
  theme: ChartTheme;
  xr: AxisRange;
  yr: AxisRange;
  xy: (perf: number, imp: number) => [number, number];
  perfX: boolean;
  fontSize: number;
  box: { left: number; top: number; width: number; height: number };
  W: number;
  H: number;
}

function zoneAndPointSeries(g: GroupResult, drivers: Renderable[], gi: number, c: Ctx) {
  const { t, theme, xr, yr } = c;
  const markerRadius = 6;
  // Pixel positions for the label placement (the option's own layout at W × H).
  const px = { x: (c.box.left / 100) * c.W, y: (c.box.top / 100) * c.H, w: (c.box.width / 100) * c.W, h: (c.box.height / 100) * c.H };
  const toPx = ([x, y]: [number, number]) => ({ x: px.x + ((x - xr.min) / (xr.max - xr.min)) * px.w, y: px.y + (1 - (y - yr.min) / (yr.max - yr.min)) * px.h });
  const order = drivers.map((_, i) => i).sort((a, b) => drivers[b].importance - drivers[a].importance);
  const pts = order.map((i) => {
    const d = drivers[i];
    const p = toPx(c.xy(d.performance, d.importance));
    // Error bars are obstacles too: a label beside the point starts beyond the bar's end.
    const [pLo, pHi] = d.bootstrap?.performanceCI ?? d.performanceCI ?? [d.performance, d.performance];
    const [iLo, iHi] = d.bootstrap?.importanceCI ?? [d.importance, d.importance];
    const a = toPx(c.xy(pLo, iLo));
    const b = toPx(c.xy(pHi, iHi));
    return { ...p, text: d.label, rx: Math.max(Math.abs(a.x - p.x), Math.abs(b.x - p.x)), ry: Math.max(Math.abs(a.y - p.y), Math.abs(b.y - p.y)) };
  });
  const cross = g.crosshair ? toPx(c.xy(g.crosshair.performance, g.crosshair.importance)) : null;
  const placed = placeLabels(pts, px, { fontSize: c.fontSize, markerRadius, lines: cross ? { x: [cross.x], y: [cross.y] } : undefined });
  // ECharts places an array position relative to the symbol's box (top-left), text anchored top-left.
  const labelAt = new Map(order.map((i, k) => {
    return [i, [placed[k].rect.x - (pts[k].x - markerRadius), placed[k].rect.y - (pts[k].y - markerRadius)]];
  }));
  const data = drivers.map((d, i) => {
    const uncertain = !!d.bootstrap && (d.bootstrap.crossesImportance || d.bootstrap.crossesPerformance);
    const color = solid(theme.zones[d.zone ?? 'low']);
    return {
      name: d.label,
      value: c.xy(d.performance, d.importance),
      symbol: uncertain ? 'emptyCircle' : 'circle',
      itemStyle: { color, borderColor: uncertain ? color : theme.background === 'transparent' ? theme.text : theme.background, borderWidth: uncertain ? 2 : 1 },
      // Where a crossing cannot be avoided, the label sits on a patch of the background above the line.
      label: { show: true, formatter: d.label, color: theme.text, fontSize: c.fontSize, lineHeight: Math.round(c.fontSize * 1.3), position: labelAt.get(i), align: 'left', verticalAlign: 'top', ...(theme.background !== 'transparent' ? { backgroundColor: theme.background, borderRadius: 2 } : {}) },
      tip: tooltip(d, t),
    };
  });
  const ch = g.crosshair;
  const zoneAreas = ch
    ? ZONES.map((z: Zone) => {
        const s = zoneSides(z, c.perfX);
        const [cx, cy] = c.xy(ch.performance, ch.importance);
        const x0 = s.xHigh ? cx : xr.min;
        const x1 = s.xHigh ? xr.max : cx;
        const y0 = s.yHigh ? cy : yr.min;
        const y1 = s.yHigh ? yr.max : cy;
        const pos = `inside${s.yHigh ? 'Top' : 'Bottom'}${s.xHigh ? 'Right' : 'Left'}`;
        return [
          {
            name: t(`quadrant.zone.${z}`),
            coord: [x0, y0],
            itemStyle: { color: theme.zones[z] },
            label: { show: true, position: pos, color: solid(theme.zones[z]), fontSize: c.fontSize + 1, fontWeight: 600 },
          },
          { coord: [x1, y1] },
        ];
      })
    : [];
  const lineStyle = { color: theme.mutedText, type: 'dashed', width: 1.2 };
  return {
    type: 'scatter',
    name: g.segment ?? t('quadrant.overall'),
    xAxisIndex: gi,
    yAxisIndex: gi,
    symbolSize: markerRadius * 2,
    data,
    tooltip: { formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '' },
    emphasis: { focus: 'self', label: { fontWeight: 600 } },
    markArea: { silent: true, data: zoneAreas },
    markLine: ch
      ? {
          silent: true,
          symbol: 'none',
          // Under the driver labels (ECharts draws mark lines at z 5, above the series' labels).
          z: 2,
          lineStyle,
          label: { show: false },
          data: c.perfX ? [{ xAxis: ch.performance }, { yAxis: ch.importance }] : [{ xAxis: ch.importance }, { yAxis: ch.performance }],
        }
      : undefined,
    z: 3,
  };
}

function tooltip(d: DriverResult, t: Translate): string {
  const lines = [`<b>${escapeHtml(d.label)}</b>`, t('quadrant.tooltip.n', { n: d.n.toLocaleString('en-US') })];
  const ci = d.performanceCI;
  lines.push(
    ci
      ? t('quadrant.tooltip.performance', { mean: fmt(d.performance, 2), half: fmt((ci[1] - ci[0]) / 2, 2), lo: fmt(ci[0], 2), hi: fmt(ci[1], 2) })
      : t('quadrant.tooltip.performanceNoCi', { mean: fmt(d.performance, 2) }),
    t('quadrant.tooltip.importance', { value: fmt(d.importance, 3), n: d.nImportance.toLocaleString('en-US') }),
  );
  const b = d.bootstrap;
  if (b) {
    lines.push(t('quadrant.tooltip.bootstrap', { plo: fmt(b.performanceCI?.[0], 2), phi: fmt(b.performanceCI?.[1], 2), ilo: fmt(b.importanceCI?.[0], 3), ihi: fmt(b.importanceCI?.[1], 3) }));
    if (b.crossesImportance || b.crossesPerformance) lines.push(`<i>${escapeHtml(t('quadrant.tooltip.uncertain'))}</i>`);
  }
  if (d.zone) lines.push(t('quadrant.tooltip.zone', { zone: t(`quadrant.zone.${d.zone}`) }));
  return lines.join('<br/>');
}

/** Error bars: [x, y, xLo, xHi, yLo, yHi] per driver (NaN = no interval on that axis). */
function errorBarSeries(drivers: Renderable[], gi: number, theme: ChartTheme, perfX: boolean) {
  const data = drivers.map((d) => {
    const p = d.bootstrap?.performanceCI ?? d.performanceCI;
    const i = d.bootstrap?.importanceCI ?? null;
    const [pLo, pHi] = p ?? [NaN, NaN];
    const [iLo, iHi] = i ?? [NaN, NaN];
    return perfX ? [d.performance, d.importance, pLo, pHi, iLo, iHi] : [d.importance, d.performance, iLo, iHi, pLo, pHi];
  });
  const renderItem: CustomSeriesRenderItem = (_params, api) => {
    const v = (k: number) => Number(api.value(k));
    const style = { stroke: theme.mutedText, lineWidth: 1.2 };
    const cap = 3;
    const children: object[] = [];
    const seg = (a: number[], b: number[]) => children.push({ type: 'line', shape: { x1: a[0], y1: a[1], x2: b[0], y2: b[1] }, style });
    if (Number.isFinite(v(2)) && Number.isFinite(v(3))) {
      const a = api.coord([v(2), v(1)]);
      const b = api.coord([v(3), v(1)]);
      seg(a, b);
      seg([a[0], a[1] - cap], [a[0], a[1] + cap]);
      seg([b[0], b[1] - cap], [b[0], b[1] + cap]);
    }
    if (Number.isFinite(v(4)) && Number.isFinite(v(5))) {
      const a = api.coord([v(0), v(4)]);
      const b = api.coord([v(0), v(5)]);
      seg(a, b);
      seg([a[0] - cap, a[1]], [a[0] + cap, a[1]]);
      seg([b[0] - cap, b[1]], [b[0] + cap, b[1]]);
    }
    return { type: 'group', children } as ReturnType<CustomSeriesRenderItem>;
  };
  return { type: 'custom', xAxisIndex: gi, yAxisIndex: gi, data, renderItem, silent: true, tooltip: { show: false }, z: 2, encode: { x: 0, y: 1 } };
}
