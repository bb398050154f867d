import type { TFunction } from '../i18n/i18n';
import type { DeckSlide } from '../export/deck';
import { displayTable } from '../deck/tables';
import type { Brief, BriefTopic } from './types';
import { briefText } from './buildBrief';

/**
 * The brief as the first slides of a deck (after the title slide): who / when / why, then what is at
 * risk / what to do (with the suggestions), then the call list's top 10 as a native table.
 */
export function briefSlides(b: Brief, t: TFunction, locale: string): DeckSlide[] {
  const slides: DeckSlide[] = [];
  const notes = briefText(b, t);
  const part = (topics: BriefTopic[], title: string, extra: DeckSlide['text'] = []) => {
    const text = [...b.sections.filter((s) => topics.includes(s.topic)).map((s) => ({ heading: s.heading, lines: s.sentences.map((x) => x.text) })), ...extra];
    if (text.length) slides.push({ title, text, notes });
  };
  const next = b.suggestions.length ? [{ heading: t('brief.editor.suggestions'), lines: b.suggestions.map((s) => s.text) }] : [];
  const late = b.sections.some((s) => s.topic === 'risk' || s.topic === 'action');
  part(['profit', 'when', 'why'], t('brief.slideTitle1'), late ? [] : next);
  if (late) part(['risk', 'action'], t('brief.slideTitle2'), next);
  if (b.callList) slides.push({ title: b.callList.title, table: { ...displayTable(b.callList.table, locale), fontSize: 9.5 }, takeaway: b.callList.note, notes: b.callList.table.columns.join(' · ') });
  return slides;
}
