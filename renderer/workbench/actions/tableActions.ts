/**
 * Explorer table actions (context menu, F2, Delete): rename, drop, profile, copy name. Rename and drop
 * keep the session consistent: they refuse while an open analysis reads the table (its spec, the study
 * and the deck name it), and carry the name through table tabs, derived-table recipes and the rebuild
 * list of the native engine.
 */
import { askConfirm } from '../confirmStore';
import { qi } from '../../../shared/engine/sqlQuote';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorGroup, EditorTab } from '../../store/types';
import { useStudy } from '../../study/studyStore';
import { renameImport } from '../../engine/rebuildSources';
import { openQueryGrid } from '../../editors/analysis';
import { editorFor } from '../editorRegistry';
import type { WorkbenchServices } from '../services';
import { refreshCatalog } from './catalog';
import { reportError } from './reportError';

/** Editors that show a table without an analysis of it (they follow a rename or close on a drop). */
const VIEWS = new Set(['table', 'sql', 'queryGrid', 'welcome', 'deck', 'brief', 'whatChanged']);

function namesTable(value: unknown, table: string, key = ''): boolean {
  if (typeof value === 'string') return /table$/i.test(key) && value === table;
  if (Array.isArray(value)) return value.some((v) => namesTable(v, table, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => namesTable(v, table, k));
  return false;
}

/** Analysis tabs whose settings name `table` (as its table or a looked-up group table). */
export function tabsUsingTable(groups: EditorGroup[], table: string): EditorTab[] {
  return groups.flatMap((g) => g.tabs).filter((tab) => !VIEWS.has(tab.kind) && namesTable(tab.data, table));
}

interface Problem {
  key: string;
  params: Record<string, unknown>;
  /** The analyses that read the table (named in the message). */
  users?: EditorTab[];
}

/** Why `table` cannot be renamed to `to` right now, or null. DuckDB names are case-insensitive. */
export function renameProblem(table: string, to: string, groups: EditorGroup[], existing: string[]): Problem | null {
  if (!to.trim()) return { key: 'workbench.explorer.nameEmpty', params: {} };
  if (to.toLowerCase() !== table.toLowerCase() && existing.some((n) => n.toLowerCase() === to.toLowerCase())) return { key: 'workbench.explorer.nameTaken', params: { table: to } };
  return usedProblem(table, groups);
}

/** Why `table` cannot be renamed or dropped: an open analysis reads it. */
export function usedProblem(table: string, groups: EditorGroup[]): Problem | null {
  const users = tabsUsingTable(groups, table);
  return users.length ? { key: 'workbench.explorer.inUse', params: { table, count: users.length }, users } : null;
}

function refuse(services: WorkbenchServices, problem: Problem): void {
  const t = services.i18n.t;
  const names = (problem.users ?? []).map((u) => u.title ?? String(t(editorFor(u.kind)?.title ?? u.kind))).join(', ');
  useWorkbench.getState().notify('warning', String(t(problem.key, { ...problem.params, names })));
}

export async function renameTable(services: WorkbenchServices, table: string, to: string): Promise<boolean> {
  const name = to.trim();
  if (name === table) return true;
  const s = useWorkbench.getState();
  const problem = renameProblem(table, name, s.groups, allTables(s.sources).map((x) => x.name));
  if (problem) {
    refuse(services, problem);
    return false;
  }
  try {
    await services.engine.query(`ALTER TABLE ${qi(table)} RENAME TO ${qi(name)}`);
  } catch (err) {
    reportError(services.i18n, err, 'sql.error');
    return false;
  }
  renameImport(table, name);
  useStudy.setState((st) => ({ derived: st.derived.map((d) => (d.table === table ? { ...d, table: name } : d)) }));
  useWorkbench.setState((st) => ({
    sources: st.sources.map((src) => ({ ...src, tables: src.tables.map((x) => (x.name === table ? { ...x, name } : x)) })),
    lastTable: st.lastTable === table ? name : st.lastTable,
    groups: st.groups.map((g) => {
      const oldId = `table:${table}`;
      if (!g.tabs.some((x) => x.id === oldId)) return g;
      const newId = `table:${name}`;
      return { ...g, activeTabId: g.activeTabId === oldId ? newId : g.activeTabId, tabs: g.tabs.map((x) => (x.id === oldId ? { ...x, id: newId, title: name, data: { ...x.data, table: name } } : x)) };
    }),
  }));
  useWorkbench.getState().notify('info', String(services.i18n.t('workbench.explorer.renamed', { from: table, to: name })));
  return true;
}

export async function dropTable(services: WorkbenchServices, table: string): Promise<boolean> {
  const problem = usedProblem(table, useWorkbench.getState().groups);
  if (problem) {
    refuse(services, problem);
    return false;
  }
  const { t } = services.i18n;
  const ok = await askConfirm({ message: t('workbench.explorer.dropConfirm', { table }), detail: t('workbench.explorer.dropDetail'), confirmLabel: t('workbench.explorer.dropButton'), cancelLabel: t('common.cancel'), destructive: true });
  if (!ok) return false;
  try {
    await services.engine.query(`DROP TABLE ${qi(table)}`);
  } catch (err) {
    reportError(services.i18n, err, 'sql.error');
    return false;
  }
  renameImport(table, null);
  useStudy.setState((st) => ({ derived: st.derived.filter((d) => d.table !== table) }));
  const s = useWorkbench.getState();
  for (const g of s.groups) for (const x of g.tabs) if (x.id === `table:${table}`) s.closeTab(g.id, x.id);
  await refreshCatalog(services.engine);
  useWorkbench.getState().notify('info', String(services.i18n.t('workbench.explorer.dropped', { table })));
  return true;
}

/** One row per column: DuckDB's SUMMARIZE (type, min, max, distinct, mean, quartiles, NULL share). */
export function profileTable(table: string): void {
  openQueryGrid(
    table,
    {
      sql: `SELECT * FROM (SUMMARIZE ${qi(table)})`,
      caption: '',
      fileTitle: `${table} profile`,
      titleKey: 'workbench.editor.profile',
      titleParams: { table },
      captionKey: 'workbench.editor.profileCaption',
      captionParams: { table },
    },
    `profile:${table}`,
  );
}

export async function copyTableName(services: WorkbenchServices, table: string): Promise<void> {
  await navigator.clipboard.writeText(table);
  useWorkbench.getState().notify('info', String(services.i18n.t('workbench.explorer.copied', { table })));
}
