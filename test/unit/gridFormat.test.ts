import { describe, expect, it } from 'vitest';
import { cellStyleFor, formatCell, groupDigits, toTsv } from '../../renderer/editors/grid/formatCell';

describe('grid cell formatting', () => {
  it('formats numbers by locale and keeps the raw value for copy', () => {
    expect(formatCell(1234567, 'INTEGER', 'en', 'NULL')).toEqual({ text: '1,234,567', raw: '1234567', isNull: false, numeric: true });
    expect(formatCell(0.1 + 0.2, 'DOUBLE', 'en', 'NULL').text).toBe('0.3');
    expect(formatCell(0.1 + 0.2, 'DOUBLE', 'en', 'NULL').raw).toBe('0.30000000000000004');
    expect(formatCell(1e-9, 'DOUBLE', 'en', 'NULL').text).toBe('1.00000e-9');
    expect(formatCell(NaN, 'DOUBLE', 'en', 'NULL').text).toBe('NaN');
  });

  it('groups exact digits as text (BIGINT beyond 2^53, DECIMAL)', () => {
    expect(formatCell('9007199254740993', 'BIGINT', 'en', 'NULL').text).toBe('9,007,199,254,740,993');
    expect(formatCell('-1234.50', 'DECIMAL(10,2)', 'de-DE', 'NULL').text).toBe('-1.234,50');
    expect(groupDigits('abc', 'en')).toBe('abc');
  });

  it('shows identifier-like numbers as plain digits and shares as percentages', () => {
    expect(cellStyleFor('CustomerId', 'BIGINT')).toBe('plain');
    expect(cellStyleFor('CustomerID', 'DOUBLE')).toBe('plain');
    expect(cellStyleFor('客户编号', 'INTEGER')).toBe('plain');
    expect(cellStyleFor('Zip Code', 'INTEGER')).toBe('plain');
    expect(cellStyleFor('id', 'HUGEINT')).toBe('plain');
    expect(cellStyleFor('Balance', 'DOUBLE')).toBe('number');
    expect(cellStyleFor('Paid', 'DOUBLE')).toBe('number');
    expect(cellStyleFor('CustomerId', 'VARCHAR')).toBe('number'); // text is shown as is anyway
    expect(formatCell(15634602, 'INTEGER', 'en', 'NULL', 'plain').text).toBe('15634602');
    expect(formatCell('123456789012345678', 'BIGINT', 'en', 'NULL', 'plain').text).toBe('123456789012345678');
    expect(formatCell(15634602, 'INTEGER', 'en', 'NULL').text).toBe('15,634,602');
    expect(cellStyleFor('cum_share', 'DOUBLE', ['cum_share'])).toBe('percent');
    expect(formatCell(0.537462, 'DOUBLE', 'en', 'NULL', 'percent')).toMatchObject({ text: '53.7%', raw: '0.537462' });
    expect(formatCell(1, 'DOUBLE', 'zh-CN', 'NULL', 'percent').text).toBe('100.0%');
  });

  it('shows NULL dimmed and text as is', () => {
    expect(formatCell(null, 'VARCHAR', 'en', 'NULL')).toMatchObject({ text: 'NULL', isNull: true, raw: '' });
    expect(formatCell('2024-01-02', 'DATE', 'en', 'NULL')).toMatchObject({ text: '2024-01-02', numeric: false });
    expect(formatCell(true, 'BOOLEAN', 'en', 'NULL').text).toBe('true');
    expect(formatCell('x'.repeat(2000), 'VARCHAR', 'en', 'NULL').raw).toHaveLength(2000);
  });

  it('writes TSV that spreadsheets paste back cell by cell', () => {
    expect(toTsv([['a', 'b\tc'], ['say "hi"', 'line\nbreak']])).toBe('a\t"b\tc"\n"say ""hi"""\t"line\nbreak"');
  });
});
