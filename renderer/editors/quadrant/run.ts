import { computeQuadrant, type QuadrantResult } from '../../../shared/analysis/quadrant/compute';
import { parseQuadrantSpec, type QuadrantSpec } from '../../../shared/analysis/quadrant/spec';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toSpecInput, type QuadrantForm } from './form';

/** One finished run: the validated spec and its result, with the form key it was run for (stale check). */
export interface QuadrantRun {
  spec: QuadrantSpec;
  result: QuadrantResult;
  key: string;
}

export function formKey(form: QuadrantForm): string {
  return JSON.stringify(toSpecInput(form));
}

export async function runQuadrant(engine: QueryEngine, form: QuadrantForm): Promise<QuadrantRun> {
  const spec = parseQuadrantSpec(toSpecInput(form));
  const result = await computeQuadrant(engine, spec);
  return { spec, result, key: formKey(form) };
}

/** Every statement of the run, ready for a SQL editor tab. */
export function runSql(run: QuadrantRun): string {
  return run.result.sql.map((s) => s.trim().replace(/;$/, '')).join(';\n\n') + ';';
}
