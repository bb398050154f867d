import type { EChartsOption } from 'echarts';

/** Font stack that renders Latin and Chinese on slides (Noto CJK is installed with the app's fonts on Linux). */
export const SLIDE_FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

/**
 * Turn an on-screen option into a slide option: light background (white or transparent) whatever the
 * app theme, no animation, no toolbox/dataZoom slider, tooltips off (no hover artefacts), and one font.
 */
export function slideOption(option: EChartsOption, opts: { background?: 'white' | 'transparent' } = {}): EChartsOption {
  const out: EChartsOption = {
    ...option,
    animation: false,
    backgroundColor: opts.background === 'transparent' ? 'transparent' : '#ffffff',
    textStyle: { ...(option.textStyle as object), fontFamily: SLIDE_FONT },
    tooltip: { show: false },
  };
  delete (out as Record<string, unknown>).toolbox;
  if (out.dataZoom) {
    const dz = Array.isArray(out.dataZoom) ? out.dataZoom : [out.dataZoom];
    out.dataZoom = dz.filter((d) => d && (d as { type?: string }).type !== 'slider');
  }
  return out;
}
