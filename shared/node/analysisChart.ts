import { REGISTRY, type AnalysisKind } from '../analysis/registry';
import { SLIDE_THEME } from '../charts/theme';
import { createI18n } from '../i18n/i18n';
import { exportSizeFrom, writeChartFiles } from './chartOutput';
import type { CliContext } from './cliTypes';

/**
 * --png/--svg for an analysis command: its main chart (the registry's first) in the slide theme,
 * laid out at --width × --height. Returns `{ files }` to spread into the JSON (nothing when not asked).
 */
export async function analysisChartFiles(ctx: CliContext, kind: AnalysisKind, result: unknown, chartId?: string): Promise<{ files?: { png?: string; svg?: string } }> {
  if (!ctx.values.png && !ctx.values.svg) return {};
  const size = exportSizeFrom(ctx);
  const charts = REGISTRY[kind].charts(result, createI18n('en').t, SLIDE_THEME, size);
  const chart = (chartId && charts.find((c) => c.id === chartId)) || charts[0];
  return { files: await writeChartFiles(ctx, chart.option) };
}
