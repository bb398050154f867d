import { useCallback, useEffect, useRef, useState } from 'react';
import type { i18n as I18n } from 'i18next';
import { asTenureError } from '../../../shared/errors';
import { useWorkbench } from '../../store/workbenchStore';
import { useServices } from '../../workbench/services';
import { errorTextKey } from '../../../shared/i18n/errorKey';

export interface RunError {
  code: string;
  /** Translated text when there is one (errors.<code>), else DuckDB's message. */
  message: string;
  /** DuckDB's own message when no translated text tells it (never the English twin of `message`). */
  detail?: string;
  /** The translation key and parameters of `message`, so Problems can re-translate it. */
  text?: { key: string; params: Record<string, unknown> };
}

export type RunState<R> =
  | { status: 'idle'; result?: undefined }
  | { status: 'running'; result?: R }
  | { status: 'done'; result: R; ms: number }
  | { status: 'cancelled'; result?: R }
  | { status: 'error'; error: RunError; result?: R };

export function runError(i18n: I18n, err: unknown, fallbackCode: string): RunError {
  const e = asTenureError(err, fallbackCode);
  const key = errorTextKey((k) => i18n.exists(k), e.code);
  const params = { ...e.params, file: e.file, line: e.line, column: e.column, message: e.message };
  if (!key) return { code: e.code, message: e.message };
  // The translated text is the whole story: the English message beside it would repeat it.
  return { code: e.code, message: i18n.t(key, params), text: { key, params } };
}

/**
 * One analysis run at a time per editor: the last result stays visible (dimmed) while a new one runs,
 * a late answer from a superseded or cancelled run is dropped, and a failure is shown in place and
 * listed in Problems under the editor's title.
 */
let runners = 0;

export function useAnalysisRun<R>(opts: { problemFile: string; fallbackCode?: string }) {
  const { engine, i18n } = useServices();
  // Problems belong to this editor: its next success clears them, its next failure replaces them.
  const owner = useRef(`analysis-${++runners}`);
  const [state, setState] = useState<RunState<R>>({ status: 'idle' });
  const runId = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    const me = owner.current;
    return () => {
      mounted.current = false;
      runId.current++;
      useWorkbench.getState().clearProblems(me);
    };
  }, []);
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const run = useCallback(
    async (fn: () => Promise<R>): Promise<R | undefined> => {
      const id = ++runId.current;
      setState((s) => ({ status: 'running', result: s.result }));
      const started = performance.now();
      try {
        const result = await fn();
        if (id !== runId.current || !mounted.current) return undefined;
        setState({ status: 'done', result, ms: performance.now() - started });
        useWorkbench.getState().clearProblems(owner.current);
        return result;
      } catch (err) {
        if (id !== runId.current || !mounted.current) return undefined;
        const error = runError(i18n, err, optsRef.current.fallbackCode ?? 'sql');
        setState((s) => ({ status: 'error', error, result: s.result }));
        useWorkbench.getState().addProblem({ severity: 'error', code: error.code, owner: owner.current, message: error.message, text: error.text, file: optsRef.current.problemFile });
        return undefined;
      }
    },
    [i18n],
  );

  const cancel = useCallback(async () => {
    runId.current++;
    setState((s) => ({ status: 'cancelled', result: s.result }));
    await engine.cancel().catch(() => false);
  }, [engine]);

  return { state, run, cancel };
}
