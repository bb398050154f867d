import type { CohortResult } from '../../../shared/analysis/cohort/compute';
import type { CohortSpecInput, Period } from '../../../shared/analysis/cohort/spec';
import { typeKind } from '../analysis/columnTypes';
import type { ColumnLike } from '../survival/survivalForm';

export type Measure = 'customers' | 'value';

/** The cohort side panel's state, kept in the tab. */
export interface CohortForm {
  table: string;
  customer: string;
  date: string;
  valueExpr: string;
  where: string;
  period: Period;
  measure: Measure;
}

const CUSTOMER = /customer|client|user|member|account|buyer|客户|会员|用户/i;
const DATE = /date|time|day|日期|时间/i;
// A per-row amount only (a unit price is not a row's value).
const AMOUNT = /amount|revenue|sales|line_?total|金额|收入|销售额/i;

export function emptyCohortForm(table = ''): CohortForm {
  return { table, customer: '', date: '', valueExpr: '', where: '', period: 'month', measure: 'customers' };
}

/** Customer id and activity date from the column names (a real date type first). */
export function guessCohortForm(table: string, columns: ColumnLike[]): CohortForm {
  const f = emptyCohortForm(table);
  f.customer = columns.find((c) => CUSTOMER.test(c.name))?.name ?? '';
  f.date = (columns.find((c) => typeKind(c.type) === 'date' && DATE.test(c.name)) ?? columns.find((c) => typeKind(c.type) === 'date') ?? columns.find((c) => DATE.test(c.name)))?.name ?? '';
  const amount = columns.find((c) => typeKind(c.type) === 'number' && AMOUNT.test(c.name));
  if (amount) f.valueExpr = `"${amount.name.replaceAll('"', '""')}"`;
  return f;
}

export function cohortProblems(f: CohortForm): { field: keyof CohortForm; key: string }[] {
  const out: { field: keyof CohortForm; key: string }[] = [];
  if (!f.table) out.push({ field: 'table', key: 'survival.form.needTable' });
  if (!f.customer) out.push({ field: 'customer', key: 'survival.cohortForm.needCustomer' });
  if (!f.date) out.push({ field: 'date', key: 'survival.cohortForm.needDate' });
  if (f.measure === 'value' && !f.valueExpr.trim()) out.push({ field: 'valueExpr', key: 'survival.cohortForm.needValue' });
  return out;
}

export function cohortSpecOf(f: CohortForm): CohortSpecInput {
  return {
    table: f.table,
    customer: f.customer,
    date: f.date,
    period: f.period,
    ...(f.valueExpr.trim() ? { valueExpr: f.valueExpr.trim() } : {}),
    ...(f.where.trim() ? { where: f.where.trim() } : {}),
  };
}

export function restoreCohortForm(saved: unknown, table: string): CohortForm | null {
  if (!saved || typeof saved !== 'object') return null;
  return { ...emptyCohortForm(table), ...(saved as Partial<CohortForm>) };
}

/**
 * The result seen through the value measure: each cell is value[k] / value[0] of its cohort and the
 * average is Σ value[k] / Σ value[0] over the cohorts observed at k (as the customer average is).
 */
export function byValue(r: CohortResult): CohortResult {
  if (!r.cohorts.every((c) => c.value && c.valueRetention)) return r;
  const cohorts = r.cohorts.map((c) => ({ ...c, retention: c.valueRetention! }));
  const width = r.average.length;
  const average: (number | null)[] = [];
  const averageUnweighted: (number | null)[] = [];
  for (let k = 0; k < width; k++) {
    const seen = r.cohorts.filter((c) => c.value![k] !== null && c.value![0] && (r.spec.includePartial || c.partialAt !== k));
    const num = seen.reduce((s, c) => s + (c.value![k] as number), 0);
    const den = seen.reduce((s, c) => s + (c.value![0] as number), 0);
    average.push(den ? num / den : null);
    averageUnweighted.push(seen.length ? seen.reduce((s, c) => s + (c.valueRetention![k] as number), 0) / seen.length : null);
  }
  return { ...r, cohorts, average, averageUnweighted };
}

/** Raw table for export and the table card: cohort, size, then the share (or value) per offset. */
export function cohortTableData(r: CohortResult, measure: Measure, t: (k: string, o?: Record<string, unknown>) => string): { columns: string[]; rows: (string | number | null)[][] } {
  const width = r.average.length;
  const offsets = Array.from({ length: width }, (_, k) => `+${k}`);
  const rows = r.cohorts.map((c) => [c.cohort, c.size, ...(measure === 'value' && c.valueRetention ? c.valueRetention : c.retention)]);
  rows.push([t('survival.cohort.average'), r.cohorts.reduce((s, c) => s + c.size, 0), ...r.average]);
  return { columns: [t('survival.cohort.yAxis'), t('survival.cohortForm.size'), ...offsets], rows };
}
