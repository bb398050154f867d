import type { TFunction } from '../i18n/i18n';
import type { SurvivalGroup, SurvivalResult } from '../analysis/survival/compute';
import type { CohortResult } from '../analysis/cohort/compute';
import type { ReasonsResult } from '../analysis/reasons/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import { groupLabel } from '../analysis/survival/chart';
import { formatP, num, unitLabel } from '../analysis/survival/format';
import { priorityTable } from '../analysis/quadrant/compute';

/**
 * One-sentence findings (slide titles) and takeaways for the analyses whose charts carry only a
 * generic title. Pareto has its own headline (shared/analysis/pareto/headline.ts).
 */

type T = TFunction;
const tr = (t: T) => t as unknown as (k: string, o?: Record<string, unknown>) => string;

/** The horizon the survival finding talks about: 12 if observed, else the largest observed horizon. */
export function survivalHorizon(r: SurvivalResult): number | null {
  const seen = r.horizons.filter((h) => h > 0 && h <= r.maxTime);
  if (!seen.length) return null;
  return seen.includes(12) ? 12 : seen[seen.length - 1];
}

/** A group named with its column ("Partner Yes", 合作伙伴 为“是”): a bare "Yes" says nothing. */
function columnValue(r: SurvivalResult, t: T, g: { name: string | null }): string {
  const value = groupLabel(tr(t), g);
  return r.spec.group && g.name !== null ? t('export.finding.groupValue', { column: r.spec.group, value }) : value;
}

function survivalAtTime(g: SurvivalGroup, time: number): number | null {
  return g.atTimes.find((a) => a.time === time)?.survival ?? null;
}

export function survivalFinding(r: SurvivalResult, t: T): string {
  const time = survivalHorizon(r);
  if (time === null || !r.groups.length) return t('export.finding.none');
  const unit = unitLabel(tr(t), r.unit);
  const at = r.groups.map((g) => ({ g, s: survivalAtTime(g, time) })).filter((x): x is { g: SurvivalGroup; s: number } => x.s !== null);
  if (!at.length) return t('export.finding.none');
  if (at.length === 1) return t('export.finding.survivalOne', { share: at[0].s, time, timeUnit: unit });
  const sorted = [...at].sort((a, b) => a.s - b.s);
  const worst = sorted[0];
  const best = sorted[sorted.length - 1];
  return t('export.finding.survivalGroups', { time, timeUnit: unit, low: worst.s, high: best.s, worst: columnValue(r, t, worst.g), best: columnValue(r, t, best.g) });
}

export function survivalTakeaway(r: SurvivalResult, t: T): string {
  const unit = unitLabel(tr(t), r.unit);
  const time = survivalHorizon(r);
  if (r.groups.length > 1 && r.logrank && time !== null) {
    const s = r.groups.map((g) => survivalAtTime(g, time)).filter((x): x is number => x !== null);
    const p = formatP(r.logrank.p, r.logrank.log10p);
    return t('export.takeaway.survivalGroups', { gap: (Math.max(...s) - Math.min(...s)) * 100, time, timeUnit: unit, p: `${p.below ? '<' : '='} ${p.text}` });
  }
  const m = r.groups[0]?.median ?? null;
  return m === null ? t('export.takeaway.survivalNoMedian') : t('export.takeaway.survivalMedian', { median: num(m, 1), timeUnit: unit });
}

/** The interval (and group) with the highest churn hazard. */
function hazardPeak(r: SurvivalResult) {
  let best: { g: SurvivalGroup; start: number; end: number; rate: number } | null = null;
  for (const g of r.groups) for (const h of g.hazard) if (h.rate !== null && h.atRisk >= 10 && (!best || h.rate > best.rate)) best = { g, start: h.start, end: h.end, rate: h.rate };
  return best;
}

export function hazardFinding(r: SurvivalResult, t: T): string {
  const p = hazardPeak(r);
  if (!p) return t('export.finding.none');
  const args = { start: num(p.start, 1), end: num(p.end, 1), timeUnit: unitLabel(tr(t), r.unit), rate: p.rate };
  return r.groups.length > 1 ? t('export.finding.hazardGroup', { ...args, group: columnValue(r, t, p.g) }) : t('export.finding.hazard', args);
}

export function hazardTakeaway(r: SurvivalResult, t: T): string {
  const p = hazardPeak(r);
  if (!p) return '';
  // The peak interval is [start, end): acting "before end" would be too late.
  const args = { start: num(p.start, 1), end: num(p.end, 1), timeUnit: unitLabel(tr(t), r.unit) };
  return p.start > 0 ? t('export.takeaway.hazard', args) : t('export.takeaway.hazardFirst', args);
}

/** Offset the cohort finding talks about: 12 months / 4 quarters / 12 weeks, or the last one observed by ≥ 2 cohorts. */
export function cohortOffset(r: CohortResult): number | null {
  const want = r.period === 'quarter' ? 4 : 12;
  for (let k = Math.min(want, r.average.length - 1); k >= 1; k--) if (r.average[k] !== null && (r.averageCohorts[k] ?? 0) >= Math.min(2, r.cohorts.length)) return k;
  return null;
}

export function cohortFinding(r: CohortResult, t: T): string {
  const k = cohortOffset(r);
  if (k === null) return t('export.finding.none');
  return t('export.finding.cohort', { share: r.average[k], k, periods: t(`survival.cohort.periods.${r.period}`) });
}

export function cohortTakeaway(r: CohortResult, t: T): string {
  const s = r.average[1];
  return s === null || s === undefined ? '' : t('export.takeaway.cohort', { share: s, period: t(`survival.cohort.period.${r.period}`) });
}

export function reasonsFinding(r: ReasonsResult, t: T): string {
  const top = r.overall.rows[0];
  if (!top) return t('export.finding.none');
  return t('export.finding.reasons', { reason: top.reason ?? t('survival.reasons.noReason'), share: top.share });
}

export function reasonsTakeaway(r: ReasonsResult, t: T): string {
  // Without any tag every reason is 'untagged': a 0% controllable share would mislead.
  if (r.overall.controllableShare !== null && Object.keys(r.spec.controllable).length) return t('export.takeaway.reasonsControllable', { share: r.overall.controllableShare });
  const rows = r.overall.rows;
  if (rows.length < 2) return '';
  const k = Math.min(3, rows.length);
  return t('export.takeaway.reasons', { k, share: rows[k - 1].cumulativeShare });
}

export function quadrantFinding(r: QuadrantResult, t: T): string {
  const rows = priorityTable(r.overall);
  const pick = (zone: string) => rows.filter((d) => d.zone === zone).slice(0, 3).map((d) => d.label).join(t('export.deck.listSeparator'));
  const concentrate = pick('concentrate');
  if (concentrate) return t('export.finding.quadrant', { drivers: concentrate });
  const keep = pick('keep');
  return keep ? t('export.finding.quadrantNone', { drivers: keep }) : t('export.finding.none');
}

export function quadrantTakeaway(r: QuadrantResult, t: T): string {
  const count = (z: string) => r.overall.drivers.filter((d) => d.zone === z).length;
  return t('export.takeaway.quadrant', { concentrate: count('concentrate'), keep: count('keep') });
}
