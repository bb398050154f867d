import type { EChartsOption } from 'echarts';
import type { QueryEngine } from '../engine/QueryEngine';
import type { Deck, DeckSlide } from '../export/deck';
import { PRESETS, pixelSize, type ExportSize } from '../export/exportSizes';
import { SLIDE_THEME } from '../charts/theme';
import { createI18n } from '../i18n/i18n';
import type { Language } from '../i18n/resources';
import { REGISTRY } from '../analysis/registry';
import { displayTable } from './tables';
import { sourceKey, type DeckSpec, type DeckSlideSpec } from './deckSpec';
import { buildBrief } from '../brief/buildBrief';
import { briefSlides } from '../brief/slides';
import type { BriefItem } from '../brief/types';
import type { TFunction } from '../i18n/i18n';
import { warningNotes, warningsOf, type AnalysisWarning } from '../analysis/warnings';

/** A warning of one slide's result (1-based slide number of the deck spec). */
export type SlideWarning = AnalysisWarning & { slide: number };

/** An imported file a slide reads: its DuckDB table and the name shown in the notes. */
export interface DeckSource {
  table: string;
  fileName: string;
}

/** Rasterise options at a logical size and pixel ratio, all at once (Node: one resvg pass; browser: a canvas). */
export type Rasterise = (options: EChartsOption[], size: ExportSize) => Uint8Array[] | Promise<Uint8Array[]>;

/**
 * The slide title already states the finding, so the chart's own title would repeat it: the chart's
 * subtitle (the supporting number), if any, takes the title's place in the subtitle's style.
 */
export function chartForSlide(option: EChartsOption): EChartsOption {
  if (!option.title || Array.isArray(option.title)) return option;
  const { subtext, subtextStyle, ...title } = option.title as Record<string, unknown>;
  return { ...option, title: { ...title, text: subtext ?? '', textStyle: subtextStyle ?? { fontSize: 13, fontWeight: 'normal' } } as EChartsOption['title'] };
}

/** Speaker notes: the spec as it ran (defaults filled in, so e.g. the quadrant's "not applicable" codes show), the SQL, the source. */
function notes(s: DeckSlideSpec, effective: unknown, sql: string, source: DeckSource, t: TFunction, result: unknown): string {
  const { table: _table, ...spec } = (effective ?? s.spec) as Record<string, unknown>;
  const where = [source.fileName, s.sheet].filter(Boolean).join(' · ');
  return `${warningNotes(result, t)}${t('export.deck.notesSpec')}:\n${JSON.stringify({ kind: s.kind, ...spec }, null, 2)}\n\n${t('export.deck.notesSql')}:\n${sql}\n\n${t('export.deck.notesSource')}: ${where}`;
}

/** Compute every slide's analysis on its imported table and turn it into a deck slide. */
export async function deckSlides(deck: DeckSpec, engine: QueryEngine, sources: Map<string, DeckSource>, rasterise: Rasterise): Promise<Deck & { warnings: SlideWarning[] }> {
  const i18n = new Map<Language, ReturnType<typeof createI18n>>();
  const tFor = (lng: Language) => {
    if (!i18n.has(lng)) i18n.set(lng, createI18n(lng));
    return i18n.get(lng)!.t;
  };
  const size = PRESETS.slide16x9;
  const slides: DeckSlide[] = [];
  const pending: { slide: DeckSlide; option: EChartsOption }[] = [];
  const items: BriefItem[] = [];
  const warnings: SlideWarning[] = [];
  for (const [i, s] of deck.slides.entries()) {
    const lng = s.language ?? deck.language;
    const t = tFor(lng);
    const source = sources.get(sourceKey(s))!;
    const rec = REGISTRY[s.kind];
    const result = await rec.compute(engine, { ...s.spec, table: source.table });
    items.push({ id: `slide ${i + 1}`, kind: s.kind, spec: s.spec, result });
    const charts = rec.charts(result, t, SLIDE_THEME, size);
    const chart = s.chart === false ? undefined : (charts.find((c) => c.id === s.chart) ?? charts[0]);
    const slide: DeckSlide = {
      title: s.title ?? (chart ?? charts[0]).title,
      takeaway: s.takeaway ?? rec.takeaway(result, t),
      notes: notes(s, rec.schema.safeParse({ ...s.spec, table: source.table }).data, rec.sql(result), source, t, result),
    };
    if (chart) pending.push({ slide, option: chartForSlide(chart.option) });
    if (s.table && rec.table) slide.table = displayTable(rec.table(result, t), lng);
    slides.push(slide);
    warnings.push(...warningsOf(result).map((w) => ({ slide: i + 1, ...w })));
  }
  const pngs = await rasterise(pending.map((c) => c.option), size);
  pending.forEach((c, i) => (c.slide.image = { png: pngs[i], ...pixelSize(size) }));
  const first = deck.brief ? briefSlides(buildBrief(items, tFor(deck.language)), tFor(deck.language), deck.language) : [];
  return { title: deck.title, subtitle: deck.subtitle, slides: [...first, ...slides], warnings };
}
