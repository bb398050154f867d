import { computeQuadrant, type QuadrantResult } from '../../../shared/analysis/quadrant/compute';
import { parseQuadrantSpec, type QuadrantSpec } from '../../../shared/analysis/quadrant/spec';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toSpecInput, type QuadrantForm } from './form';
import { computeOnce } from '../../study/preparedRuns';

/** One finished run: the validated spec and its result, with the form key it was run for (stale check). */
export interface QuadrantRun {
  spec: QuadrantSpec;
  result: QuadrantResult;
  key: string;
}

export function formKey(form: QuadrantForm): string {
  return JSON.stringify(toSpecInput(form));
}

/** `id`: the analysis (editor tab), so a result a study run already computed for this spec is taken, not recomputed. */
export async function runQuadrant(engine: QueryEngine, form: QuadrantForm, id: string): Promise<QuadrantRun> {
  const input = toSpecInput(form);
  const spec = parseQuadrantSpec(input);
  const result = await computeOnce(id, input, () => computeQuadrant(engine, spec));
  return { spec, result, key: formKey(form) };
}

/** Every statement of the run, ready for a SQL editor tab; after them, under `referenceNote` (a SQL
 *  comment), the plain statement the integer-rating histogram's figures equal. */
export function runSql(run: QuadrantRun, referenceNote?: string): string {
  const ref = run.result.referenceSql && referenceNote ? [`-- ${referenceNote}\n${run.result.referenceSql}`] : [];
  return [...run.result.sql, ...ref].map((s) => s.trim().replace(/;$/, '')).join(';\n\n') + ';';
}
