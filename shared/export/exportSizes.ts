/**
 * Export sizes are LOGICAL pixels (what the chart is laid out in) times a pixel ratio. A 16:9 slide
 * image is laid out at 960×540 and rendered at 2× → 1920×1080 pixels: ECharts' text then has slide
 * proportions; laying out at 1920×1080 would leave 12 px labels unreadably small on a slide.
 */
export interface ExportSize {
  width: number;
  height: number;
  scale: number;
}

export const PRESETS = {
  slide16x9: { width: 960, height: 540, scale: 2 },
  slide4x3: { width: 800, height: 600, scale: 2 },
} as const satisfies Record<string, ExportSize>;

export type PresetName = keyof typeof PRESETS;

export function pixelSize(s: ExportSize): { width: number; height: number } {
  return { width: Math.round(s.width * s.scale), height: Math.round(s.height * s.scale) };
}

export function validateSize(s: ExportSize): ExportSize {
  const ok = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;
  if (!ok(s.width, 100, 8000) || !ok(s.height, 100, 8000)) throw new RangeError(`Export size ${s.width}×${s.height} is outside 100–8000 px`);
  if (!ok(s.scale, 0.5, 4)) throw new RangeError(`Export scale ${s.scale} is outside 0.5–4`);
  if (s.width * s.scale * s.height * s.scale > 64e6) throw new RangeError('Export image would exceed 64 megapixels');
  return s;
}
