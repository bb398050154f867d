import type { TFunction } from '../../i18n/i18n';
import type { AnalysisTable } from '../../deck/tables';
import { formatP, unitLabel, type Translate } from '../survival/format';
import type { CoxResult } from './compute';
import type { CoxTerm } from './model';
import type { ZphRow } from './zph';

/** Findings (chart and slide titles), the PH warning and the coefficient table of a Cox result. */

const tr = (t: TFunction) => t as unknown as Translate;

/** A p value with its relation: "< 0.0001" or "= 0.43" (2 significant digits). */
export function pText(p: number): string {
  const f = formatP(p, p > 0 ? Math.log10(p) : -Infinity);
  return f.below ? `< ${f.text}` : `= ${f.text}`;
}

/** A profile name short enough for a title. */
function short(name: string, max = 30): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export function hrText(x: number): string {
  return x >= 10 ? x.toFixed(1) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2);
}

/** The reference level of a dummy's column. */
export function referenceOf(r: CoxResult, c: CoxTerm): string {
  return r.model.factors.find((f) => f.column === c.column)?.reference ?? '';
}

/** The term the forest plot's title speaks about: the strongest significant effect (largest |log HR|·SD-free for dummies, per unit for numbers). */
export function leadTerm(r: CoxResult): CoxTerm | null {
  const sig = r.model.coefficients.filter((c) => c.p < 0.05);
  if (!sig.length) return null;
  const dummies = sig.filter((c) => c.level !== null);
  const pool = dummies.length ? dummies : sig;
  // (numbers are per unit, so their |β| is not comparable with a dummy's)
  return pool.reduce((a, b) => (Math.abs(b.coef) > Math.abs(a.coef) ? b : a));
}

export function coxFinding(r: CoxResult, t: TFunction): string {
  const c = leadTerm(r);
  if (!c) return t('cox.finding.none');
  if (c.level !== null) return t('cox.finding.level', { column: c.column, level: c.level, reference: referenceOf(r, c), hr: hrText(c.hazardRatio) });
  return t('cox.finding.number', { column: c.column, hr: hrText(c.hazardRatio) });
}

/** Terms whose proportional-hazards test fails at 5%. */
export function phFailures(r: CoxResult): ZphRow[] {
  return r.model.phTest.filter((z) => z.term !== 'GLOBAL' && z.p < 0.05);
}

/** The plain-language warning under the PH table (null when the assumption holds). */
export function phWarning(r: CoxResult, t: TFunction): string | null {
  const bad = phFailures(r);
  if (!bad.length) return null;
  return t('cox.ph.warning', { terms: bad.map((z) => z.term).join(t('export.deck.listSeparator')), count: bad.length });
}

export function phFinding(r: CoxResult, term: string, t: TFunction): string {
  const z = r.model.phTest.find((x) => x.term === term)!;
  return t(z.p < 0.05 ? 'cox.ph.changes' : 'cox.ph.steady', { term, p: pText(z.p) });
}

/** The PH plot shown by default (deck, CLI): the term with the strongest evidence against PH. */
export function worstPhTerm(r: CoxResult): string {
  const rows = r.model.phTest.filter((z) => z.term !== 'GLOBAL');
  return rows.reduce((a, b) => (b.chisq / b.df > a.chisq / a.df ? b : a)).term;
}

/** The time the predicted-survival finding reads at: the last of `times` with at least 10% still at risk. */
export function readTime(r: CoxResult): number | null {
  const ok = r.times.filter((x, i) => x > 0 && x <= r.maxTime && r.atRisk[i] >= 0.1 * r.model.n);
  return ok.length ? ok[ok.length - 1] : null;
}

export function predictedFinding(r: CoxResult, curves: { name: string; survival: (t: number) => number }[], t: TFunction): string {
  const at = readTime(r);
  if (at === null || !curves.length) return t('cox.predicted.title');
  const unit = unitLabel(tr(t), r.unit);
  const s = curves.map((c) => ({ name: c.name, s: c.survival(at) }));
  const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;
  if (s.length === 1) return t('cox.predicted.one', { profile: short(s[0].name, 48), share: pct(s[0].s), time: at, unit });
  const best = s.reduce((a, b) => (b.s > a.s ? b : a));
  const worst = s.reduce((a, b) => (b.s < a.s ? b : a));
  return t('cox.predicted.range', { bestShare: pct(best.s), worstShare: pct(worst.s), time: at, unit });
}

export function coxTakeaway(r: CoxResult, t: TFunction): string {
  return withPhWarning(r, t, t('cox.takeaway', { finding: coxFinding(r, t), ...modelFigures(r) }));
}

/** The model's figures and the PH warning without the finding (under the editor's headline, which says it). */
export function coxModelNote(r: CoxResult, t: TFunction): string {
  return withPhWarning(r, t, t('cox.modelNote', modelFigures(r)));
}

const modelFigures = (r: CoxResult) => ({ c: r.model.concordance.c.toFixed(3), n: r.model.n, events: r.model.events });

function withPhWarning(r: CoxResult, t: TFunction, text: string): string {
  // Sentences follow each other with a space in English, directly after 。 in Chinese.
  return phFailures(r).length ? t('export.deck.twoSentences', { first: text, second: phWarning(r, t) }) : text;
}

/** One row per term: hazard ratio, CI, p (slide: term, HR, CI, p). */
export function coxTable(r: CoxResult, t: TFunction): AnalysisTable {
  return {
    columns: [t('cox.table.term'), t('cox.table.hr'), t('cox.table.lower'), t('cox.table.upper'), t('cox.table.p'), t('cox.table.coef'), t('cox.table.se'), t('cox.table.z')],
    kinds: ['text', 'number', 'number', 'number', 'text', 'number', 'number', 'number'],
    rows: r.model.coefficients.map((c) => [c.level === null ? c.column : `${c.column}: ${c.level}`, c.hazardRatio, c.hrLower, c.hrUpper, pText(c.p), c.coef, c.se, c.z]),
    slide: { columns: [0, 1, 2, 3, 4], maxRows: 14 },
  };
}
