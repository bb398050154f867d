import { create } from 'zustand';

export interface RunError {
  code: string;
  /** Translated text when there is one (errors.<code>), else DuckDB's message. */
  message: string;
  /** DuckDB's own message when no translated text tells it (never the English twin of `message`). */
  detail?: string;
  /** The translation key and parameters of `message`, so Problems can re-translate it. */
  text?: { key: string; params: Record<string, unknown> };
}

/** `key` identifies what was run (the spec as JSON), so an editor can tell a result from an edited form. */
export type RunState<R> = (
  | { status: 'idle'; result?: undefined }
  | { status: 'running'; result?: R }
  | { status: 'done'; result: R; ms: number }
  | { status: 'cancelled'; result?: R }
  | { status: 'error'; error: RunError; result?: R }
) & { key?: string };

const IDLE: RunState<never> = { status: 'idle' };

/** A computation's own result (the analysis record's shape, before any editor wraps it) and the spec it was run for. */
export interface ComputedResult {
  spec: string;
  result: unknown;
}

interface AnalysisRunsState {
  /** Analysis id (the editor tab's id) → its last run. Outlives the React component showing it. */
  runs: Record<string, RunState<unknown>>;
  /**
   * Analysis id → its last computed result with the spec it answers. The deck (and anything else that
   * needs an analysis's figures) reads it here instead of computing the analysis again.
   */
  computed: Record<string, ComputedResult>;
  set(id: string, next: RunState<unknown> | ((prev: RunState<unknown>) => RunState<unknown>)): void;
  setComputed(id: string, spec: unknown, result: unknown): void;
  /** A split copies the editor: the copy starts with the original's result. */
  copy(fromId: string, toId: string): void;
  drop(id: string): void;
  clear(): void;
}

/**
 * Results belong to the analysis, not to the component: splitting, unsplitting, moving a tab between groups
 * or switching tabs remounts editors, and each finds its result here under its analysis id.
 */
export const useAnalysisRuns = create<AnalysisRunsState>()((set) => ({
  runs: {},
  computed: {},
  set: (id, next) => set((s) => ({ runs: { ...s.runs, [id]: typeof next === 'function' ? next(s.runs[id] ?? IDLE) : next } })),
  setComputed: (id, spec, result) => set((s) => ({ computed: { ...s.computed, [id]: { spec: JSON.stringify(spec), result } } })),
  copy: (fromId, toId) =>
    set((s) => {
      const r = s.runs[fromId];
      const c = s.computed[fromId];
      const computed = c ? { ...s.computed, [toId]: c } : s.computed;
      // A run still going in the original stays the original's; the copy shows the last result.
      if (!r) return c ? { computed } : s;
      const settled: RunState<unknown> = r.status === 'running' ? (r.result ? { status: 'done', result: r.result, ms: 0 } : IDLE) : r;
      return { runs: { ...s.runs, [toId]: settled }, computed };
    }),
  drop: (id) =>
    set((s) => {
      if (!(id in s.runs) && !(id in s.computed)) return s;
      const { [id]: _run, ...runs } = s.runs;
      const { [id]: _computed, ...computed } = s.computed;
      return { runs, computed };
    }),
  clear: () => set({ runs: {}, computed: {} }),
}));

export function runStateOf<R>(id: string): RunState<R> {
  return (useAnalysisRuns.getState().runs[id] ?? IDLE) as RunState<R>;
}

export const IDLE_RUN = IDLE;
