import { DEFAULT_NOT_APPLICABLE, type CrosshairSpec, type ImportanceMethod, type QuadrantSpecInput } from '../../../shared/analysis/quadrant/spec';
import type { TableInfo } from '../../store/types';
import { typeKind } from '../analysis/columnTypes';

/** One chosen driver as the settings panel edits it (text fields stay text until the spec is built). */
export interface DriverForm {
  column: string;
  /** Display label; empty = the column name. */
  label: string;
  /** This driver's own "not applicable" codes ("0, 99"); empty = the codes for all drivers. */
  missing: string;
  /** Stated-importance column (method 'stated'). */
  importanceColumn: string | null;
}

export type CrosshairType = CrosshairSpec['type'];

/** What the quadrant settings panel edits (kept in the tab's data, so it survives tab switches and splits). */
export interface QuadrantForm {
  table: string;
  drivers: DriverForm[];
  /** "Not applicable" codes for every driver, comma separated; starts as "0", empty = none. */
  missing: string;
  outcome: string | null;
  /** The outcome value that means 1; null = a numeric outcome used as is. */
  positive: string | null;
  invert: boolean;
  method: ImportanceMethod;
  crosshair: CrosshairType;
  customPerformance: number;
  customImportance: number;
  /** Rating scale of the midpoint crosshair; empty = lowest/highest rating seen. */
  scaleMin: string;
  scaleMax: string;
  segment: string | null;
  where: string;
  axes: 'performance-x' | 'importance-x';
  bootstrap: boolean;
  resamples: number;
  seed: number;
}

const OUTCOME_NAME = /(satisf|loyal|recommend|nps|churn|retain|retention|renew|outcome|满意|忠诚|推荐|流失|留存|续约)/i;
/** Outcomes that name the bad event: importance is measured against staying, so they are inverted. */
const BAD_OUTCOME = /(churn|attrit|cancel|lost|流失|取消)/i;

/** Sensible first settings: no drivers yet (the user picks them), a satisfaction/churn-like outcome. */
export function defaultForm(table: TableInfo | undefined, name: string): QuadrantForm {
  const outcome = table?.columns.find((c) => OUTCOME_NAME.test(c.name) && typeKind(c.type) !== 'date')?.name ?? null;
  return {
    table: name,
    drivers: [],
    missing: DEFAULT_NOT_APPLICABLE.join(', '),
    outcome,
    positive: null,
    invert: !!outcome && BAD_OUTCOME.test(outcome),
    method: 'pearson',
    crosshair: 'mean',
    customPerformance: 3,
    customImportance: 0.2,
    scaleMin: '',
    scaleMax: '',
    segment: null,
    where: '',
    axes: 'performance-x',
    bootstrap: false,
    resamples: 200,
    seed: 1,
  };
}

/** "0, NA" → [0, 'NA']: codes that look like numbers compare numerically (as in the CLI). */
export function parseCodes(text: string): (number | string)[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => (Number.isFinite(Number(s)) ? Number(s) : s));
}

/** Keep the labels and codes of drivers that stay chosen; new columns start plain. */
export function withDriverColumns(drivers: DriverForm[], columns: string[]): DriverForm[] {
  return columns.map((column) => drivers.find((d) => d.column === column) ?? { column, label: '', missing: '', importanceColumn: null });
}

function scaleOf(f: QuadrantForm): { min: number; max: number } | undefined {
  if (f.scaleMin.trim() === '' || f.scaleMax.trim() === '') return undefined;
  const min = Number(f.scaleMin);
  const max = Number(f.scaleMax);
  return Number.isFinite(min) && Number.isFinite(max) ? { min, max } : undefined;
}

function crosshairOf(f: QuadrantForm): CrosshairSpec {
  if (f.crosshair === 'custom') return { type: 'custom', performance: f.customPerformance, importance: f.customImportance };
  if (f.crosshair === 'midpoint') return { type: 'midpoint', scale: scaleOf(f) };
  return { type: f.crosshair };
}

/** What is still missing before Run can start (an i18n key under quadrant.editor.need), or null. */
export function missingStep(f: QuadrantForm): string | null {
  if (!f.table) return 'table';
  if (!f.drivers.length) return 'drivers';
  if (f.method === 'stated') return f.drivers.every((d) => d.importanceColumn) ? null : 'stated';
  return f.outcome ? null : 'outcome';
}

/** Form → spec input (validated by parseQuadrantSpec when the analysis runs). */
export function toSpecInput(f: QuadrantForm): QuadrantSpecInput {
  const stated = f.method === 'stated';
  return {
    table: f.table,
    drivers: f.drivers.map((d) => ({
      column: d.column,
      label: d.label.trim() || undefined,
      missing: d.missing.trim() ? parseCodes(d.missing) : undefined,
      importanceColumn: stated ? (d.importanceColumn ?? undefined) : undefined,
    })),
    missing: parseCodes(f.missing),
    outcome: !stated && f.outcome ? { column: f.outcome, positive: f.positive ?? undefined, invert: f.invert } : undefined,
    importance: f.method,
    crosshair: crosshairOf(f),
    segment: f.segment ?? undefined,
    where: f.where.trim() || undefined,
    bootstrap: f.bootstrap ? { resamples: f.resamples, seed: f.seed } : undefined,
    axes: f.axes,
  };
}

/** Form data read back from a tab (older or partial data is completed from the defaults). */
export function readForm(data: unknown, fallback: QuadrantForm): QuadrantForm {
  if (!data || typeof data !== 'object') return fallback;
  const f = { ...fallback, ...(data as Partial<QuadrantForm>) };
  return { ...f, drivers: Array.isArray(f.drivers) ? f.drivers : [] };
}
