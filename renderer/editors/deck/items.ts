import type { AnalysisKind } from '../../../shared/analysis/registry';
import type { StudyChanges } from '../../../shared/study/schema';
import { warningNotes } from '../../../shared/analysis/warnings';

/** One row of the deck dialog: a chart of one analysis, to become one slide. */
export interface DeckItem {
  /** `${analysisKey}/${chartId}` */
  id: string;
  analysisKey: string;
  /** An analysis kind, or a "What changed" comparison (a table slide of figures). */
  kind: AnalysisKind | 'whatChanged';
  chartId: string;
  title: string;
  takeaway: string;
  include: boolean;
  /** The analysis has a result table (only then can it go on the slide). */
  hasTable: boolean;
  withTable: boolean;
  /** The comparison a 'whatChanged' row shows (kept with the row: the old file's figures cannot be recomputed). */
  changes?: StudyChanges;
}

/** Move the item at `index` one place up (-1) or down (+1); out-of-range moves change nothing. */
export function moveItem<T>(items: T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return items;
  const out = [...items];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

export function patchItem(items: DeckItem[], id: string, patch: Partial<DeckItem>): DeckItem[] {
  return items.map((x) => (x.id === id ? { ...x, ...patch } : x));
}

/**
 * The recomputed items with what the user chose kept (include, table, order of ids stays `next`'s).
 * A takeaway is kept only when the user wrote it: one still equal to the text generated last time
 * is replaced by the new text (e.g. in the new language after a language switch).
 */
export function mergeItems(next: DeckItem[], before: DeckItem[], generatedBefore: Map<string, string>): DeckItem[] {
  const old = new Map(before.map((x) => [x.id, x]));
  return next.map((x) => {
    const o = old.get(x.id);
    if (!o) return x;
    const edited = o.takeaway !== generatedBefore.get(x.id);
    return { ...x, include: o.include, withTable: o.withTable, takeaway: edited ? o.takeaway : x.takeaway };
  });
}

/** Speaker notes: the result's warnings first, the settings as JSON (without the table name), the SQL, the source file. */
export function slideNotes(
  kind: AnalysisKind,
  spec: Record<string, unknown>,
  sql: string,
  fileName: string,
  t: (k: string, params?: Record<string, unknown>) => string,
  result?: unknown,
): string {
  const { table: _table, ...rest } = spec;
  return `${warningNotes(result, t)}${t('export.deck.notesSpec')}:\n${JSON.stringify({ kind, ...rest }, null, 2)}\n\n${t('export.deck.notesSql')}:\n${sql}\n\n${t('export.deck.notesSource')}: ${fileName}`;
}
