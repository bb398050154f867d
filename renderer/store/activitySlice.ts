import type { StateCreator } from 'zustand';
import type { EngineState } from '../engine/loggedEngine';
import type { Notice, Problem, QueryLogEntry, Severity } from './types';
import type { WorkbenchState } from './workbenchStore';

const MAX_LOG = 1000;

export interface ResultView {
  source: { kind: 'query'; sql: string };
  /** Bumped on every run so the grid re-queries even for the same SQL text. */
  runId: number;
}

export interface EngineInfo {
  kind: 'wasm' | 'native';
  threads?: number;
  memoryLimit?: string;
}

export interface ActivitySlice {
  engineState: EngineState;
  /** Which engine runs (status bar), once it has started. */
  engineInfo: EngineInfo | null;
  setEngineInfo(info: EngineInfo): void;
  engineError: string | null;
  log: QueryLogEntry[];
  lastQueryMs: number | null;
  problems: Problem[];
  notices: Notice[];
  result: ResultView | null;
  /** Rows/columns each grid shows, by editor tab id ('results' for the panel): the status bar reads the active one. */
  /** Per grid (tab id, or 'results'): rows shown after its filters, all rows, columns. */
  gridInfo: Record<string, { rows: number; columns: number; total?: number; filtered?: boolean }>;
  /** Busy tasks that show a progress message in the status bar (importing a file…). */
  tasks: { id: number; label: string }[];
  setEngineState(state: EngineState, error?: string): void;
  logQuery(entry: QueryLogEntry): void;
  clearLog(): void;
  addProblem(p: Omit<Problem, 'id' | 'at'>): void;
  /** All problems, or only those of one owner (an editor whose run succeeded). */
  clearProblems(owner?: string): void;
  /** Replace one owner's problems with these (an analysis result's warnings: several at once). */
  setProblems(owner: string, problems: Omit<Problem, 'id' | 'at' | 'owner'>[]): void;
  notify(severity: Severity, message: string, detail?: string): number;
  dismiss(id: number): void;
  setResult(source: ResultView['source'] | null): void;
  setGridInfo(key: string, info: { rows: number; columns: number; total?: number; filtered?: boolean }): void;
  startTask(label: string): number;
  endTask(id: number): void;
}

let counter = 0;

export const createActivitySlice: StateCreator<WorkbenchState, [], [], ActivitySlice> = (set) => ({
  engineState: 'starting',
  engineInfo: null,
  setEngineInfo: (engineInfo) => set({ engineInfo }),
  engineError: null,
  log: [],
  lastQueryMs: null,
  problems: [],
  notices: [],
  result: null,
  gridInfo: {},
  tasks: [],
  setEngineState: (engineState, error) => set({ engineState, engineError: error ?? null }),
  logQuery: (entry) => set((s) => ({ log: [...s.log.slice(-(MAX_LOG - 1)), entry], lastQueryMs: entry.ms })),
  clearLog: () => set({ log: [] }),
  // An owner's new problem replaces its earlier ones: Problems shows each editor's latest run.
  addProblem: (p) => set((s) => ({ problems: [...s.problems.filter((q) => p.owner === undefined || q.owner !== p.owner), { ...p, id: ++counter, at: Date.now() }] })),
  clearProblems: (owner) => set((s) => ({ problems: owner === undefined ? [] : s.problems.filter((q) => q.owner !== owner) })),
  setProblems: (owner, list) =>
    set((s) => ({ problems: [...s.problems.filter((q) => q.owner !== owner), ...list.map((p) => ({ ...p, owner, id: ++counter, at: Date.now() }))] })),
  notify: (severity, message, detail) => {
    const id = ++counter;
    set((s) => ({ notices: [...s.notices.slice(-4), { id, severity, message, detail }] }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setResult: (source) => set((s) => ({ result: source ? { source, runId: (s.result?.runId ?? 0) + 1 } : null })),
  setGridInfo: (key, info) => set((s) => ({ gridInfo: { ...s.gridInfo, [key]: info } })),
  startTask: (label) => {
    const id = ++counter;
    set((s) => ({ tasks: [...s.tasks, { id, label }] }));
    return id;
  },
  endTask: (id) => set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) })),
});
