import type { TFunction } from '../../i18n/i18n';
import { num } from '../survival/format';
import type { AnalysisTable } from '../../deck/tables';
import type { CallListRow, RiskResult } from './compute';
import type { CallWindow } from './score';

/** Sentences and labels of value at risk (charts, call list, deck, brief), in the user's language. */

type T = TFunction;
const KNOWN_UNITS = new Set(['months', 'weeks', 'days', 'quarters', 'years']);
const unitKey = (unit: string) => (KNOWN_UNITS.has(unit) ? unit : 'other');
const n1 = (x: number) => num(x, 1);

/** "6 months" / "6个月". */
export function period(t: T, unit: string, count: number): string {
  const k = unitKey(unit);
  return k === 'other' ? t('risk.period.other', { count: n1(count), unit }) : t(`risk.period.${k}`, { count });
}

/** "month 66" / "第66个月". */
export function atTime(t: T, unit: string, time: number): string {
  return t(`risk.at.${unitKey(unit)}`, { t: n1(time), unit });
}

/** "months 66–68" / "第66–68个月". */
export function timeRange(t: T, unit: string, a: number, b: number): string {
  return t(`risk.range.${unitKey(unit)}`, { a: n1(a), b: n1(b), unit });
}

/** When to call an account, from today: "now" or "within 4 months" (its riskiest period starts then). */
export function callByText(t: T, unit: string, w: CallWindow | null, time: number): string {
  if (!w) return '–';
  return w.callBy === null ? t('risk.window.now') : t('risk.window.within', { period: period(t, unit, w.callBy - time) });
}

/** The window sentence of one account: "This segment's churn risk peaks at months 66–68: call before month 66 (within 4 months)". */
export function windowSentence(t: T, unit: string, w: CallWindow | null, time: number): string {
  if (!w) return '';
  const range = timeRange(t, unit, w.start, w.end);
  return w.callBy === null ? t('risk.window.sentenceNow', { range }) : t('risk.window.sentence', { range, at: atTime(t, unit, w.callBy), within: period(t, unit, w.callBy - time) });
}

export function valueLabel(r: Pick<RiskResult, 'spec'>): string {
  return r.spec.value.kind === 'column' ? r.spec.value.column : r.spec.value.sql;
}

export function segmentLabel(t: T, name: string | null): string {
  return name === null ? t('risk.allCustomers') : name === '' ? t('survival.blank') : name;
}

export function classLabel(t: T, name: string | null): string {
  return name === null ? t('risk.unclassified') : name;
}

/** Slide title / headline: how much value is expected to leave, and its share. */
export function riskFinding(r: RiskResult, t: T): string {
  if (!r.scored) return t('risk.finding.none');
  return t('risk.finding.headline', { amount: r.valueAtRisk, value: valueLabel(r), period: period(t, r.unit, r.horizon), share: r.valueActiveScored ? r.valueAtRisk / r.valueActiveScored : 0 });
}

/** The class (or, without classes, the segment) holding the largest share of the value at risk. */
export function concentrationFinding(r: RiskResult, t: T): string {
  if (!r.valueAtRisk) return t('risk.finding.none');
  if (r.byClass.length) {
    const top = [...r.byClass].filter((c) => c.class !== null).sort((a, b) => b.valueAtRisk - a.valueAtRisk)[0];
    if (top) return t('risk.finding.byClass', { cls: top.class, share: top.valueAtRisk / r.valueAtRisk });
  }
  const seg = [...r.bySegment].sort((a, b) => b.valueAtRisk - a.valueAtRisk)[0];
  return t('risk.finding.bySegment', { segment: segmentLabel(t, seg.segment), share: seg.valueAtRisk / r.valueAtRisk });
}

/** The share of the value at risk held by the top ceil(20%) accounts (an exact curve rank). */
export function top20Share(r: RiskResult): { k: number; share: number } | null {
  if (!r.scored || !r.valueAtRisk) return null;
  const k = Math.ceil(r.scored / 5);
  const p = r.lossCurve.find((c) => c.rank === k);
  return p ? { k, share: p.cumLoss / r.valueAtRisk } : null;
}

export function lossParetoFinding(r: RiskResult, t: T): string {
  const x = top20Share(r);
  return x ? t('risk.finding.lossPareto', { k: x.k, share: x.share }) : t('risk.finding.none');
}

/** The takeaway: how much of the risk the accounts to call (the economics' N) hold. */
export function riskTakeaway(r: RiskResult, t: T): string {
  if (!r.plan.contacts || !r.valueAtRisk) return '';
  return t('risk.finding.takeaway', { n: r.plan.contacts, share: r.plan.loss / r.valueAtRisk, amount: r.plan.loss });
}

/** Call-list columns (raw values for CSV/XLSX; `slide` picks what fits a slide). */
export function callListTable(r: RiskResult, rows: CallListRow[], t: T): AnalysisTable {
  const unit = t(`survival.units.${r.unit}`, { defaultValue: r.unit });
  const hasClass = r.byClass.length > 0;
  const cols: { title: string; kind: AnalysisTable['kinds'][number]; get(x: CallListRow): string | number | null }[] = [
    { title: t('risk.table.rank'), kind: 'count', get: (x) => x.rank },
    { title: t('risk.table.customer'), kind: 'text', get: (x) => x.id },
    ...(r.spec.segment ? [{ title: r.spec.segment, kind: 'text' as const, get: (x: CallListRow) => segmentLabel(t, x.segment) }] : []),
    ...(hasClass ? [{ title: t('risk.table.class'), kind: 'text' as const, get: (x: CallListRow) => classLabel(t, x.class) }] : []),
    { title: t('risk.table.tenure', { unit }), kind: 'number', get: (x) => x.time },
    { title: t('risk.table.p', { period: period(t, r.unit, r.horizon) }), kind: 'share', get: (x) => x.p },
    { title: t('risk.table.value', { value: valueLabel(r) }), kind: 'amount', get: (x) => x.value },
    { title: t('risk.table.expectedLoss'), kind: 'amount', get: (x) => x.expectedLoss },
    { title: t('risk.table.peak'), kind: 'text', get: (x) => (x.window ? timeRange(t, r.unit, x.window.start, x.window.end) : null) },
    { title: t('risk.table.callBy'), kind: 'text', get: (x) => callByText(t, r.unit, x.window, x.time) },
  ];
  const idx = (title: string) => cols.findIndex((c) => c.title === title);
  const slideCols = [idx(t('risk.table.customer')), ...(r.spec.segment ? [2] : []), ...(hasClass ? [idx(t('risk.table.class'))] : []), idx(t('risk.table.tenure', { unit })), idx(t('risk.table.p', { period: period(t, r.unit, r.horizon) })), idx(t('risk.table.expectedLoss')), idx(t('risk.table.callBy'))];
  return {
    columns: cols.map((c) => c.title),
    kinds: cols.map((c) => c.kind),
    rows: rows.map((x) => cols.map((c) => c.get(x))),
    slide: { columns: slideCols, maxRows: 10 },
  };
}
