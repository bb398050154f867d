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

/** The offered result of analysis `id` if it was computed for exactly `spec`, else `compute()`. */
export async function computeOnce<R>(id: string, spec: unknown, compute: () => Promise<R>): Promise<R> {
  const o = offered.get(id);
  offered.delete(id);
  if (o && o.spec === JSON.stringify(spec)) return o.result as R;
  markRun(id);
  return compute();
}
