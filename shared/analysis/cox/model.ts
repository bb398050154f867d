import { TenureError } from '../../errors';
import { chiSquareUpper } from '../../stats/chisq';
import { zForLevel } from '../../stats/normal';
import { coxBaseline, predictSurvival, type Baseline } from './baseline';
import { concordance } from './concordance';
import { coxFit, waldTest, type CoxData, type Ties } from './fit';
import { coxZph, type TermColumns, type ZphResult, type ZphRow } from './zph';

/**
 * A Cox model from column arrays: the design (treatment-coded dummies against each text column's
 * reference level, numbers as they are), the fit, its tests, concordance, PH test and baseline hazard.
 * Pure; the analysis (compute.ts) reads the arrays from DuckDB.
 */
export type CovariateColumn =
  | { column: string; kind: 'number'; values: Float64Array }
  | { column: string; kind: 'factor'; levels: string[]; codes: Int32Array; reference: string };

export interface CoxInput {
  /** Follow-up times, ascending (rows with a missing value already left out). */
  time: Float64Array;
  status: Uint8Array;
  covariates: CovariateColumn[];
  ties: Ties;
}

export interface CoxTerm {
  /** R's name: the column for a number, column + level for a dummy (`ContractOne year`). */
  term: string;
  column: string;
  level: string | null;
  coef: number;
  hazardRatio: number;
  se: number;
  z: number;
  p: number;
  hrLower: number;
  hrUpper: number;
}

export interface Test {
  chisq: number;
  df: number;
  p: number;
}

export interface FactorInfo {
  column: string;
  reference: string;
  levels: string[];
  /** Rows per level (same order). */
  counts: number[];
}

export interface CoxModel {
  n: number;
  events: number;
  ties: Ties;
  loglikNull: number;
  loglik: number;
  iterations: number;
  likelihoodRatio: Test;
  wald: Test;
  score: Test;
  concordance: { c: number; se: number };
  coefficients: CoxTerm[];
  factors: FactorInfo[];
  /** Numeric covariates' means and ranges (profile defaults, plot ranges). */
  numbers: { column: string; mean: number; min: number; max: number }[];
  phTest: ZphRow[];
  zph: ZphResult;
  terms: TermColumns[];
  baseline: Baseline;
  /** Column means of the design (R's fit$means). */
  means: Float64Array;
  beta: Float64Array;
}

export type ProfileValue = string | number | boolean | null;

const Z95 = zForLevel(0.95);

function termsAndDesign(input: CoxInput): { data: CoxData; terms: TermColumns[]; names: { term: string; column: string; level: string | null }[]; factors: FactorInfo[] } {
  const n = input.time.length;
  const cols: { term: string; column: string; level: string | null; source: { kind: 'number'; values: Float64Array } | { kind: 'dummy'; codes: Int32Array; code: number } }[] = [];
  const terms: TermColumns[] = [];
  const factors: FactorInfo[] = [];
  for (const c of input.covariates) {
    if (c.kind === 'number') {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        lo = Math.min(lo, c.values[i]);
        hi = Math.max(hi, c.values[i]);
      }
      if (!(hi > lo)) throw new TenureError('cox.oneLevel', `Column "${c.column}" has the same value on every row used: it cannot explain anything`, { column: c.column, params: { column: c.column } });
      terms.push({ term: c.column, columns: [cols.length] });
      cols.push({ term: c.column, column: c.column, level: null, source: { kind: 'number', values: c.values } });
      continue;
    }
    const counts = new Array<number>(c.levels.length).fill(0);
    for (let i = 0; i < n; i++) counts[c.codes[i]]++;
    const present = c.levels.filter((_, k) => counts[k] > 0);
    if (present.length < 2) throw new TenureError('cox.oneLevel', `Column "${c.column}" has only one value (${present[0] ?? '—'}) on the rows used: it cannot explain anything`, { column: c.column, params: { column: c.column } });
    const ref = c.levels.indexOf(c.reference);
    if (ref < 0 || counts[ref] === 0) {
      throw new TenureError('cox.badReference', `Column "${c.column}" has no value "${c.reference}" to compare against (values: ${present.join(', ')})`, { column: c.column, params: { column: c.column, level: c.reference } });
    }
    factors.push({ column: c.column, reference: c.reference, levels: c.levels.filter((_, k) => counts[k] > 0), counts: counts.filter((k) => k > 0) });
    const idx: number[] = [];
    c.levels.forEach((lv, k) => {
      if (k === ref || counts[k] === 0) return;
      idx.push(cols.length);
      cols.push({ term: `${c.column}${lv}`, column: c.column, level: lv, source: { kind: 'dummy', codes: c.codes, code: k } });
    });
    terms.push({ term: c.column, columns: idx });
  }
  const p = cols.length;
  const x = new Float64Array(n * p);
  const means = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const src = cols[k].source;
    let s = 0;
    if (src.kind === 'number') {
      for (let i = 0; i < n; i++) s += x[i * p + k] = src.values[i];
    } else {
      for (let i = 0; i < n; i++) s += x[i * p + k] = src.codes[i] === src.code ? 1 : 0;
    }
    means[k] = s / n;
  }
  for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) x[i * p + k] -= means[k];
  const status = input.status;
  return { data: { n, p, time: input.time, status, x, means }, terms, names: cols.map(({ term, column, level }) => ({ term, column, level })), factors };
}

const label = (c: { column: string; level: string | null }): string => (c.level === null ? c.column : `${c.column} = ${c.level}`);

