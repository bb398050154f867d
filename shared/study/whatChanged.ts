import type { ParetoResult } from '../analysis/pareto/types';
import type { SurvivalGroup, SurvivalResult } from '../analysis/survival/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import type { CohortResult } from '../analysis/cohort/compute';
import type { ReasonsResult } from '../analysis/reasons/compute';

/**
 * "Next month's export": the key figures of an analysis before and after its data file was replaced,
 * side by side with the difference. Pure, so the workbench view, a deck slide and the CLI share it.
 */

/** How a figure reads: a count, a share (0..1, shown as %), a plain number, or a label (quadrant zone). */
export type FigureFormat = 'count' | 'share' | 'number' | 'text';

export interface ChangeRow {
  /** i18n key under `changed.figure.` (e.g. `top20Share`). */
  figure: string;
  /** Group, driver or cohort offset the figure belongs to; null = the whole analysis. */
  subject: string | null;
  format: FigureFormat;
  before: number | string | null;
  after: number | string | null;
  /** after − before for numbers (null when either side is missing or for labels). */
  diff: number | null;
}

export interface AnalysisChange {
  id: string;
  kind: string;
  title: string;
  rows: ChangeRow[];
}

function num(figure: string, subject: string | null, format: FigureFormat, before: number | null | undefined, after: number | null | undefined): ChangeRow {
  const b = before ?? null;
  const a = after ?? null;
  return { figure, subject, format, before: b, after: a, diff: b === null || a === null ? null : a - b };
}

function pareto(b: ParetoResult, a: ParetoResult): ChangeRow[] {
  return [
    num('n', null, 'count', b.n, a.n),
    num('total', null, 'number', b.total, a.total),
    num('top20Share', null, 'share', b.top20.share, a.top20.share),
    num('gini', null, 'number', b.gini, a.gini),
    num('k80', null, 'count', b.k80, a.k80),
    num('k80Share', null, 'share', b.k80Share, a.k80Share),
  ];
}

/** S(t) of a Kaplan-Meier step function (1 before the first step). */
function survivalAtTime(g: SurvivalGroup, t: number): number | null {
  const at = g.atTimes.find((x) => x.time === t);
  if (at) return at.survival;
  let s = 1;
  for (const step of g.steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return g.n ? s : null;
}

/** Groups matched by name; a group present on one side only shows with the other side empty. */
function byName<T extends { name: string | null }>(before: T[], after: T[]): [string | null, T | undefined, T | undefined][] {
  const names = [...new Set([...before.map((g) => g.name), ...after.map((g) => g.name)])];
  return names.map((n) => [n, before.find((g) => g.name === n), after.find((g) => g.name === n)]);
}

function survival(b: SurvivalResult, a: SurvivalResult): ChangeRow[] {
  const rows: ChangeRow[] = [];
  for (const [name, gb, ga] of byName(b.groups, a.groups)) {
    rows.push(num('n', name, 'count', gb?.n, ga?.n));
    rows.push(num('median', name, 'number', gb?.median, ga?.median));
    rows.push(num('s12', name, 'share', gb && survivalAtTime(gb, 12), ga && survivalAtTime(ga, 12)));
  }
  if (b.logrank || a.logrank) rows.push(num('logrankChisq', null, 'number', b.logrank?.chisq, a.logrank?.chisq));
  return rows;
}

/** Drivers whose quadrant changed (overall), with the zone before and after. */
/** Quadrant zones in the order a reader acts on them. */
const ZONES = ['concentrate', 'keep', 'low', 'overkill'] as const;

function quadrant(b: QuadrantResult, a: QuadrantResult): ChangeRow[] {
  const rows: ChangeRow[] = [num('rows', null, 'count', b.overall.rows, a.overall.rows)];
  // How many drivers each zone holds, so a month where no driver moved still shows the picture.
  const inZone = (r: QuadrantResult, z: string) => r.overall.drivers.filter((d) => d.zone === z).length;
  for (const z of ZONES) rows.push(num('zoneCount', z, 'count', inZone(b, z), inZone(a, z)));
  for (const db of b.overall.drivers) {
    const da = a.overall.drivers.find((d) => d.column === db.column);
    const zb = db.zone ?? null;
    const za = da?.zone ?? null;
    if (zb !== za) rows.push({ figure: 'zone', subject: db.label || db.column, format: 'text', before: zb, after: za, diff: null });
  }
  return rows;
}

export const COHORT_OFFSETS = [1, 3, 6] as const;

function cohort(b: CohortResult, a: CohortResult): ChangeRow[] {
  const size = (r: CohortResult) => r.cohorts.reduce((s, c) => s + c.size, 0);
  return [num('customers', null, 'count', size(b), size(a)), ...COHORT_OFFSETS.map((k) => num('retention', `+${k}`, 'share', b.average[k], a.average[k]))];
}

function reasons(b: ReasonsResult, a: ReasonsResult): ChangeRow[] {
  return [num('churned', null, 'count', b.overall.churned, a.overall.churned), num('controllableShare', null, 'share', b.overall.controllableShare, a.overall.controllableShare)];
}

/** The figures of one analysis kind before and after; an empty list for a kind without key figures. */
export function changedFigures(kind: string, before: unknown, after: unknown): ChangeRow[] {
  if (!before || !after) return [];
  switch (kind) {
    case 'pareto':
      return pareto(before as ParetoResult, after as ParetoResult);
    case 'survival':
    case 'hazard':
      return survival(before as SurvivalResult, after as SurvivalResult);
    case 'quadrant':
      return quadrant(before as QuadrantResult, after as QuadrantResult);
    case 'cohort':
      return cohort(before as CohortResult, after as CohortResult);
    case 'reasons':
      return reasons(before as ReasonsResult, after as ReasonsResult);
    default:
      return [];
  }
}

export interface AnalysisResults {
  id: string;
  kind: string;
  title: string;
  result?: unknown;
}

/** Per analysis present on both sides (matched by id), its figures side by side. */
export function whatChanged(before: AnalysisResults[], after: AnalysisResults[]): AnalysisChange[] {
  return after.flatMap((a) => {
    const b = before.find((x) => x.id === a.id && x.kind === a.kind);
    if (!b) return [];
    return [{ id: a.id, kind: a.kind, title: a.title, rows: changedFigures(a.kind, b.result, a.result) }];
  });
}
