import type PptxGenJS from 'pptxgenjs';
import type { TableData } from './tableExport';
import { SLIDE_FONT } from './slideOption';
import { xmlSafe } from './xmlText';

/** One slide: the finding as its title, a chart image and/or a native table, speaker notes with the spec and SQL. */
export interface DeckSlide {
  title: string;
  subtitle?: string;
  takeaway?: string;
  notes?: string;
  image?: { png: Uint8Array; width: number; height: number };
  table?: DeckTable;
  /** Text in place of a chart: headed groups of bullet sentences (the retention brief). */
  text?: DeckText;
}

export type DeckText = { heading?: string; lines: string[] }[];

/** A slide table; optional relative column widths, per-column alignment and a font size (default 11 pt). */
export type DeckTable = TableData & { weights?: number[]; align?: ('left' | 'right')[]; fontSize?: number };

export interface Deck {
  title: string;
  subtitle?: string;
  slides: DeckSlide[];
}

// LAYOUT_16x9 is 10 × 5.625 inches.
const W = 10;
const H = 5.625;
const FONT = SLIDE_FONT.split(',')[0].replaceAll("'", '');
const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '2563EB';

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A 16:9 .pptx: a title slide, then one slide per chart/table. Works in Node and in the browser. */
export async function buildDeck(input: Deck): Promise<Uint8Array> {
  const deck = cleanDeck(input);
  // Loaded with the first deck (pptxgenjs and its zip library are ~0.7 MB the CLI's other commands skip).
  const { default: Pptx } = await import('pptxgenjs');
  const pptx = new Pptx();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = deck.title;
  pptx.company = 'Tenure';

  const cover = pptx.addSlide();
  cover.background = { color: 'FFFFFF' };
  cover.addShape('rect', { x: 0, y: 0, w: 0.18, h: H, fill: { color: ACCENT }, line: { color: ACCENT } });
  cover.addText(deck.title, { x: 0.7, y: 1.8, w: W - 1.4, h: 1.1, fontFace: FONT, fontSize: 36, bold: true, color: INK });
  cover.addText(deck.subtitle ?? '', { x: 0.7, y: 2.95, w: W - 1.4, h: 0.6, fontFace: FONT, fontSize: 18, color: MUTED });

  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addText(s.title, { x: 0.4, y: 0.2, w: W - 0.8, h: 0.7, fontFace: FONT, fontSize: 22, bold: true, color: INK, valign: 'middle', fit: 'shrink' });
    if (s.subtitle) slide.addText(s.subtitle, { x: 0.4, y: 0.85, w: W - 0.8, h: 0.3, fontFace: FONT, fontSize: 11, color: MUTED });
    const top = 1.2;
    const bottom = s.takeaway ? H - 0.65 : H - 0.25;
    if (s.text) slide.addText(textRuns(s.text), { x: 0.4, y: top - 0.1, w: W - 0.8, h: bottom - top + 0.1, fontFace: FONT, color: INK, valign: 'top', fit: 'shrink', margin: 4 });
    if (s.image) placeImage(slide, s.image, top, bottom, s.table ? (W - 0.8) * 0.6 : W - 0.8);
    if (s.table) {
      const x = s.image ? 0.4 + (W - 0.8) * 0.62 : 0.4;
      const w = s.image ? (W - 0.8) * 0.38 : W - 0.8;
      const colW = s.table.weights && s.table.weights.map((k) => (k / s.table!.weights!.reduce((a, b) => a + b, 0)) * w);
      slide.addTable(tableRows(s.table), { x, y: top, w, colW, fontFace: FONT, fontSize: s.table.fontSize ?? 11, color: INK, border: { type: 'solid', pt: 0.5, color: 'D1D5DB' }, autoPage: false });
    }
    if (s.takeaway) slide.addText(s.takeaway, { x: 0.4, y: H - 0.6, w: W - 0.8, h: 0.4, fontFace: FONT, fontSize: 13, italic: true, color: ACCENT });
    if (s.notes) slide.addNotes(s.notes);
  }
  const out = await pptx.write({ outputType: 'uint8array' });
  return out as Uint8Array;
}

/** Every text of the deck with the characters slide XML cannot hold removed (xmlText.ts). */
function cleanDeck(deck: Deck): Deck {
  const c = (s: string | undefined) => (s === undefined ? undefined : xmlSafe(s));
  const cell = (v: unknown) => (typeof v === 'string' ? xmlSafe(v) : v);
  return {
    title: xmlSafe(deck.title),
    subtitle: c(deck.subtitle),
    slides: deck.slides.map((s) => ({
      ...s,
      title: xmlSafe(s.title),
      subtitle: c(s.subtitle),
      takeaway: c(s.takeaway),
      notes: c(s.notes),
      table: s.table && { ...s.table, columns: s.table.columns.map(xmlSafe), rows: s.table.rows.map((r) => r.map(cell)) as typeof s.table.rows },
      text: s.text?.map((g) => ({ heading: c(g.heading), lines: g.lines.map(xmlSafe) })),
    })),
  };
}

/** Display length in Latin-character units (a CJK character is about two). */
function textLength(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1.9 : 1;
  return n;
}

/** Headings in the accent colour, sentences as bullets; smaller type for longer text so it fits the slide. */
function textRuns(text: DeckText): PptxGenJS.TextProps[] {
  const chars = text.reduce((n, g) => n + textLength(g.heading ?? '') + g.lines.reduce((m, l) => m + textLength(l), 0), 0);
  const size = chars > 1500 ? 10 : chars > 1100 ? 11 : chars > 750 ? 12 : 13;
  const runs: PptxGenJS.TextProps[] = [];
  for (const g of text) {
    if (g.heading) runs.push({ text: g.heading, options: { bold: true, color: ACCENT, fontSize: size + 1, breakLine: true, paraSpaceBefore: runs.length ? 6 : 0, paraSpaceAfter: 2 } });
    for (const line of g.lines) runs.push({ text: line, options: { bullet: { indent: 14 }, fontSize: size, breakLine: true, paraSpaceAfter: 3 } });
  }
  return runs;
}

function placeImage(slide: PptxGenJS.Slide, img: NonNullable<DeckSlide['image']>, top: number, bottom: number, maxW: number): void {
  const maxH = bottom - top;
  const ratio = img.width / img.height;
  const w = Math.min(maxW, maxH * ratio);
  const h = w / ratio;
  slide.addImage({ data: `image/png;base64,${base64(img.png)}`, x: 0.4 + (maxW - w) / 2, y: top + (maxH - h) / 2, w, h });
}

function tableRows(t: DeckTable): PptxGenJS.TableRow[] {
  const header = t.columns.map((c, i) => ({ text: c, options: { bold: true, fill: { color: 'F3F4F6' }, align: t.align?.[i] } }));
  const body = t.rows.map((r) => r.map((v, i) => ({ text: v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? formatNumber(v) : String(v), options: { align: t.align?.[i] ?? ((typeof v === 'number' ? 'right' : 'left') as 'right' | 'left') } })));
  return [header, ...body];
}

function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
