import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { fitCoxOnEngine } from '../cox/compute';
import { predictProfile } from '../cox/model';
import { parseCoxSpec } from '../cox/spec';
import type { SurvivalGroup } from '../survival/compute';
import { atRiskAt, callWindow, type ScoreRow } from './score';

/**
 * Value at risk from a Cox model: the small interface this analysis needs from issue 13
 * (shared/analysis/cox/, built in parallel). A fitted model predicts survival for a covariate profile
 * (R: survfit(coxph fit, newdata = profile)); p = 1 − S(t + h | x) / S(t | x) for each active customer.
 * The thin-tail rule and the call window still come from the customer's segment KM and hazard, as with KM.
 */
export type CovariateValue = string | number | boolean | null;

export interface CoxPredictor {
  /** The data columns the model reads, in order. */
  covariates: string[];
  /** S(time | profile) at each time, for one covariate profile (values in `covariates` order). */
  predict(profile: CovariateValue[], times: number[]): number[];
}

/** Fits the study's Cox analysis (its spec, with `table` set to the risk table) and returns its predictor. */
export type CoxPredictorFactory = (engine: QueryEngine, coxSpec: Record<string, unknown> & { table: string }) => Promise<CoxPredictor>;

/** Fits the Cox analysis' spec on the engine (shared/analysis/cox) and predicts with it. */
export async function fitCoxPredictor(engine: QueryEngine, coxSpec: Record<string, unknown> & { table: string }): Promise<CoxPredictor> {
  const spec = parseCoxSpec(coxSpec);
  const { model } = await fitCoxOnEngine(engine, spec);
  const covariates = spec.covariates;
  return {
    covariates,
    predict: (profile, times) => predictProfile(model, Object.fromEntries(covariates.map((c, i) => [c, profile[i]])), times),
  };
}

/** The factory value at risk uses unless a caller passes its own (tests). */
export const coxPredictorFactory: CoxPredictorFactory | undefined = fitCoxPredictor;

interface ProfileRow {
  g: string | null;
  t: number;
  [key: string]: unknown;
}

/**
 * Scores per (segment, time, covariate profile) of the active customers: p from the model, thin tail and
 * window from the segment's KM steps and hazard. `profilesSql` rows in, lookup rows out.
 */
export async function coxScores(
  engine: QueryEngine,
  sql: string,
  predictor: CoxPredictor,
  groups: SurvivalGroup[],
  h: number,
  minAtRisk: number,
): Promise<ScoreRow[]> {
  const rows = toRows<ProfileRow>(await engine.query(sql));
  const bySegment = new Map(groups.map((g) => [g.name, g]));
  const k = predictor.covariates.length;
  return rows.map((r) => {
    const g = bySegment.get(r.g);
    const profileText = Array.from({ length: k }, (_, i) => (r[`k${i}`] ?? null) as string | null);
    if (!g) return { segment: r.g, time: r.t, p: null, thin: false, window: null, profile: profileText };
    const thin = atRiskAt(g.steps, r.t + h) < minAtRisk;
    const past = r.t + h > g.steps[g.steps.length - 1].time;
    let p: number | null = null;
    if (!thin && !past) {
      const [s0, s1] = predictor.predict(Array.from({ length: k }, (_, i) => r[`x${i}`] as CovariateValue), [r.t, r.t + h]);
      p = s0 > 0 ? 1 - s1 / s0 : null;
    }
    return { segment: r.g, time: r.t, p, thin, window: p === null ? null : callWindow(g.hazard, r.t, h, minAtRisk), profile: profileText };
  });
}
