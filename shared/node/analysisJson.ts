import type { ParetoResult } from '../analysis/pareto/types';
import type { SurvivalResult } from '../analysis/survival/compute';
import type { CohortResult } from '../analysis/cohort/compute';
import type { ReasonsResult } from '../analysis/reasons/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import type { RiskResult } from '../analysis/risk/compute';
import { paretoJson } from './commands/pareto';
import { survivalJson } from './commands/survival';
import { cohortJson } from './commands/cohort';
import { quadrantJson } from './commands/quadrant';
import { reasonsJson } from './commands/reasons';
import { riskJson } from './commands/risk';

/** What the file an analysis read is called (quadrant prints it). */
export interface JsonContext {
  file: string;
}

type ToJson = (result: never, ctx: JsonContext) => unknown;

/**
 * Kind → the JSON its own CLI command prints with --json, so `study run` prints exactly that per
 * analysis. A kind missing here (a new analysis without its own shaping) prints its result as is.
 */
const JSON_OF: Record<string, ToJson> = {
  pareto: (r: ParetoResult) => paretoJson(r),
  survival: (r: SurvivalResult) => survivalJson(r),
  hazard: (r: SurvivalResult) => survivalJson(r),
  cohort: (r: CohortResult) => cohortJson(r),
  reasons: (r: ReasonsResult) => reasonsJson(r),
  quadrant: (r: QuadrantResult, ctx) => quadrantJson(r, ctx.file),
  risk: (r: RiskResult) => riskJson(r),
};

/** JSON-safe copy: BigInt → number, undefined dropped (what JSON.stringify would print). */
export function plainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)));
}

export function analysisJson(kind: string, result: unknown, ctx: JsonContext): unknown {
  const f = JSON_OF[kind];
  return plainJson(f ? f(result as never, ctx) : result);
}
