import { REGISTRY } from '../../../shared/analysis/registry';
import { chartForSlide } from '../../../shared/deck/buildSlides';
import { displayTable } from '../../../shared/deck/tables';
import { buildDeck, type DeckSlide } from '../../../shared/export/deck';
import { pixelSize } from '../../../shared/export/exportSizes';
import { exportFileName } from '../../../shared/export/tableExport';
import type { HostApi, SaveResult } from '../../../shared/host/HostApi';
import type { TFunction } from '../../../shared/i18n/i18n';
import { chartSvg, svgToPngBlob } from '../../charts/exportChart';
import { changesSlide } from '../../../shared/study/changeText';
import { slideNotes, type DeckItem } from './items';
import { SLIDE_SIZE, slideCharts, type LoadedAnalysis } from './model';

export interface DeckExportRequest {
  title: string;
  subtitle?: string;
  items: DeckItem[];
  loaded: Map<string, LoadedAnalysis>;
  /** Source file name per table (speaker notes). */
  fileName(table: string): string;
  t: TFunction;
  locale: string;
  /** Slides before the charts (the retention brief), already built. */
  lead?: DeckSlide[];
  onProgress?(done: number, total: number): void;
}

/** Render the ticked charts off-screen (slide theme, 960×540 at 2×), build the .pptx, save it through the host. */
export async function exportDeck(host: HostApi, req: DeckExportRequest): Promise<SaveResult> {
  const items = req.items.filter((x) => x.include);
  const slides: DeckSlide[] = [];
  for (const [i, item] of items.entries()) {
    req.onProgress?.(i, items.length + 1);
    if (item.changes) {
      // A "What changed" comparison: its figures as a native table (kept with the deck, not recomputed).
      const slide = changesSlide({ before: item.changes.before, after: item.changes.after, change: item.changes }, req.locale, req.t);
      slides.push({ ...slide, title: item.title, takeaway: item.takeaway.trim() || undefined });
      continue;
    }
    if (item.kind === 'whatChanged') continue;
    const a = req.loaded.get(item.analysisKey);
    if (!a || a.result === undefined) continue;
    const rec = REGISTRY[item.kind];
    const chart = slideCharts(a, req.t).find((c) => c.id === item.chartId);
    if (!chart) continue;
    const option = chartForSlide(chart.option);
    const svg = await chartSvg(() => option, SLIDE_SIZE);
    const png = new Uint8Array(await (await svgToPngBlob(svg, SLIDE_SIZE, SLIDE_SIZE.scale)).arrayBuffer());
    const spec = a.analysis.view?.hazardWidth ? { ...a.analysis.spec, hazardWidth: a.analysis.view.hazardWidth } : a.analysis.spec;
    slides.push({
      title: item.title,
      takeaway: item.takeaway.trim() || undefined,
      notes: slideNotes(item.kind, spec, rec.sql(a.result), req.fileName(a.analysis.spec.table), req.t, a.result),
      image: { png, ...pixelSize(SLIDE_SIZE) },
      table: item.withTable && rec.table ? displayTable(rec.table(a.result, req.t), req.locale) : undefined,
    });
  }
  req.onProgress?.(items.length, items.length + 1);
  const bytes = await buildDeck({ title: req.title, subtitle: req.subtitle, slides: [...(req.lead ?? []), ...slides] });
  req.onProgress?.(items.length + 1, items.length + 1);
  return host.saveFile({ suggestedName: exportFileName(req.title, 'pptx'), data: bytes, filters: [{ name: 'PowerPoint', extensions: ['pptx'] }] });
}
