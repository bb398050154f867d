import type { ParetoSpecInput } from '../../../shared/analysis/pareto/spec';
import type { TableInfo } from '../../store/types';
import { typeKind } from '../analysis/columnTypes';

/** What the settings panel edits (kept in the tab's data, so it survives tab switches and splits). */
export interface ParetoForm {
  table: string;
  customerMode: 'column' | 'row';
  customer: string | null;
  valueMode: 'column' | 'expr';
  valueColumn: string | null;
  valueExpr: string;
  /** Display name of an expression value (e.g. "Profit"); the column name otherwise. */
  valueLabel: string;
  where: string;
  dateColumn: string | null;
  period: 'all' | 'lastMonths' | 'range';
  months: number;
  from: string;
  to: string;
  group: string | null;
  a: number;
  b: number;
  keepNonPositive: boolean;
}

const ID_NAME = /^(customer[\s_-]*id|cust[\s_-]*id|client[\s_-]*id|user[\s_-]*id|id|客户\s*(id|编号|号)|用户\s*(id|编号))$/i;
const ID_LOOSE = /(customer|client|user|member|客户|用户|会员)/i;
const VALUE_NAME = /(revenue|sales|amount|total|charges|profit|spend|value|price|金额|销售|收入|利润|费用|消费)/i;

/** Sensible first settings for a table: an id-like customer column and a revenue-like numeric value. */
export function defaultForm(table: TableInfo | undefined, name: string): ParetoForm {
  const cols = table?.columns ?? [];
  const numeric = cols.filter((c) => typeKind(c.type) === 'number');
  const customer = cols.find((c) => ID_NAME.test(c.name.trim())) ?? cols.find((c) => ID_LOOSE.test(c.name) && typeKind(c.type) !== 'number');
  const value = numeric.filter((c) => VALUE_NAME.test(c.name)).sort((x, y) => (/total/i.test(y.name) ? 1 : 0) - (/total/i.test(x.name) ? 1 : 0))[0] ?? numeric.find((c) => c !== customer);
  return {
    table: name,
    customerMode: customer ? 'column' : 'row',
    customer: customer?.name ?? null,
    valueMode: 'column',
    valueColumn: value?.name ?? null,
    valueExpr: '',
    valueLabel: '',
    where: '',
    dateColumn: null,
    period: 'all',
    months: 12,
    from: '',
    to: '',
    group: null,
    a: 0.8,
    b: 0.95,
    keepNonPositive: true,
  };
}

/** The name the charts and headline use for the value. */
export function valueLabel(f: ParetoForm): string {
  if (f.valueMode === 'column') return f.valueColumn ?? '';
  return f.valueLabel.trim() || f.valueExpr.trim();
}

/** Whether Run can start (the spec parser reports anything finer, e.g. thresholds out of order). */
export function isComplete(f: ParetoForm): boolean {
  if (!f.table) return false;
  if (f.customerMode === 'column' && !f.customer) return false;
  return f.valueMode === 'column' ? !!f.valueColumn : f.valueExpr.trim() !== '';
}

/** Form → spec input (validated by parseParetoSpec when the analysis runs). */
export function toSpecInput(f: ParetoForm): ParetoSpecInput {
  const date =
    f.dateColumn && f.period !== 'all'
      ? {
          column: f.dateColumn,
          period: f.period === 'lastMonths' ? { kind: 'lastMonths' as const, months: f.months } : { kind: 'range' as const, from: f.from || undefined, to: f.to || undefined },
        }
      : undefined;
  return {
    table: f.table,
    customer: f.customerMode === 'row' ? null : f.customer,
    value: f.valueMode === 'column' ? { kind: 'column', column: f.valueColumn ?? '' } : { kind: 'expr', sql: f.valueExpr },
    where: f.where.trim() || undefined,
    date,
    group: f.group ?? undefined,
    a: f.a,
    b: f.b,
    keepNonPositive: f.keepNonPositive,
  };
}

/** Form data read back from a tab (older or partial data is completed from the defaults). */
export function readForm(data: unknown, fallback: ParetoForm): ParetoForm {
  if (!data || typeof data !== 'object') return fallback;
  return { ...fallback, ...(data as Partial<ParetoForm>) };
}
