import { writeFileSync } from 'node:fs';
import type { EChartsOption } from 'echarts';
import { PRESETS, validateSize, type ExportSize } from '../export/exportSizes';
import { TenureError } from '../errors';
import type { CliContext, CliOptions } from './cliTypes';

/** Options every analysis command accepts for chart files. */
export const CHART_OPTIONS: CliOptions = {
  png: { type: 'string' },
  svg: { type: 'string' },
  width: { type: 'string' },
  height: { type: 'string' },
  scale: { type: 'string' },
};

function num(ctx: CliContext, key: string, fallback: number): number {
  const raw = ctx.values[key];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new TenureError('cli.badOption', `--${key} expects a number, got "${raw}"`);
  return v;
}

export function exportSizeFrom(ctx: CliContext): ExportSize {
  const d = PRESETS.slide16x9;
  try {
    return validateSize({ width: num(ctx, 'width', d.width), height: num(ctx, 'height', d.height), scale: num(ctx, 'scale', d.scale) });
  } catch (err) {
    if (err instanceof TenureError) throw err;
    throw new TenureError('cli.badOption', (err as Error).message);
  }
}

/**
 * Write --svg/--png for a command's main chart (rendered off-screen with the slide theme).
 * Returns the paths written so the JSON result can list them.
 */
export async function writeChartFiles(ctx: CliContext, option: EChartsOption): Promise<{ png?: string; svg?: string }> {
  const png = ctx.values.png as string | undefined;
  const svgPath = ctx.values.svg as string | undefined;
  if (!png && !svgPath) return {};
  const size = exportSizeFrom(ctx);
  // Loaded only when a chart is asked for: ECharts and resvg are most of the CLI's start-up time.
  const [{ renderChartSvg }, { svgToPng }] = await Promise.all([import('../export/renderSvg'), import('../export/node/svgToPng')]);
  const svg = renderChartSvg(option, size);
  if (svgPath) writeFileSync(svgPath, svg);
  if (png) writeFileSync(png, svgToPng(svg, size.scale, '#ffffff'));
  return { png, svg: svgPath };
}