const test = (chisq: number, df: number): Test => ({ chisq, df, p: chiSquareUpper(Math.max(0, chisq), df).p });

/** Fit and summarise; throws a TenureError naming the column for the cases R would flag. */
export function fitCoxModel(input: CoxInput): CoxModel {
  const n = input.time.length;
  if (!input.covariates.length) throw new TenureError('cox.noCovariates', 'Choose at least one covariate');
  let events = 0;
  for (let i = 0; i < n; i++) events += input.status[i];
  if (events === 0) throw new TenureError('cox.noEvents', `None of the ${n} rows used is an event (churned): a Cox model needs events`, { params: { n } });
  const { data, terms, names, factors } = termsAndDesign(input);
  const p = data.p;
  const fit = coxFit(data, input.ties);
  const nameOf = (k: number): TenureError => {
    const c = names[k];
    return new TenureError('cox.singular', `Column "${label(c)}" is fully determined by the other covariates: leave one of them out`, {
      column: c.column,
      params: { column: label(c) },
    });
  };
  if (fit.singularAt >= 0) throw nameOf(fit.singularAt);
  const sd = (k: number): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += data.x[i * p + k] ** 2;
    return Math.sqrt(s / n);
  };
  // R only warns ("Loglik converged before variable …; coefficient may be infinite" or "Ran out of
  // iterations"); here a coefficient running off (hazard ratio per standard deviation beyond e^8) is
  // perfect separation, named, and anything else that fails to converge is said so.
  const size = names.map((_, k) => (Number.isFinite(fit.beta[k]) ? Math.abs(fit.beta[k]) * sd(k) : Infinity));
  const worst = size.indexOf(Math.max(...size));
  if ((!fit.converged || fit.infinite.length > 0 || size[worst] > 15) && size[worst] > 8) {
    const c = names[worst];
    throw new TenureError('cox.separation', `Column "${label(c)}" separates churned from staying customers perfectly: its hazard ratio is infinite. Leave it out or merge its values`, {
      column: c.column,
      params: { column: label(c) },
    });
  }
  if (!fit.converged) throw new TenureError('cox.noConvergence', `The Cox model did not converge in ${fit.iterations} iterations`, { params: { iterations: fit.iterations } });
  const coefficients: CoxTerm[] = names.map((nm, k) => {
    const coef = fit.beta[k];
    const se = Math.sqrt(fit.variance[k * p + k]);
    const z = coef / se;
    return { ...nm, coef, hazardRatio: Math.exp(coef), se, z, p: chiSquareUpper(z * z, 1).p, hrLower: Math.exp(coef - Z95 * se), hrUpper: Math.exp(coef + Z95 * se) };
  });
  // linear predictor as R stores it: x·β − Σ β·x̄ (centred)
  const lp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += data.x[i * p + k] * fit.beta[k];
    lp[i] = s;
  }
  const conc = concordance(data.time, data.status, lp);
  const zph = coxZph(data, fit.beta, input.ties, terms);
  const numbers = input.covariates.flatMap((c) => {
    if (c.kind !== 'number') return [];
    let s = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of c.values) {
      s += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return [{ column: c.column, mean: s / n, min: lo, max: hi }];
  });
  return {
    n,
    events,
    ties: input.ties,
    loglikNull: fit.loglikNull,
    loglik: fit.loglik,
    iterations: fit.iterations,
    likelihoodRatio: test(2 * (fit.loglik - fit.loglikNull), p),
    wald: test(waldTest(fit, p), p),
    score: test(fit.scoreTest, p),
    concordance: { c: conc.c, se: conc.se },
    coefficients,
    factors,
    numbers,
    phTest: zph.rows,
    zph,
    terms,
    baseline: coxBaseline(data, fit.beta, input.ties),
    means: data.means,
    beta: fit.beta,
  };
}

/** The covariate columns a model reads, in order (text columns once, with their dummies). */
export function modelColumns(m: CoxModel): string[] {
  return [...new Set(m.coefficients.map((c) => c.column))];
}

/**
 * The centred linear predictor of a profile (values by column). Text values must be one of the
 * column's values; numbers may be given as text.
 */
export function profileLp(m: CoxModel, values: Record<string, ProfileValue>): number {
  let lp = 0;
  m.coefficients.forEach((c, k) => {
    const v = values[c.column];
    if (v === undefined || v === null || v === '') throw new TenureError('cox.profileMissing', `The profile has no value for "${c.column}"`, { column: c.column, params: { column: c.column } });
    let x: number;
    if (c.level === null) {
      x = typeof v === 'number' ? v : Number(String(v).trim());
      if (!Number.isFinite(x)) throw new TenureError('cox.profileValue', `The profile's "${c.column}" is "${v}", not a number`, { column: c.column, params: { column: c.column, value: String(v) } });
    } else {
      const f = m.factors.find((q) => q.column === c.column)!;
      const s = String(v);
      if (!f.levels.includes(s)) throw new TenureError('cox.profileValue', `The profile's "${c.column}" is "${s}", which is not one of its values (${f.levels.join(', ')})`, { column: c.column, params: { column: c.column, value: s } });
      x = s === c.level ? 1 : 0;
    }
    lp += (x - m.means[k]) * m.beta[k];
  });
  return lp;
}

/** S(t | profile) at each time (R: survfit(fit, newdata = profile)). */
export function predictProfile(m: CoxModel, values: Record<string, ProfileValue>, times: number[]): number[] {
  return predictSurvival(m.baseline, profileLp(m, values), times);
}
