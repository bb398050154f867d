import { describe, expect, it } from 'vitest';
import { countSql, describeSql, numericKind, relationSql, windowSql } from '../../renderer/editors/grid/gridSql';

describe('grid window SQL', () => {
  it('quotes table names and nests queries on their own lines without the trailing semicolon', () => {
    expect(relationSql({ kind: 'table', table: 'a"b; DROP TABLE x' })).toBe('"a""b; DROP TABLE x"');
    expect(relationSql({ kind: 'query', sql: 'SELECT 1 -- note\n;  ' })).toBe('(\nSELECT 1 -- note\n) AS "tenure_src"');
    expect(countSql({ kind: 'table', table: 't' })).toBe('SELECT count(*)::DOUBLE AS n FROM "t"');
    expect(describeSql({ kind: 'table', table: 't' })).toContain('DESCRIBE SELECT * FROM (SELECT * FROM "t")');
  });

  it('pages without ORDER BY when unsorted and casts non-native types to text', () => {
    const sql = windowSql({ kind: 'table', table: 't' }, [{ name: 'i', type: 'INTEGER' }, { name: 'd', type: 'DATE' }, { name: 'b', type: 'BIGINT' }], { offset: 512, limit: 256, tieBreak: 'rowid' });
    expect(sql).toBe('SELECT "i", CAST("d" AS VARCHAR) AS "d", CAST("b" AS VARCHAR) AS "b" FROM (SELECT * FROM "t" LIMIT 256 OFFSET 512) AS "tenure_w"');
  });

  it('sorts by the quoted column with a total tie-break', () => {
    const cols = [{ name: 'x"y', type: 'DOUBLE' }, { name: 'z', type: 'VARCHAR' }];
    expect(windowSql({ kind: 'table', table: 't' }, cols, { offset: 0, limit: 10, sort: { column: 'x"y', dir: 'desc' }, tieBreak: 'rowid' }))
      .toContain('ORDER BY "x""y" DESC NULLS LAST, rowid ASC NULLS LAST LIMIT 10 OFFSET 0');
    expect(windowSql({ kind: 'query', sql: 'SELECT 1' }, cols, { offset: 0, limit: 10, sort: { column: 'z', dir: 'asc' }, tieBreak: 'columns' }))
      .toContain('ORDER BY "z" ASC NULLS LAST, 1 ASC NULLS LAST, 2 ASC NULLS LAST LIMIT 10');
  });

  it('rejects non-finite paging values instead of splicing them', () => {
    expect(() => windowSql({ kind: 'table', table: 't' }, [], { offset: NaN, limit: 10, tieBreak: 'rowid' })).toThrow();
  });

  it('classifies numeric types', () => {
    expect(numericKind('INTEGER')).toBe('int');
    expect(numericKind('DOUBLE')).toBe('float');
    expect(numericKind('DECIMAL(18,3)')).toBe('exact');
    expect(numericKind('HUGEINT')).toBe('exact');
    expect(numericKind('VARCHAR')).toBeNull();
    expect(numericKind('INTEGER[]')).toBeNull();
  });
});
