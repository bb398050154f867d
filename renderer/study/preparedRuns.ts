import { useAnalysisRuns } from '../store/analysisRuns';

/**
 * Results a study run already computed (opening a study, Replace data file…), handed to the editor that
 * would otherwise compute the same analysis again right after: each analysis runs once. An editor takes its
 * result once, and only for the very spec it was computed with; anything else computes as usual.
 */
const offered = new Map<string, { spec: string; result: unknown }>();

/** Performance-timeline entry per computation (an e2e test counts them; the profiler shows them). */
export const RUN_MARK = 'tenure:analysis-run';

/** One real computation of analysis `id` (`before`: the figures of the data file being replaced). */
export function markRun(id: string, before = false): void {
  globalThis.performance?.mark?.(RUN_MARK, { detail: { id, before } });
}

export function offerResults(list: { id: string; spec: unknown; result?: unknown }[]): void {
  for (const x of list) {
    if (x.result === undefined) offered.delete(x.id);
    else offered.set(x.id, { spec: JSON.stringify(x.spec), result: x.result });
  }
}

export function clearOffered(): void {
  offered.clear();
}

/** The offered result of analysis `id` if it was computed for exactly `spec`, else `compute()`; kept in the results store. */
export async function computeOnce<R>(id: string, spec: unknown, compute: () => Promise<R>): Promise<R> {
  const o = offered.get(id);
  offered.delete(id);
  if (o && o.spec === JSON.stringify(spec)) {
    useAnalysisRuns.getState().setComputed(id, spec, o.result);
    return o.result as R;
  }
  markRun(id);
  const result = await compute();
  useAnalysisRuns.getState().setComputed(id, spec, result);
  return result;
}

/**
 * The result analysis `id` already has for exactly `spec`, without computing: its last computation (results
 * store) or a study run's result not yet taken by its editor (which still gets it). Undefined when it has none.
 */
export function knownResult(id: string, spec: unknown): unknown {
  const key = JSON.stringify(spec);
  const c = useAnalysisRuns.getState().computed[id];
  if (c?.spec === key) return c.result;
  const o = offered.get(id);
  return o?.spec === key ? o.result : undefined;
}

/**
 * A result computed outside the editor (the deck's, for an analysis whose editor has not run yet): kept in
 * the results store and handed to the editor's first run, so the analysis is not computed again there.
 */
export function keepResult(id: string, spec: unknown, result: unknown): void {
  useAnalysisRuns.getState().setComputed(id, spec, result);
  offerResults([{ id, spec, result }]);
}
