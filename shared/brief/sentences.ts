import type { TFunction } from '../i18n/i18n';
import { headline } from '../analysis/pareto/headline';
import type { ParetoResult } from '../analysis/pareto/types';
import type { ParetoSpec } from '../analysis/pareto/spec';
import type { SurvivalResult } from '../analysis/survival/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import { priorityTable } from '../analysis/quadrant/compute';
import type { ReasonsResult } from '../analysis/reasons/compute';
import type { RiskResult } from '../analysis/risk/compute';
import { segmentPeak } from '../analysis/risk/score';
import { economics } from '../analysis/risk/economics';
import { atTime, period, riskFinding, segmentLabel, timeRange } from '../analysis/risk/text';
import { num } from '../analysis/survival/format';
import type { CoxBriefResult } from './types';

/** Plain sentences per topic, each from one analysis' result (pure; the language is the t function's). */

type T = TFunction;

/** "a, b and c" / "a、b和c". */
export function joinList(t: T, items: string[]): string {
  if (items.length <= 1) return items.join('');
  // Interpolated, so Chinese gets its space between Latin names and 和 (shared/i18n/zhSpacing.ts).
  return t('brief.and', { head: items.slice(0, -1).join(t('export.deck.listSeparator')), last: items[items.length - 1] });
}

/** First letter up (English sentences assembled from clauses); Chinese is unchanged. */
function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(t: T, clauses: string[]): string {
  return capital(clauses.join(t('brief.clauses'))) + t('brief.stop');
}

export function paretoSentences(r: ParetoResult & { spec: ParetoSpec }, t: T, takeaway: string): string[] {
  const value = r.spec.value.kind === 'column' ? r.spec.value.column : r.spec.value.sql;
  return [headline(r, value, t), takeaway];
}

/** What the "when" sentences need per segment, from a survival result or from value at risk's segments. */
export interface WhenGroup {
  name: string | null;
  median: number | null;
  peak: { start: number; end: number; rate: number } | null;
}

export function whenFromSurvival(r: SurvivalResult, minAtRisk: number): { unit: string; maxTime: number; groups: WhenGroup[] } {
  return { unit: r.unit, maxTime: r.maxTime, groups: r.groups.map((g) => ({ name: g.name, median: g.median, peak: segmentPeak(g, minAtRisk) })) };
}

export function whenFromRisk(r: RiskResult): { unit: string; maxTime: number; groups: WhenGroup[] } {
  return { unit: r.unit, maxTime: r.maxTime, groups: r.bySegment.map((s) => ({ name: s.segment, median: s.median, peak: s.peak })) };
}

/** Medians (who is half gone by when) and the critical window of each segment. */
export function whenSentences(w: { unit: string; maxTime: number; groups: WhenGroup[] }, t: T): string[] {
  const grouped = w.groups.some((g) => g.name !== null);
  const label = (g: WhenGroup) => segmentLabel(t, g.name);
  const reached = w.groups.filter((g) => g.median !== null);
  const stay = w.groups.filter((g) => g.median === null);
  const clauses = reached.map((g) => (grouped ? t('brief.when.medianGroup', { group: label(g), at: atTime(t, w.unit, g.median as number) }) : t('brief.when.medianAll', { at: atTime(t, w.unit, g.median as number) })));
  if (stay.length) {
    const observed = period(t, w.unit, w.maxTime);
    clauses.push(grouped ? t('brief.when.stayGroups', { groups: joinList(t, stay.map(label)), period: observed }) : t('brief.when.stayAll', { period: observed }));
  }
  const out = clauses.length ? [sentence(t, clauses)] : [];
  const peaks = w.groups.filter((g) => g.peak !== null);
  if (peaks.length && grouped) {
    // The first item explains the rate; the others only give it.
    const items = peaks.map((g, i) => t(i ? 'brief.when.peakGroupShort' : 'brief.when.peakGroup', { group: label(g), range: timeRange(t, w.unit, g.peak!.start, g.peak!.end), rate: g.peak!.rate }));
    out.push(t('brief.when.peaks', { items: items.join(t('brief.clauses')) }));
  } else if (peaks.length) {
    const p = peaks[0].peak!;
    out.push(t('brief.when.peakAll', { range: timeRange(t, w.unit, p.start, p.end), rate: p.rate }));
  }
  return out;
}

const hr = (x: number) => String(Number(x.toPrecision(x < 1 ? 2 : 3)));

