import { deckSchema, type StudyChanges, type StudyDeck } from '../../../shared/study/schema';
import { changesSlide } from '../../../shared/study/changeText';
import type { DeckItem } from './items';

type T = (k: string, o?: Record<string, unknown>) => string;

/** What the deck editor holds besides its rows: a title or subtitle the user typed (null = the default), the brief. */
export interface DeckChoices {
  title: string | null;
  subtitle: string | null;
  brief: boolean;
}

/**
 * The deck as the study keeps it: every row in its order (ticked or not), the table option, and a takeaway
 * only where the user wrote one — a generated takeaway carries this month's numbers and is made again on
 * the data the study is reopened with. Title and subtitle likewise only when typed.
 */
export function toStudyDeck(items: DeckItem[], generated: Map<string, string>, choices: DeckChoices, previous: StudyDeck | null): StudyDeck {
  return deckSchema.parse({
    ...(choices.title !== null ? { title: choices.title } : {}),
    ...(choices.subtitle !== null ? { subtitle: choices.subtitle } : {}),
    ...(previous?.language ? { language: previous.language } : {}),
    brief: choices.brief,
    slides: items.map((x) => ({
      analysis: x.analysisKey,
      chart: x.changes ? false : x.chartId,
      table: x.changes ? true : x.withTable,
      include: x.include,
      ...(generated.has(x.id) && x.takeaway !== generated.get(x.id) ? { takeaway: x.takeaway } : {}),
      ...(x.changes ? { changes: x.changes } : {}),
    })),
  });
}

/**
 * The recomputed rows arranged as the saved deck had them: its rows first in its order with their choices,
 * then any chart the deck did not know yet (an analysis added since) as the editor suggests it.
 */
export function applyStudyDeck(fresh: DeckItem[], deck: StudyDeck | null): DeckItem[] {
  if (!deck?.slides.length) return fresh;
  const byId = new Map(fresh.map((x) => [x.id, x]));
  const out: DeckItem[] = [];
  for (const s of deck.slides) {
    const x = byId.get(s.changes ? changesItemId(s.analysis) : `${s.analysis}/${String(s.chart)}`);
    if (!x) continue;
    byId.delete(x.id);
    out.push({ ...x, include: s.include, withTable: s.table && x.hasTable, ...(s.takeaway !== undefined ? { takeaway: s.takeaway } : {}) });
  }
  // A deck of comparisons only (added from What changed before the deck was opened): the charts lead.
  const rest = [...byId.values()];
  return deck.slides.some((s) => !s.changes) ? [...out, ...rest] : [...rest, ...out];
}

export const changesItemId = (analysis: string) => `changed:${analysis}`;

/** The deck's "What changed" comparisons as rows of the deck editor (a table slide each). */
export function changesItems(deck: StudyDeck | null, locale: string, t: T): DeckItem[] {
  return (deck?.slides ?? []).flatMap((s) => {
    if (!s.changes) return [];
    const slide = changesSlide({ before: s.changes.before, after: s.changes.after, change: s.changes }, locale, t);
    return [{ id: changesItemId(s.analysis), analysisKey: s.analysis, kind: 'whatChanged' as const, chartId: 'table', title: slide.title, takeaway: slide.takeaway ?? '', include: s.include, hasTable: true, withTable: true, changes: s.changes }];
  });
}

/** What changed → Add to deck: one comparison slide per analysis with figures; an earlier comparison of the same analysis is replaced. */
export function withChanges(deck: StudyDeck | null, list: { id: string; changes: StudyChanges }[]): StudyDeck {
  const ids = new Set(list.map((x) => x.id));
  const kept = (deck?.slides ?? []).filter((s) => !(s.changes && ids.has(s.analysis)));
  return { ...(deck ?? { brief: true }), slides: [...kept, ...list.map((x) => ({ analysis: x.id, chart: false as const, table: true, include: true, changes: x.changes }))] };
}


export function choicesOf(deck: StudyDeck | null): DeckChoices {
  return { title: deck?.title ?? null, subtitle: deck?.subtitle ?? null, brief: deck?.brief ?? true };
}
