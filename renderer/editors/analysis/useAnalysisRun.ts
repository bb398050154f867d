import { useCallback, useRef } from 'react';
import type { i18n as I18n } from 'i18next';
import { asTenureError } from '../../../shared/errors';
import { useWorkbench } from '../../store/workbenchStore';
import { IDLE_RUN, useAnalysisRuns, type RunError, type RunState } from '../../store/analysisRuns';
import { useServices } from '../../workbench/services';
import { errorTextKey } from '../../../shared/i18n/errorKey';
import { warningKey, warningsOf } from '../../../shared/analysis/warnings';
import { inForeground } from '../../engine/foreground';

export type { RunError, RunState };

export function runError(i18n: I18n, err: unknown, fallbackCode: string): RunError {
  const e = asTenureError(err, fallbackCode);
  const key = errorTextKey((k) => i18n.exists(k), e.code);
  const params = { ...e.params, file: e.file, line: e.line, column: e.column, message: e.message };
  if (!key) return { code: e.code, message: e.message };
  // The translated text is the whole story: the English message beside it would repeat it.
  return { code: e.code, message: i18n.t(key, params), text: { key, params } };
}

/** Problems of an analysis are owned by its id: its next run replaces them (with its warnings, or its error). */
export const problemOwner = (id: string) => `analysis:${id}`;

/** Latest run number per analysis id: a late answer from a superseded or cancelled run is dropped. */
const latest = new Map<string, number>();

/**
 * One analysis run at a time per analysis (`id`, the editor tab's id): the last result stays visible
 * (dimmed) while a new one runs, and a failure is shown in place and listed in Problems under the editor's
 * title. The state lives in the analysis-runs store, so remounting the editor (split, unsplit, moving the
 * tab) keeps it; `key` (what the shown result was run with) lets the editor mark a result as stale once the form changes.
 */
export function useAnalysisRun<R>(opts: { id: string; problemFile: string; fallbackCode?: string }) {
  const { engine, i18n } = useServices();
  const { id } = opts;
  const state = useAnalysisRuns((s) => (s.runs[id] ?? IDLE_RUN) as RunState<R>);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const run = useCallback(
    async (fn: () => Promise<R>, key?: string): Promise<R | undefined> => {
      const n = (latest.get(id) ?? 0) + 1;
      latest.set(id, n);
      const store = useAnalysisRuns.getState();
      store.set(id, (s) => ({ status: 'running', result: s.result, key: s.key }));
      const started = performance.now();
      try {
        // Column profiles wait while the analysis runs: the user is waiting for this one.
        const result = await inForeground(fn, 'analysis');
        if (latest.get(id) !== n) return undefined;
        store.set(id, { status: 'done', result, ms: performance.now() - started, key });
        // A result that is empty or degenerate lists its warnings in Problems (and above the result).
        const file = optsRef.current.problemFile;
        useWorkbench.getState().setProblems(
          problemOwner(id),
          warningsOf(result).map((w) => ({ severity: 'warning', code: w.code, message: w.message, text: { key: warningKey(w), params: w.params }, file })),
        );
        return result;
      } catch (err) {
        if (latest.get(id) !== n) return undefined;
        const error = runError(i18n, err, optsRef.current.fallbackCode ?? 'sql');
        store.set(id, (s) => ({ status: 'error', error, result: s.result, key: s.key }));
        useWorkbench.getState().addProblem({ severity: 'error', code: error.code, owner: problemOwner(id), message: error.message, text: error.text, file: optsRef.current.problemFile });
        return undefined;
      }
    },
    [i18n, id],
  );

  const cancel = useCallback(async () => {
    latest.set(id, (latest.get(id) ?? 0) + 1);
    useAnalysisRuns.getState().set(id, (s) => ({ status: 'cancelled', result: s.result, key: s.key }));
    await engine.cancel().catch(() => false);
  }, [engine, id]);

  return { state, run, cancel };
}
