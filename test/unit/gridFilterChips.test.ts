import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n';
import type { GridFilter } from '../../shared/grid/filterSpec';
import { isEffective, parseGridFilters, rangeKindFor } from '../../shared/grid/filterSpec';
import { filterLabel } from '../../renderer/editors/grid/filterChips';

const FILTERS: GridFilter[] = [
  { kind: 'text', column: 'Description', op: 'contains', value: 'heart' },
  { kind: 'text', column: 'Country', op: 'equals', value: 'France' },
  { kind: 'number', column: 'Quantity', min: 1, max: 1000 },
  { kind: 'number', column: 'Quantity', min: -5, max: null },
  { kind: 'date', column: 'InvoiceDate', from: null, to: '2011-01-31' },
  { kind: 'null', column: 'CustomerID', isNull: true },
  { kind: 'values', column: 'Country', values: ['United Kingdom', 'France', 'EIRE', 'Germany', 'Spain'], nulls: true },
];

describe('filter chips say what they filter, in both languages', () => {
  it('English', () => {
    const i18n = createI18n('en');
    const fmt = (n: number) => n.toLocaleString('en');
    expect(FILTERS.map((f) => filterLabel(f, i18n.t, fmt))).toEqual([
      'Description contains “heart”',
      'Country = “France”',
      'Quantity 1 – 1,000',
      'Quantity ≥ -5',
      'InvoiceDate until 2011-01-31',
      'CustomerID is NULL',
      'Country: United Kingdom, France, EIRE, NULL +2 more',
    ]);
  });

  it('Chinese', () => {
    const i18n = createI18n('zh-CN');
    const fmt = (n: number) => n.toLocaleString('zh-CN');
    expect(FILTERS.map((f) => filterLabel(f, i18n.t, fmt))).toEqual([
      'Description 包含“heart”',
      'Country =“France”',
      'Quantity 1 – 1,000',
      'Quantity ≥ -5',
      'InvoiceDate 截至 2011-01-31',
      'CustomerID 为 NULL',
      'Country：United Kingdom、France、EIRE、NULL 等另 2 个',
    ]);
  });

  it('offers ranges by type and keeps filters that filter something', () => {
    expect(['BIGINT', 'DECIMAL(10,2)', 'DOUBLE', 'DATE', 'TIMESTAMP', 'TIMESTAMP_NS', 'TIMESTAMP WITH TIME ZONE', 'VARCHAR', 'BOOLEAN'].map(rangeKindFor)).toEqual([
      'number', 'number', 'number', 'date', 'date', 'date', 'text', 'text', 'text',
    ]);
    expect(FILTERS.every(isEffective)).toBe(true);
    expect(isEffective({ kind: 'values', column: 'a', values: [] })).toBe(false);
    expect(parseGridFilters(JSON.parse(JSON.stringify(FILTERS)))).toEqual(FILTERS);
    expect(() => parseGridFilters([{ kind: 'regex', column: 'a' }])).toThrow(/Grid filter 0/);
  });
});