/** The Cox model's strongest significant hazard ratios (up to three, by |log HR|). */
export function coxSentences(r: CoxBriefResult, t: T): string[] {
  const sig = r.coefficients.filter((c) => Number.isFinite(c.hazardRatio) && c.hazardRatio > 0 && c.p < 0.05).sort((a, b) => Math.abs(Math.log(b.hazardRatio)) - Math.abs(Math.log(a.hazardRatio)));
  if (!sig.length) return [t('brief.why.coxNone')];
  const items = sig.slice(0, 3).map((c) => {
    const column = c.column ?? c.term;
    if (!c.level) return t('brief.why.coxNumber', { column, hr: hr(c.hazardRatio) });
    const reference = r.terms?.find((x) => x.column === column)?.reference;
    return reference ? t('brief.why.coxLevel', { column, level: c.level, hr: hr(c.hazardRatio), reference }) : t('brief.why.coxLevelNoRef', { column, level: c.level, hr: hr(c.hazardRatio) });
  });
  return [t('brief.why.cox', { items: items.join(t('export.deck.listSeparator')) })];
}

/** The quadrant's "concentrate here" drivers (at most three), else the strengths to keep. */
export function quadrantDrivers(r: QuadrantResult): { concentrate: string[]; keep: string[] } {
  const rows = priorityTable(r.overall);
  const pick = (zone: string) => rows.filter((d) => d.zone === zone).slice(0, 3).map((d) => d.label);
  return { concentrate: pick('concentrate'), keep: pick('keep') };
}

export function quadrantSentences(r: QuadrantResult, t: T): string[] {
  const d = quadrantDrivers(r);
  if (d.concentrate.length) return [t('brief.why.quadrant', { drivers: joinList(t, d.concentrate), count: d.concentrate.length })];
  return d.keep.length ? [t('brief.why.quadrantNone', { drivers: joinList(t, d.keep), count: d.keep.length })] : [];
}

export function reasonsSentences(r: ReasonsResult, t: T): string[] {
  const top = r.overall.rows[0];
  if (!top) return [];
  const reason = top.reason ?? t('survival.reasons.noReason');
  // Without tags every reason is untagged: a 0% controllable share would say something untrue.
  if (r.overall.controllableShare !== null && Object.keys(r.spec.controllable).length) {
    return [t('brief.why.reasons', { share: r.overall.controllableShare, reason, reasonShare: top.share })];
  }
  return [t('brief.why.reasonsUntagged', { reason, share: top.share })];
}

/** How much value is at risk, where it sits, and who is not scored. */
export function riskSentences(r: RiskResult, t: T): string[] {
  const out = [riskFinding(r, t) + t('brief.stop')];
  if (!r.scored || !r.valueAtRisk) return out;
  const cls = [...r.byClass].filter((c) => c.class !== null).sort((a, b) => b.valueAtRisk - a.valueAtRisk)[0];
  const seg = r.spec.segment ? [...r.bySegment].sort((a, b) => b.valueAtRisk - a.valueAtRisk)[0] : undefined;
  const args = { cls: cls?.class, classShare: cls ? cls.valueAtRisk / r.valueAtRisk : 0, segment: seg ? segmentLabel(t, seg.segment) : '', segmentShare: seg ? seg.valueAtRisk / r.valueAtRisk : 0 };
  if (cls && seg) out.push(t('brief.risk.split', args));
  else if (cls) out.push(t('brief.risk.splitClass', args));
  else if (seg) out.push(t('brief.risk.splitSegment', args));
  if (r.notScored > 0) out.push(t('brief.risk.notScored', { count: r.notScored }));
  return out;
}

/** Whom to call and by when (the first N of the call list, N = the economics' contacts), and what it returns. */
export function callSentences(r: RiskResult, t: T): string[] {
  const plan = r.plan;
  if (!plan.contacts || !r.valueAtRisk) return [];
  const out = [t('brief.action.call', { n: plan.contacts, share: plan.loss / r.valueAtRisk, amount: plan.loss })];
  if (plan.now === plan.contacts) out.push(t('brief.action.callAllNow'));
  else if (plan.soonest !== null && plan.latest !== null) {
    const when = plan.soonest === plan.latest ? period(t, r.unit, plan.latest) : t('brief.action.fromTo', { a: num(plan.soonest, 1), period: period(t, r.unit, plan.latest) });
    out.push(plan.now > 0 ? t('brief.action.callSplit', { now: plan.now, when }) : t('brief.action.callNoneNow', { when }));
  }
  const input = r.spec.economics;
  const meanValue = r.scored ? r.valueActiveScored / r.scored : 0;
  const e = economics(input, r.callCurve, meanValue);
  if (e.contacts > 0 && e.breakEvenSaveRate !== null) {
    const args = { cost: input.actionCost, rate: input.saveRate, contacts: e.contacts, saved: e.valueSaved, spent: e.cost, net: e.netReturn, breakEven: e.breakEvenSaveRate };
    out.push(t(e.netReturn >= 0 ? 'brief.action.returns' : 'brief.action.returnsLoss', args));
    if (e.acquisitionCost > 0) out.push(t('brief.action.acquisition', { customers: e.newCustomersNeeded, acquisition: e.acquisitionCost }));
  }
  return out;
}

