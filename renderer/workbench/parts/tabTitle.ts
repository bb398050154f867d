import type { EditorTab } from '../../store/types';
import { editorFor } from '../editorRegistry';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Editor kinds whose tab shows the table it reads (analyses; a table tab is already named after it). */
const DESCRIBED = new Set(['pareto', 'quadrant', 'survival', 'cohort', 'reasons', 'risk', 'cox']);

/**
 * A title kept as a translation key (drill-down grids), so it follows a language switch. Parameters
 * given as { key } are translated too (e.g. the class name "A" / "A 类").
 */
function translatedTitle(data: Record<string, unknown>, t: T): string | undefined {
  if (typeof data.titleKey !== 'string') return undefined;
  const raw = (data.titleParams ?? {}) as Record<string, unknown>;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string' ? t((v as { key: string }).key) : v]));
  return t(data.titleKey, params);
}

/** What a tab is called: a translated drill-down title, a literal title, or its kind's title. */
export function tabTitle(tab: EditorTab, t: T): string {
  const contribution = editorFor(tab.kind);
  return translatedTitle(tab.data, t) ?? tab.title ?? (contribution ? t(contribution.title, { n: tab.data.n ?? '' }).trim() : tab.kind);
}

/** As VS Code shows a file's folder: the table an analysis reads, so equal titles can be told apart. */
export function tabDescription(tab: EditorTab): string | null {
  return typeof tab.data.table === 'string' && tab.data.table && DESCRIBED.has(tab.kind) ? tab.data.table : null;
}
