import type { SurvivalResult } from './compute';
import { groupLabel } from './chart';
import { TAG_CAUSES } from './causeSql';
import { formatP, num, pct, unitLabel, type Translate } from './format';
import type { IncidenceResult } from './incidence';
import type { RmstResult } from './rmst';

/** Findings (slide titles) and labels of the pairwise, RMST and competing-cause blocks. */

/** A group's display name in these blocks ('' shown as "(blank)"). */
export function nameLabel(t: Translate, name: string): string {
  return groupLabel(t, { name });
}

/** A cause's display name: the tags are translated, '' is "(no cause given)". */
export function causeLabel(t: Translate, inc: Pick<IncidenceResult, 'tags'>, cause: string): string {
  if (inc.tags && (TAG_CAUSES as readonly string[]).includes(cause)) return t(`survival.models.tags.${cause}`);
  return cause === '' ? t('survival.models.noCause') : cause;
}

/** " (6 years)" for a whole number of years in months, weeks or days; else nothing. */
export function tauSpan(t: Translate, tau: number, unit: string): string {
  const per: Record<string, number> = { months: 12, weeks: 52, days: 365, quarters: 4 };
  const k = per[unit];
  if (!k || tau < 2 * k || tau % k !== 0) return '';
  return t('survival.models.rmst.span', { years: tau / k });
}

/**
 * "Over 72 months (6 years), One year keeps a customer 30.1 months longer than Month-to-month,
 * Two year 35.2 months longer": every group against the one with the shortest RMST.
 */
export function rmstFinding(r: SurvivalResult, t: Translate): string {
  const m = r.rmst;
  const unit = unitLabel(t, r.unit);
  if (!m || !m.groups.length) return t('survival.models.rmst.title');
  const tau = num(m.tau, 1);
  if (m.groups.length === 1) return t('survival.models.rmst.findingOne', { tau, timeUnit: unit, span: tauSpan(t, m.tau, r.unit), rmst: num(m.groups[0].rmst, 1) });
  const sorted = [...m.groups].sort((a, b) => a.rmst - b.rmst);
  const base = sorted[0];
  const others = sorted.slice(1);
  const first = others[0];
  const rest = others.slice(1).map((g) => t('survival.models.rmst.findingMore', { name: nameLabel(t, g.name), diff: num(g.rmst - base.rmst, 1), timeUnit: unit }));
  return t('survival.models.rmst.finding', {
    tau,
    timeUnit: unit,
    span: tauSpan(t, m.tau, r.unit),
    name: nameLabel(t, first.name),
    base: nameLabel(t, base.name),
    diff: num(first.rmst - base.rmst, 1),
    more: rest.join(t('survival.models.listSep')),
  });
}

/** The difference behind the finding, with its CI and p (a takeaway line). */
export function rmstTakeaway(m: RmstResult, t: Translate, unit: string): string {
  if (m.groups.length < 2) return '';
  const sorted = [...m.groups].sort((a, b) => a.rmst - b.rmst);
  const d = m.differences.find((x) => (x.a === sorted[0].name && x.b === sorted[1].name) || (x.b === sorted[0].name && x.a === sorted[1].name))!;
  const sign = d.a === sorted[0].name ? 1 : -1;
  const lo = sign > 0 ? d.lower : -d.upper;
  const hi = sign > 0 ? d.upper : -d.lower;
  const p = d.p === null ? '–' : pText(d.p);
  return t('survival.models.rmst.takeaway', { name: nameLabel(t, sorted[1].name), base: nameLabel(t, sorted[0].name), diff: num(sign * d.difference, 1), lower: num(lo, 1), upper: num(hi, 1), timeUnit: unitLabel(t, unit), p });
}

/** "p < 0.0001" / "p = 0.035" (survminer style). */
export function pText(p: number, log10p?: number): string {
  const f = formatP(p, log10p ?? (p > 0 ? Math.log10(p) : -Infinity));
  return `${f.below ? '<' : '='} ${f.text}`;
}

/** The horizon the incidence finding speaks about: the last requested time within the data. */
export function incidenceHorizon(r: SurvivalResult): number | null {
  const inc = r.incidence;
  if (!inc) return null;
  const seen = inc.times.filter((x) => x > 0 && x <= r.maxTime);
  return seen.length ? seen[seen.length - 1] : null;
}

/** "By 72 months, 27.1% have left for Other reason and 13.6% for Competitor". */
export function incidenceFinding(r: SurvivalResult, t: Translate): string {
  const inc = r.incidence;
  const time = incidenceHorizon(r);
  if (!inc || time === null || !inc.causes.length) return t('survival.models.incidence.title');
  const i = inc.times.indexOf(time);
  const ranked = inc.causes.map((c) => ({ c, x: c.incidence[i] })).sort((a, b) => b.x - a.x);
  const parts = ranked.slice(0, 3).map(({ c, x }) => t('survival.models.incidence.part', { share: pct(x), cause: causeLabel(t, inc, c.cause) }));
  const restShare = ranked.slice(3).reduce((s, x) => s + x.x, 0);
  if (ranked.length > 3) parts.push(t('survival.models.incidence.partOther', { share: pct(restShare), count: ranked.length - 3 }));
  return t('survival.models.incidence.finding', { time: num(time, 1), timeUnit: unitLabel(t, r.unit), parts: parts.join(t('survival.models.listSep')) });
}

/** "Holm-adjusted: 5 of 6 pairs differ (p < 0.05)". */
export function pairwiseFinding(r: SurvivalResult, t: Translate): string {
  const pw = r.pairwise;
  if (!pw) return t('survival.models.pairwise.title');
  const tested = pw.rows.filter((x) => x.pAdjusted !== null);
  const differ = tested.filter((x) => (x.pAdjusted as number) < 0.05);
  return t('survival.models.pairwise.finding', { count: differ.length, total: tested.length, adjust: t(`survival.models.adjust.${pw.adjust}`) });
}
