import type { EChartsOption } from 'echarts';
import { SLIDE_THEME, type ChartTheme } from '../../shared/charts/theme';
import { PRESETS, pixelSize, validateSize, type ExportSize } from '../../shared/export/exportSizes';
import { exportFileName } from '../../shared/export/tableExport';
import type { HostApi, SaveResult } from '../../shared/host/HostApi';

/**
 * Builds the chart's option for a theme: export calls it again with SLIDE_THEME (never the screen option),
 * and with the logical size it lays the picture out in (a drawn table places its rows by it).
 */
export type ChartBuilder = (theme: ChartTheme, size?: { width: number; height: number }) => EChartsOption;

export type SizePreset = 'slide16x9' | 'slide4x3' | 'view' | 'custom';
export type ChartExportFormat = 'png' | 'svg' | 'clipboard';

export const PNG_SCALES = [1, 2, 3] as const;

/** Logical size (what the chart is laid out in) for a preset; `view` and `custom` carry their own. */
export function presetSize(preset: SizePreset, view: { width: number; height: number }, custom: { width: number; height: number }): { width: number; height: number } {
  if (preset === 'slide16x9' || preset === 'slide4x3') return { width: PRESETS[preset].width, height: PRESETS[preset].height };
  const s = preset === 'view' ? view : custom;
  return { width: Math.round(s.width), height: Math.round(s.height) };
}

/**
 * The chart as an SVG string, laid out off-screen at `size` with the slide theme (white ground, slide
 * type sizes, no tooltip/toolbox). The full ECharts build is loaded only when something is exported.
 */
export async function chartSvg(build: ChartBuilder, size: { width: number; height: number }, theme: ChartTheme = SLIDE_THEME): Promise<string> {
  const { renderChartSvg } = await import('../../shared/export/renderSvg');
  return renderChartSvg(build(theme, { width: size.width, height: size.height }), size);
}

/**
 * Rasterise an export SVG at `scale` × its logical size. The browser draws the vector image straight
 * at the target resolution (no upscaled bitmap); text uses the system fonts (Noto CJK for Chinese).
 */
export async function svgToPngBlob(svg: string, size: { width: number; height: number }, scale: number): Promise<Blob> {
  const px = pixelSize({ ...size, scale });
  validateSize({ ...size, scale });
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = px.width;
  canvas.height = px.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, px.width, px.height);
  ctx.drawImage(img, 0, 0, px.width, px.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export interface ChartExportRequest {
  build: ChartBuilder;
  /** Logical layout size; PNG pixels = size × scale. */
  size: ExportSize;
  format: ChartExportFormat;
  /** File name stem (e.g. the chart's finding); a date and the extension are added. */
  title: string;
}

/** Export one chart: SVG or PNG through host.saveFile, or a PNG on the clipboard. */
export async function exportChart(host: HostApi, req: ChartExportRequest): Promise<SaveResult> {
  validateSize(req.size);
  const svg = await chartSvg(req.build, req.size);
  if (req.format === 'svg') {
    return host.saveFile({ suggestedName: exportFileName(req.title, 'svg'), data: svg, filters: [{ name: 'SVG', extensions: ['svg'] }] });
  }
  const png = await svgToPngBlob(svg, req.size, req.size.scale);
  if (req.format === 'clipboard') {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return { saved: true };
  }
  const name = exportFileName(req.size.scale === 1 ? req.title : `${req.title} @${req.size.scale}x`, 'png');
  return host.saveFile({ suggestedName: name, data: new Uint8Array(await png.arrayBuffer()), filters: [{ name: 'PNG', extensions: ['png'] }] });
}
