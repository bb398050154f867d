import type { TFunction } from '../../i18n/i18n';
import type { ParetoClassName, ParetoResult } from './types';

/** One sentence stating the finding, e.g. "The top 20% of customers (1,407) produce 53.6% of Total Charges; …". */
export function headline(result: ParetoResult, valueLabel: string, t: TFunction): string {
  return t('pareto.headline', {
    k20: result.top20.k,
    share: result.top20.share,
    value: valueLabel,
    a: result.thresholds.a,
    k80Share: result.k80Share,
  });
}

export interface ClassTableRow {
  /** 'A' | 'B' | 'C', or 'total' for the last row. */
  key: ParetoClassName | 'total';
  label: string;
  description: string;
  customers: number;
  customerShare: number;
  value: number;
  valueShare: number;
  avgValue: number | null;
}

export interface ClassTable {
  columns: { key: keyof Omit<ClassTableRow, 'key'>; title: string; kind: 'text' | 'count' | 'share' | 'amount' }[];
  rows: ClassTableRow[];
}

/** The ABC table as plain data (headers translated, numbers unformatted) for a table view or an export. */
export function classTable(result: ParetoResult, valueLabel: string, t: TFunction): ClassTable {
  const value = valueLabel;
  const rows: ClassTableRow[] = result.classes.map((c) => ({
    key: c.name,
    label: t(`pareto.class.${c.name}`),
    description: t(`pareto.classDescription.${c.name}`, { a: result.thresholds.a, b: result.thresholds.b, value }),
    customers: c.count,
    customerShare: c.customerShare,
    value: c.value,
    valueShare: c.valueShare,
    avgValue: c.avgValue,
  }));
  rows.push({
    key: 'total',
    label: t('pareto.table.total'),
    description: '',
    customers: result.n,
    customerShare: 1,
    value: result.total,
    valueShare: 1,
    avgValue: result.mean,
  });
  return {
    columns: [
      { key: 'label', title: t('pareto.table.class'), kind: 'text' },
      { key: 'customers', title: t('pareto.table.customers'), kind: 'count' },
      { key: 'customerShare', title: t('pareto.table.customerShare'), kind: 'share' },
      { key: 'value', title: t('pareto.table.value', { value }), kind: 'amount' },
      { key: 'valueShare', title: t('pareto.table.valueShare', { value }), kind: 'share' },
      { key: 'avgValue', title: t('pareto.table.avgValue', { value }), kind: 'amount' },
    ],
    rows,
  };
}
