import type { CoxSpecInput } from '../../../shared/analysis/cox/spec';
import { typeKind } from '../analysis/columnTypes';
import { guessSurvivalForm, parseNumberList, type ColumnLike } from '../survival/survivalForm';

/**
 * What the Cox side panel edits, kept in the tab (serialisable, strings as typed). Profiles and times only
 * change predictions, which are computed from the fitted model on screen (no re-run).
 */
export interface CoxProfileForm {
  name: string;
  values: Record<string, string>;
}

export interface CoxForm {
  table: string;
  duration: string;
  unit: string;
  event: string;
  eventValues: string[];
  covariates: string[];
  /** Reference level per text covariate; missing = R's default (first value in sorted order). */
  references: Record<string, string>;
  ties: 'efron' | 'breslow';
  where: string;
  profiles: CoxProfileForm[];
  times: string;
}

const LIKELY = /contract|internet|charges|senior|payment|plan|tier|segment|gender|合约|套餐|费用|性别/i;

/** A first guess: tenure and churn as the survival editor guesses them, up to four likely covariates. */
export function guessCoxForm(table: string, columns: ColumnLike[]): CoxForm {
  const sv = guessSurvivalForm(table, columns);
  const covariates = columns
    .filter((c) => LIKELY.test(c.name) && c.name !== sv.event && c.name !== sv.duration && (typeKind(c.type) === 'number' || typeKind(c.type) === 'string'))
    .slice(0, 4)
    .map((c) => c.name);
  return { table, duration: sv.duration, unit: sv.unit, event: sv.event, eventValues: [], covariates, references: {}, ties: 'efron', where: '', profiles: [], times: '' };
}

export function restoreCoxForm(saved: unknown, table: string): CoxForm | null {
  if (!saved || typeof saved !== 'object') return null;
  return { ...guessCoxForm(table, []), ...(saved as Partial<CoxForm>) };
}

export type CoxProblem = { field: keyof CoxForm; key: string };

export function coxProblems(f: CoxForm): CoxProblem[] {
  const out: CoxProblem[] = [];
  if (!f.table) out.push({ field: 'table', key: 'survival.form.needTable' });
  if (!f.duration) out.push({ field: 'duration', key: 'survival.form.needDuration' });
  if (!f.event) out.push({ field: 'event', key: 'survival.form.needEvent' });
  else if (!f.eventValues.length) out.push({ field: 'eventValues', key: 'survival.form.needEventValues' });
  if (!f.covariates.length) out.push({ field: 'covariates', key: 'cox.form.needCovariates' });
  if (f.covariates.includes(f.duration) || f.covariates.includes(f.event)) out.push({ field: 'covariates', key: 'cox.form.covariateIsOutcome' });
  if (f.times.trim() && !parseNumberList(f.times)) out.push({ field: 'times', key: 'cox.form.badTimes' });
  return out;
}

/** The shared spec of a complete form (profiles are predicted on screen, so they are not part of it). */
export function coxSpecOf(f: CoxForm): CoxSpecInput {
  const times = f.times.trim() ? parseNumberList(f.times) : null;
  const references = Object.fromEntries(Object.entries(f.references).filter(([c, v]) => v && f.covariates.includes(c)));
  return {
    table: f.table,
    time: { kind: 'duration', column: f.duration, unit: f.unit.trim() || 'months' },
    event: { column: f.event, values: f.eventValues },
    covariates: f.covariates,
    references,
    ties: f.ties,
    ...(f.where.trim() ? { where: f.where.trim() } : {}),
    ...(times ? { times } : {}),
  };
}

export function runKey(f: CoxForm): string {
  return JSON.stringify(coxSpecOf(f));
}
