import type { ConfType } from '../../../shared/analysis/survival/km';
import type { CauseSpec, DateUnit, SurvivalSpecInput } from '../../../shared/analysis/survival/spec';
import type { PAdjust } from '../../../shared/stats/pAdjust';
import { typeKind } from '../analysis/columnTypes';

/**
 * What the survival side panel edits, kept in the tab (serialisable, strings as typed). The spec is
 * derived from it only when every required field is there, so a half-filled form never runs.
 */
export interface SurvivalForm {
  table: string;
  timeKind: 'duration' | 'dates';
  duration: string;
  /** Label of a duration's unit (months, days, 月…); free text. */
  unit: string;
  start: string;
  end: string;
  dateUnit: DateUnit;
  /** YYYY-MM-DD or empty (= the latest date in the data). */
  asOf: string;
  event: string;
  /** Values (as text) that mean churned; the shared predicate compares text, numbers and booleans. */
  eventValues: string[];
  group: string;
  /** Table holding the group column when it is not the analysed table ('' = the same table). */
  groupTable: string;
  /** Its key column, and the analysed table's column matched to it. */
  groupKey: string;
  groupOn: string;
  where: string;
  confType: ConfType;
  /** "1, 3, 6, 12" or empty (= defaults per unit). */
  horizons: string;
  rmeanTau: string;
  hazardWidth: string;
  /** Optional stated-reason column: opens the churn-reasons editor. */
  reason: string;
  /** A numeric group column cut into this many quantile bands ('' = each value a group). */
  bands: string;
  /** Adjustment of the pairwise log-rank tests. */
  pairwise: PAdjust;
  /** τ of the RMST comparison ('' = the largest time all groups reach). */
  rmstTau: string;
  /** Competing causes: none, a column, the reason column, the reasons editor's tags, or SQL. */
  causeKind: CauseKind;
  causeColumn: string;
  causeSql: string;
  /** The reasons editor's tags (reason → controllable) when causeKind is 'tags'; copied into the spec. */
  causeTags: Record<string, boolean>;
}

export const CAUSE_KINDS = ['', 'reason', 'column', 'tags', 'sql'] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export interface ColumnLike {
  name: string;
  type: string;
}

const DURATION = /tenure|duration|lifetime|months?_?active|在网|时长|月数|生命周期/i;
const START = /start|signup|sign_up|join|since|created|开户|注册|开始|入网/i;
const END = /(^|_)end|churn_?date|cancel|closed|terminat|离网|结束|流失日期|注销/i;
const EVENT = /churn|attrition|cancel|status|left|流失|离网|状态/i;
const REASON = /reason|why|原因/i;
/** Distinct values that usually mean "churned" (matched case-insensitively). */
const CHURN_WORDS = new Set(['yes', 'y', 'true', '1', 'churned', 'churn', 'left', 'cancelled', 'canceled', 'inactive', '是', '流失', '已流失', '离网']);

export function emptySurvivalForm(table = ''): SurvivalForm {
  return {
    table,
    timeKind: 'duration',
    duration: '',
    unit: 'months',
    start: '',
    end: '',
    dateUnit: 'months',
    asOf: '',
    event: '',
    eventValues: [],
    group: '',
    groupTable: '',
    groupKey: '',
    groupOn: '',
    where: '',
    confType: 'log',
    horizons: '',
    rmeanTau: '',
    hazardWidth: '',
    reason: '',
    bands: '',
    pairwise: 'holm',
    rmstTau: '',
    causeKind: '',
    causeColumn: '',
    causeSql: '',
    causeTags: {},
  };
}

const find = (cols: ColumnLike[], re: RegExp, kind?: (c: ColumnLike) => boolean) => cols.find((c) => re.test(c.name) && (!kind || kind(c)))?.name ?? '';

/** A first guess from the column names, so the common table (tenure + Churn) runs with no clicks. */
export function guessSurvivalForm(table: string, columns: ColumnLike[]): SurvivalForm {
  const f = emptySurvivalForm(table);
  const numeric = (c: ColumnLike) => typeKind(c.type) === 'number';
  const dateLike = (c: ColumnLike) => typeKind(c.type) === 'date' || typeKind(c.type) === 'string';
  f.duration = find(columns, DURATION, numeric);
  f.start = find(columns, START, dateLike);
  f.end = find(columns, END, dateLike);
  if (!f.duration && f.start && f.end) f.timeKind = 'dates';
  f.reason = find(columns, REASON);
  // "ChurnReason" matches both patterns: it is the reason, never the churn flag.
  f.event = find(columns, EVENT, (c) => c.name !== f.end && c.name !== f.reason);
  return f;
}

/** The distinct values to pre-select as "churned" (Yes, 1, True, 流失…). */
export function guessEventValues(distinct: unknown[]): string[] {
  return distinct.filter((v) => v !== null && v !== undefined && CHURN_WORDS.has(String(v).trim().toLowerCase())).map(String);
}

/** "1, 3; 6 12" → [1, 3, 6, 12]; null when a part is not a non-negative number. */
export function parseNumberList(text: string): number[] | null {
  const parts = text.split(/[\s,;，；]+/).filter(Boolean);
  const nums = parts.map(Number);
  return nums.every((x) => Number.isFinite(x) && x >= 0) ? nums : null;
}

function positive(text: string): number | null | 'bad' {
  if (!text.trim()) return null;
  const x = Number(text.trim());
  return Number.isFinite(x) && x > 0 ? x : 'bad';
}

/** i18n keys (survival.form.*) of what is missing or wrong; empty = ready to run. */
export type FormProblem = { field: keyof SurvivalForm; key: string };

