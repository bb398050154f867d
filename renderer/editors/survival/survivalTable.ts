import type { SurvivalGroup, SurvivalResult } from '../../../shared/analysis/survival/compute';
import { hazardTable } from '../../../shared/analysis/survival/km';
import { groupLabel } from '../../../shared/analysis/survival/chart';
import type { Translate } from '../../../shared/analysis/survival/format';
import type { TableData } from '../../../shared/export/tableExport';

/** Display helpers in the UI language (from the analysis kit's formatters). */
export interface NumFormat {
  count(v: number): string;
  share(v: number | null): string;
  amount(v: number | null): string;
}

export interface TextTable {
  columns: string[];
  /** Which columns are numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

const ci = (lo: number | null, hi: number | null, fmt: (v: number | null) => string) =>
  lo === null && hi === null ? '' : `(${fmt(lo)} – ${fmt(hi)})`;

const oneDecimal = (f: NumFormat, v: number) => f.amount(Math.round(v * 10) / 10);

/** Median with its CI; "not reached" when the curve (or a CI bound) stays above 50%. */
function medianText(t: Translate, f: NumFormat, g: SurvivalGroup): string {
  const nr = t('survival.chart.medianNotReached');
  const fmt = (v: number | null) => (v === null ? nr : oneDecimal(f, v));
  const m = g.median === null ? nr : oneDecimal(f, g.median);
  const c = ci(g.medianCI[0], g.medianCI[1], fmt);
  return c ? `${m} ${c}` : m;
}

/** One row per group: n, churned, censored, median (CI), restricted mean. */
export function summaryTable(r: SurvivalResult, t: Translate, f: NumFormat): TextTable {
  return {
    columns: [
      t('survival.table.group'),
      t('survival.table.n'),
      t('survival.table.events'),
      t('survival.table.censored'),
      t('survival.table.median'),
      t('survival.table.rmean', { tau: f.amount(r.rmeanTau) }),
    ],
    numeric: [false, true, true, true, true, true],
    rows: r.groups.map((g) => [groupLabel(t, g), f.count(g.n), f.count(g.events), f.count(g.censored), medianText(t, f, g), oneDecimal(f, g.rmean)]),
  };
}

/** One row per horizon, one column per group: S(t) (CI). */
export function horizonTable(r: SurvivalResult, t: Translate, f: NumFormat): TextTable {
  return {
    columns: [t('survival.table.time', { unit: r.unit }), ...r.groups.map((g) => groupLabel(t, g))],
    numeric: [true, ...r.groups.map(() => true)],
    rows: r.horizons.map((h, i) => [
      f.amount(h),
      ...r.groups.map((g) => {
        const a = g.atTimes[i];
        return a ? `${f.share(a.survival)} ${ci(a.lower, a.upper, f.share)}`.trim() : '–';
      }),
    ]),
  };
}

/** Raw values for CSV/XLSX: one row per group, S / lower / upper per horizon as their own columns. */
export function survivalExport(r: SurvivalResult, t: Translate): TableData {
  const hCols = r.horizons.flatMap((h) => [`S(${h})`, `S(${h}) ${t('survival.table.lower')}`, `S(${h}) ${t('survival.table.upper')}`]);
  return {
    columns: [
      t('survival.table.group'),
      t('survival.table.n'),
      t('survival.table.events'),
      t('survival.table.censored'),
      t('survival.table.median'),
      `${t('survival.table.median')} ${t('survival.table.lower')}`,
      `${t('survival.table.median')} ${t('survival.table.upper')}`,
      t('survival.table.rmean', { tau: r.rmeanTau }),
      ...hCols,
    ],
    rows: r.groups.map((g) => [
      groupLabel(t, g),
      g.n,
      g.events,
      g.censored,
      g.median,
      g.medianCI[0],
      g.medianCI[1],
      g.rmean,
      ...g.atTimes.flatMap((a) => [a.survival, a.lower, a.upper]),
    ]),
  };
}

/** The result with its hazard intervals recomputed at another width (pure, no new query). */
export function withHazardWidth(r: SurvivalResult, width: number): SurvivalResult {
  if (!(width > 0) || width === r.hazardWidth) return r;
  return { ...r, hazardWidth: width, groups: r.groups.map((g) => ({ ...g, hazard: hazardTable(g.steps, width, r.maxTime) })) };
}

/** Hazard per interval for export: interval start/end, then rate, churned and at risk per group. */
export function hazardExport(r: SurvivalResult, t: Translate): TableData {
  const first = r.groups[0]?.hazard ?? [];
  return {
    columns: [
      t('survival.table.from'),
      t('survival.table.to'),
      ...r.groups.flatMap((g) => {
        const n = groupLabel(t, g);
        return [`${n}: ${t('survival.table.rate')}`, `${n}: ${t('survival.table.events')}`, `${n}: ${t('survival.table.atRisk')}`];
      }),
    ],
    rows: first.map((h, i) => [h.start, h.end, ...r.groups.flatMap((g) => [g.hazard[i]?.rate ?? null, g.hazard[i]?.events ?? 0, g.hazard[i]?.atRisk ?? 0])]),
  };
}

/** Hazard widths offered in the picker: the default and round neighbours that fit the follow-up. */
export function hazardWidthChoices(r: SurvivalResult): number[] {
  const base = [1, 2, 3, 6, 12, 24, 7, 14, 30, 90, 180, 365];
  const set = new Set([r.hazardWidth, ...base.filter((w) => w <= Math.max(1, r.maxTime / 2) && r.maxTime / w <= 120)]);
  return [...set].sort((a, b) => a - b);
}

/** Number at risk per group at the chart's x ticks (for the accessible copy of the risk table). */
export function atRiskAt(r: SurvivalResult, times: number[]): { name: string | null; counts: number[] }[] {
  return r.groups.map((g) => ({
    name: g.name,
    counts: times.map((x) => {
      const first = g.steps.findIndex((s) => s.time >= x);
      return first < 0 ? 0 : first === 0 ? (g.steps[0]?.nRisk ?? 0) : g.steps[first].nRisk;
    }),
  }));
}
