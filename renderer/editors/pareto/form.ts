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
const VALUE_NAME = /(revenue|sales|amount|charges?|profit|spend|turnover|margin|金额|销售额|销售|收入|利润|费用|消费|营收)/i;
/** Never a value by default: unit prices, identifiers, codes, counts of items, ages, scores. */
const NOT_VALUE = /(price|单价|价格|(^|[\s_-])id$|编号|代码|code|zip|postal|邮编|phone|电话|year|(^|[\s_-])age$|年龄|score|rating|评分|quantity|qty|数量)/i;
/** "CustomerID", "OrderId": an id by its camel-case ending. */
const CAMEL_ID = /[a-z0-9]I[dD]$/;

/**
 * The value column a person would pick: named like revenue / amount / profit / charges / 金额 /
 * 费用 (a "total" one first); never a price or an id. None (the settings ask) when nothing fits.
 */
export function guessValueColumn(columns: { name: string; type: string }[], exclude?: string): string | null {
  const fits = columns.filter((c) => typeKind(c.type) === 'number' && c.name !== exclude && VALUE_NAME.test(c.name) && !NOT_VALUE.test(c.name) && !CAMEL_ID.test(c.name));
  const total = fits.find((c) => /total|合计|总/i.test(c.name));
  return (total ?? fits[0])?.name ?? null;
}

/** Sensible first settings for a table: an id-like customer column and a revenue-like numeric value. */
export function defaultForm(table: TableInfo | undefined, name: string): ParetoForm {
  const cols = table?.columns ?? [];
  const customer = cols.find((c) => ID_NAME.test(c.name.trim())) ?? cols.find((c) => ID_LOOSE.test(c.name) && typeKind(c.type) !== 'number');
  const value = guessValueColumn(cols, customer?.name);
  return {
    table: name,
    customerMode: customer ? 'column' : 'row',
    customer: customer?.name ?? null,
    valueMode: 'column',
    valueColumn: value,
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
    value: f.valueMode === 'column' ? { kind: 'column', column: f.valueColumn ?? '' } : { kind: 'expr', sql: f.valueExpr, ...(f.valueLabel.trim() ? { label: f.valueLabel.trim() } : {}) },
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
