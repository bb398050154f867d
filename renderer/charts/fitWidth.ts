import type { EChartsOption } from 'echarts';

/** Below this width (px) a chart's titles and top axis names are cut to fit instead of overlapping. */
export const NARROW_CHART = 600;

type Obj = Record<string, unknown>;
const list = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : x ? [x as Obj] : []);
const same = (orig: unknown, next: Obj[]) => (Array.isArray(orig) ? next : next[0]);

/**
 * The option as drawn in a narrow box (a split editor): titles and subtitles end in "…" at the box's
 * width (the headline above the chart still says it in full), and axis names drawn at the top of
 * vertical axes share the width so a left and a right axis name never overprint each other.
 * Wide boxes and exports at slide size get the option unchanged.
 */
export function fitWidth(option: EChartsOption, width: number): EChartsOption {
  if (!(width > 0) || width >= NARROW_CHART) return option;
  const room = Math.max(80, width - 32);
  const out: Obj = { ...(option as Obj) };
  if (option.title) {
    out.title = same(option.title, list(option.title).map((t) => ({
      ...t,
      textStyle: { ...(t.textStyle as Obj), width: room, overflow: 'truncate', ellipsis: '…' },
      subtextStyle: { ...(t.subtextStyle as Obj), width: room, overflow: 'truncate', ellipsis: '…' },
    })));
  }
  const ys = list(option.yAxis);
  const topNames = ys.filter((a) => a.name && a.nameLocation === 'end').length;
  if (topNames > 0) {
    const maxWidth = Math.max(48, Math.floor((width - 120) / topNames));
    out.yAxis = same(option.yAxis, ys.map((a) => (a.name && a.nameLocation === 'end' ? { ...a, nameTruncate: { maxWidth, ellipsis: '…' } } : a)));
  }
  return out as EChartsOption;
}