export function survivalProblems(f: SurvivalForm): FormProblem[] {
  const out: FormProblem[] = [];
  if (!f.table) out.push({ field: 'table', key: 'survival.form.needTable' });
  if (f.timeKind === 'duration' && !f.duration) out.push({ field: 'duration', key: 'survival.form.needDuration' });
  if (f.timeKind === 'dates' && (!f.start || !f.end)) out.push({ field: 'start', key: 'survival.form.needDates' });
  if (f.timeKind === 'dates' && f.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(f.asOf)) out.push({ field: 'asOf', key: 'survival.form.badDate' });
  // With dates the event defaults to "end date filled in"; a duration needs an event column + values.
  if (f.timeKind === 'duration' && !f.event) out.push({ field: 'event', key: 'survival.form.needEvent' });
  if (f.event && !f.eventValues.length) out.push({ field: 'eventValues', key: 'survival.form.needEventValues' });
  if (f.groupTable && (!f.group || !f.groupKey || !f.groupOn)) out.push({ field: 'groupKey', key: 'survival.form.needGroupKey' });
  if (f.horizons.trim() && !parseNumberList(f.horizons)?.length) out.push({ field: 'horizons', key: 'survival.form.badNumbers' });
  if (positive(f.rmeanTau) === 'bad') out.push({ field: 'rmeanTau', key: 'survival.form.badNumber' });
  if (positive(f.hazardWidth) === 'bad') out.push({ field: 'hazardWidth', key: 'survival.form.badNumber' });
  if (positive(f.rmstTau) === 'bad') out.push({ field: 'rmstTau', key: 'survival.form.badNumber' });
  if (f.causeKind && !causeOf(f)) out.push({ field: 'causeKind', key: 'survival.models.causeForm.needCause' });
  return out;
}

/** The cause spec of the form, or null when none is chosen or it is incomplete. */
export function causeOf(f: SurvivalForm): CauseSpec | null {
  switch (f.causeKind) {
    case 'reason':
      return f.reason ? { kind: 'column', column: f.reason } : null;
    case 'column':
      return f.causeColumn ? { kind: 'column', column: f.causeColumn } : null;
    case 'tags':
      return f.reason && Object.keys(f.causeTags).length ? { kind: 'tags', column: f.reason, controllable: f.causeTags } : null;
    case 'sql':
      return f.causeSql.trim() ? { kind: 'sql', sql: f.causeSql.trim() } : null;
    default:
      return null;
  }
}

/** The shared spec of a complete form (call survivalProblems first); optional fields left out when empty. */
export function survivalSpecOf(f: SurvivalForm): SurvivalSpecInput {
  const time: SurvivalSpecInput['time'] =
    f.timeKind === 'duration'
      ? { kind: 'duration', column: f.duration, unit: f.unit.trim() || 'months' }
      : { kind: 'dates', start: f.start, end: f.end, unit: f.dateUnit, ...(f.asOf ? { asOf: f.asOf } : {}) };
  const horizons = f.horizons.trim() ? parseNumberList(f.horizons) : null;
  const tau = positive(f.rmeanTau);
  const width = positive(f.hazardWidth);
  const rmstTau = positive(f.rmstTau);
  const bands = Number(f.bands);
  const cause = causeOf(f);
  return {
    table: f.table,
    time,
    ...(f.event && f.eventValues.length ? { event: { column: f.event, values: f.eventValues } } : {}),
    ...(f.group ? { group: f.group } : {}),
    ...(f.group && f.groupTable && f.groupTable !== f.table ? { groupFrom: { table: f.groupTable, key: f.groupKey, on: f.groupOn } } : {}),
    ...(f.where.trim() ? { where: f.where.trim() } : {}),
    confType: f.confType,
    ...(horizons?.length ? { horizons } : {}),
    ...(typeof tau === 'number' ? { rmeanTau: tau } : {}),
    ...(typeof width === 'number' ? { hazardWidth: width } : {}),
    ...(f.pairwise !== 'holm' ? { pairwise: f.pairwise } : {}),
    ...(typeof rmstTau === 'number' ? { rmstTau } : {}),
    ...(f.group && Number.isInteger(bands) && bands >= 2 ? { bands } : {}),
    ...(cause ? { cause } : {}),
  };
}

/** Restore a form saved in a tab (older or partial data gets the defaults). */
export function restoreSurvivalForm(saved: unknown, table: string): SurvivalForm | null {
  if (!saved || typeof saved !== 'object') return null;
  return { ...emptySurvivalForm(table), ...(saved as Partial<SurvivalForm>) };
}

/**
 * Choosing the table the group comes from: guess the key (a `customer` column, as saved Pareto
 * classes have, else the first) and this table's matching column (same name, else an id column).
 */
export function groupTablePatch(groupTable: string, lookupColumns: ColumnLike[], tableColumns: ColumnLike[]): Partial<SurvivalForm> {
  if (!groupTable) return { groupTable: '', groupKey: '', groupOn: '', group: '' };
  const key = lookupColumns.find((c) => /^customer$/i.test(c.name))?.name ?? lookupColumns[0]?.name ?? '';
  const on =
    tableColumns.find((c) => c.name.toLowerCase() === key.toLowerCase())?.name ??
    tableColumns.find((c) => /customer.?id|^id$|客户(编号|id|ID)/i.test(c.name))?.name ??
    tableColumns.find((c) => /id/i.test(c.name))?.name ??
    '';
  const group = lookupColumns.find((c) => /^(class|tier|segment|等级|分层)$/i.test(c.name))?.name ?? '';
  return { groupTable, groupKey: key, groupOn: on, group };
}
