import type { EChartsOption } from 'echarts';
import { pct } from '../survival/format';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Dark or white text, whichever reads better on `fill` (a colour between the scale's ends). */
export function labelColourOn(low: string, high: string, ratio: number): string {
  const a = rgb(low);
  const b = rgb(high);
  const k = Math.max(0, Math.min(1, ratio));
  const fill = a.map((v, i) => v + (b[i] - v) * k) as Rgb;
  const l = luminance(fill);
  // Contrast against white (1.05 / (l + 0.05)) vs near-black (l + 0.05) / 0.05: pick the larger.
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#1f2328';
}

/**
 * The shared heatmap draws every label in the theme's text colour, which vanishes on the deep end of
 * the scale (dark text on dark blue, light text on light blue): colour each cell's label by its fill,
 * and label the colour scale's ends.
 */
export function readableHeatmap(option: EChartsOption): EChartsOption {
  const vm = option.visualMap as { min?: number; max?: number; inRange?: { color?: string[] } } | undefined;
  const colours = vm?.inRange?.color;
  const series = (option.series as { type?: string; data?: unknown[] }[] | undefined) ?? [];
  if (!vm || !colours || colours.length < 2) return option;
  const [low, high] = [colours[0], colours[colours.length - 1]];
  const min = vm.min ?? 0;
  const max = vm.max ?? 1;
  return {
    ...option,
    visualMap: { ...vm, text: [pct(max, 0), pct(min, 0)], itemHeight: 160 } as EChartsOption['visualMap'],
    series: series.map((s) =>
      s.type !== 'heatmap'
        ? s
        : {
            ...s,
            data: (s.data ?? []).map((d) => {
              // Idempotent: items already wrapped ({ value, label }) are re-coloured from their value.
              const value = (Array.isArray(d) ? d : (d as { value: [number, number, number] }).value) as [number, number, number];
              return { value, label: { color: labelColourOn(low, high, max > min ? (value[2] - min) / (max - min) : 1) } };
            }),
          },
    ) as EChartsOption['series'],
  };
}
