import type { ChartTheme } from '../../charts/theme';
import type { TFunction } from '../../i18n/i18n';
import type { ParetoClassName } from './types';

/** What every Pareto chart function takes besides the result. */
export interface ParetoChartContext {
  t: TFunction;
  theme: ChartTheme;
  /** The value's display name, e.g. "Total Charges" (the column name or the user's label). */
  valueLabel: string;
  /** The group column's display name (class-mix chart). */
  groupLabel?: string;
}

/** Title block: the finding as the title, the supporting number as the subtitle. */
export function titleBlock(theme: ChartTheme, text: string, subtext?: string) {
  return {
    text,
    subtext,
    left: 'center',
    top: 8,
    textStyle: { color: theme.text, fontSize: theme.fontSize.title, fontWeight: 600 as const },
    subtextStyle: { color: theme.mutedText, fontSize: theme.fontSize.subtitle },
  };
}

export function baseOption(theme: ChartTheme) {
  return {
    backgroundColor: theme.background,
    textStyle: { fontFamily: theme.fontFamily, color: theme.text },
    grid: { left: 24, right: 24, top: 96, bottom: 56, containLabel: true },
  };
}

/** A value axis; `percent` shows 0–max with a "%" on the labels. */
export function valueAxis(theme: ChartTheme, name: string, opts: { percent?: boolean; max?: number; position?: 'left' | 'right'; location?: 'middle' | 'end' } = {}) {
  return {
    type: 'value' as const,
    name,
    nameLocation: opts.location ?? ('middle' as const),
    nameGap: opts.location === 'end' ? 12 : 40,
    // A name at the top of a vertical axis grows inward, so it is never clipped at the chart's edge.
    nameTextStyle: { color: theme.text, fontSize: theme.fontSize.axisName, align: opts.location === 'end' ? (opts.position === 'right' ? 'right' : 'left') : undefined },
    position: opts.position,
    min: opts.percent ? 0 : undefined,
    max: opts.max,
    axisLine: { show: true, lineStyle: { color: theme.axisLine } },
    axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, ...(opts.percent ? { formatter: '{value}%' } : {}) },
    splitLine: { show: opts.position !== 'right', lineStyle: { color: theme.gridLine } },
  };
}

/** Space (px) between a value label and its bar, so the text sits clear of the bar on screen and on slides. */
export const BAR_LABEL_GAP = 10;

/** A value label above a bar (shared by every bar chart and its PNG/SVG/PPTX exports). */
export function barTopLabel(theme: ChartTheme) {
  return { show: true, position: 'top' as const, distance: BAR_LABEL_GAP, color: theme.text, fontSize: theme.fontSize.label };
}

export function classColor(theme: ChartTheme, c: ParetoClassName): string {
  return theme.classes[c];
}

/** Percent on a 0–100 axis, rounded to keep the option small (the exact shares stay in the result). */
export function pct(x: number): number {
  return Math.round(x * 1e6) / 1e4;
}

/** Black or white, whichever reads better on a #rrggbb fill (relative luminance). */
export function contrastText(fill: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(fill);
  if (!m) return '#1f2328';
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.179 ? '#1f2328' : '#ffffff';
}

type TipParam = { marker?: string; seriesName?: string; seriesType?: string; value?: unknown };

const oneDecimal = (v: number) => (Math.round(v * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const amount = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * Axis tooltips with shares as "93.7%" (one decimal everywhere) instead of ECharts' raw 93.7462;
 * bars (values per customer) as grouped amounts. The header is the share of customers.
 */
export function shareTooltip(customersLabel: string) {
  return {
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const list = (Array.isArray(params) ? params : [params]) as TipParam[];
      const xy = (p: TipParam) => (Array.isArray(p.value) ? (p.value as number[]) : [Number.NaN, Number(p.value)]);
      const x = xy(list[0] ?? {})[0];
      const head = Number.isFinite(x) ? `${customersLabel}: ${oneDecimal(x)}%` : '';
      const rows = list.map((p) => {
        const y = xy(p)[1];
        const text = !Number.isFinite(y) ? '–' : p.seriesType === 'bar' ? amount(y) : `${oneDecimal(y)}%`;
        return `${p.marker ?? ''}${p.seriesName ?? ''}: <b>${text}</b>`;
      });
      return [head, ...rows].filter(Boolean).join('<br/>');
    },
  };
}
