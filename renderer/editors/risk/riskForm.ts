import type { RiskSpecInput } from '../../../shared/analysis/risk/spec';
import { economicsInputSchema, type EconomicsInput } from '../../../shared/analysis/risk/spec';
import { typeKind } from '../analysis/columnTypes';
import { guessSurvivalForm, type ColumnLike } from '../survival/survivalForm';

/**
 * What the value-at-risk side panel edits, kept in the tab (serialisable, strings as typed). The spec is
 * derived only from a complete form, so a half-filled form never runs.
 */
export interface RiskForm {
  table: string;
  customer: string;
  /** Tenure column (a duration) and its unit label. */
  duration: string;
  unit: string;
  event: string;
  eventValues: string[];
  segment: string;
  valueKind: 'column' | 'expr';
  valueColumn: string;
  valueExpr: string;
  horizon: string;
  minAtRisk: string;
  classesKind: 'none' | 'table' | 'pareto';
  /** A saved classes table (the Pareto editor's "Save classes as table"): its key and class columns. */
  classesTable: string;
  classesKey: string;
  classesColumn: string;
  /** The per-customer value whose Pareto gives the classes (classesKind 'pareto'). */
  classesValue: string;
  aFirst: boolean;
  where: string;
  economics: EconomicsInput;
  /** The survival model behind p: the segment's KM curve, or a Cox model on these covariates (issue 13). */
  modelKind?: 'km' | 'cox';
  coxCovariates?: string[];
}

export interface TableLike {
  name: string;
  columns: ColumnLike[];
}

const ID = /customer.?id|^id$|客户(编号|id|ID)|用户(编号|id|ID)/i;
const SEGMENT = /contract|plan|segment|tier|package|合约|套餐|客群|等级/i;
const VALUE = /cltv|clv|lifetime.?value|value|revenue|charges|spend|profit|价值|收入|费用|利润/i;

const find = (cols: ColumnLike[], re: RegExp, ok: (c: ColumnLike) => boolean = () => true) => cols.find((c) => re.test(c.name) && ok(c))?.name ?? '';
const numeric = (c: ColumnLike) => typeKind(c.type) === 'number';

/** A saved Pareto classes table: it has a `customer` and a `class` column. */
export function classesTableOf(tables: TableLike[], except: string): TableLike | undefined {
  return tables.find((x) => x.name !== except && x.columns.some((c) => /^customer$/i.test(c.name)) && x.columns.some((c) => /^class$/i.test(c.name)));
}

/** A first guess from the column names (tenure, churn flag, id, contract, a value column) and the other tables. */
export function guessRiskForm(table: string, columns: ColumnLike[], tables: TableLike[] = []): RiskForm {
  const sv = guessSurvivalForm(table, columns);
  const value = find(columns, VALUE, numeric);
  const saved = classesTableOf(tables, table);
  return {
    table,
    customer: find(columns, ID),
    duration: sv.duration,
    unit: sv.unit,
    event: sv.event,
    eventValues: [],
    segment: find(columns, SEGMENT, (c) => typeKind(c.type) === 'string'),
    valueKind: 'column',
    valueColumn: value,
    valueExpr: '',
    horizon: '6',
    minAtRisk: '20',
    classesKind: saved ? 'table' : value ? 'pareto' : 'none',
    classesTable: saved?.name ?? '',
    classesKey: saved ? (saved.columns.find((c) => /^customer$/i.test(c.name))?.name ?? '') : '',
    classesColumn: saved ? (saved.columns.find((c) => /^class$/i.test(c.name))?.name ?? '') : '',
    classesValue: value,
    aFirst: false,
    where: '',
    economics: economicsInputSchema.parse({}),
  };
}

/** Restore a form saved in a tab (older or partial data gets the defaults). */
export function restoreRiskForm(saved: unknown, table: string): RiskForm | null {
  if (!saved || typeof saved !== 'object') return null;
  const base = guessRiskForm(table, []);
  const s = saved as Partial<RiskForm>;
  return { ...base, ...s, economics: { ...base.economics, ...(s.economics ?? {}) } };
}

export type RiskProblem = { field: keyof RiskForm; key: string };

function positive(text: string): number | null {
  const x = Number(text.trim());
  return text.trim() && Number.isFinite(x) && x > 0 ? x : null;
}

/** i18n keys of what is missing or wrong; empty = ready to run. */
export function riskProblems(f: RiskForm): RiskProblem[] {
  const out: RiskProblem[] = [];
  if (!f.table) out.push({ field: 'table', key: 'survival.form.needTable' });
  if (!f.customer) out.push({ field: 'customer', key: 'risk.form.needCustomer' });
  if (!f.duration) out.push({ field: 'duration', key: 'survival.form.needDuration' });
  if (!f.event) out.push({ field: 'event', key: 'survival.form.needEvent' });
  else if (!f.eventValues.length) out.push({ field: 'eventValues', key: 'survival.form.needEventValues' });
  if (f.valueKind === 'column' ? !f.valueColumn : !f.valueExpr.trim()) out.push({ field: 'valueColumn', key: 'risk.form.needValue' });
  if (positive(f.horizon) === null) out.push({ field: 'horizon', key: 'risk.form.badHorizon' });
  const m = Number(f.minAtRisk);
  if (!(Number.isInteger(m) && m >= 0)) out.push({ field: 'minAtRisk', key: 'risk.form.badMinAtRisk' });
  if (f.classesKind === 'table' && (!f.classesTable || !f.classesKey || !f.classesColumn)) out.push({ field: 'classesTable', key: 'risk.form.needClassesTable' });
  if (f.classesKind === 'pareto' && !f.classesValue) out.push({ field: 'classesValue', key: 'risk.form.needClassesValue' });
  if (f.modelKind === 'cox' && !f.coxCovariates?.length) out.push({ field: 'coxCovariates', key: 'cox.form.needCovariates' });
  return out;
}

/** The shared spec of a complete form (call riskProblems first). */
export function riskSpecOf(f: RiskForm): RiskSpecInput {
  return {
    table: f.table,
    customer: f.customer,
    time: { kind: 'duration', column: f.duration, unit: f.unit.trim() || 'months' },
    event: { column: f.event, values: f.eventValues },
    ...(f.segment ? { segment: f.segment } : {}),
    value: f.valueKind === 'column' ? { kind: 'column', column: f.valueColumn } : { kind: 'expr', sql: f.valueExpr.trim() },
    ...(f.where.trim() ? { where: f.where.trim() } : {}),
    horizon: positive(f.horizon) ?? 6,
    minAtRisk: Number(f.minAtRisk),
    classes:
      f.classesKind === 'table'
        ? { kind: 'table', table: f.classesTable, key: f.classesKey, column: f.classesColumn }
        : f.classesKind === 'pareto'
          ? { kind: 'pareto', value: { kind: 'column', column: f.classesValue } }
          : { kind: 'none' },
    aFirst: f.aFirst,
    economics: f.economics,
    ...(f.modelKind === 'cox' ? { model: { kind: 'cox' as const, spec: { covariates: f.coxCovariates ?? [] } } } : {}),
  };
}

/** The spec without the economics: what needs a new run when it changes (economics recompute on screen). */
export function runKey(f: RiskForm): string {
  const { economics: _e, ...rest } = riskSpecOf(f);
  return JSON.stringify(rest);
}
