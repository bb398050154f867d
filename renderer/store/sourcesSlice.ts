import type { StateCreator } from 'zustand';
import type { DataSource, TableInfo } from './types';
import type { WorkbenchState } from './workbenchStore';

export interface SourcesSlice {
  sources: DataSource[];
  /** The table the status bar and analysis commands refer to (active editor's, else the last opened). */
  lastTable: string | null;
  addSource(source: DataSource): void;
  /** Add a table to an existing source (creating it when missing). */
  addTable(source: Omit<DataSource, 'tables'>, table: TableInfo): void;
  /** Replace the tables no source owns (created from SQL) with the engine's current list. */
  setSessionTables(tables: TableInfo[]): void;
  /** Forget tables that no longer exist in the engine (dropped from SQL). */
  pruneTables(existing: Set<string>): void;
  setLastTable(table: string | null): void;
}

export const SESSION_SOURCE_ID = 'session';

export function allTables(sources: DataSource[]): TableInfo[] {
  return sources.flatMap((s) => s.tables);
}

export const createSourcesSlice: StateCreator<WorkbenchState, [], [], SourcesSlice> = (set) => ({
  sources: [],
  lastTable: null,
  addSource: (source) => set((s) => ({ sources: [...s.sources.filter((x) => x.id !== source.id), source] })),
  addTable: (source, table) =>
    set((s) => {
      const existing = s.sources.find((x) => x.id === source.id);
      const sources = existing
        ? s.sources.map((x) => (x.id === source.id ? { ...x, tables: [...x.tables.filter((t) => t.name !== table.name), table] } : x))
        : [...s.sources.filter((x) => x.id !== SESSION_SOURCE_ID), { ...source, tables: [table] }, ...s.sources.filter((x) => x.id === SESSION_SOURCE_ID)];
      return { sources, lastTable: table.name };
    }),
  setSessionTables: (tables) =>
    set((s) => {
      const others = s.sources.filter((x) => x.id !== SESSION_SOURCE_ID);
      if (!tables.length) return { sources: others };
      return { sources: [...others, { id: SESSION_SOURCE_ID, label: 'workbench.explorer.sessionTables', labelKey: true, icon: 'session', tables }] };
    }),
  pruneTables: (existing) =>
    set((s) => ({
      sources: s.sources
        .map((x) => ({ ...x, tables: x.tables.filter((t) => existing.has(t.name)) }))
        .filter((x) => x.tables.length > 0),
      lastTable: s.lastTable && existing.has(s.lastTable) ? s.lastTable : null,
    })),
  setLastTable: (lastTable) => set({ lastTable }),
});
