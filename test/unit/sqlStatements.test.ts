import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstKeyword, isResultStatement, singleStatement, splitStatements, statementAt } from '../../renderer/editors/sql/statements';
import { statementsToRun } from '../../renderer/editors/sql/SqlEditor';

const texts = (sql: string) => splitStatements(sql).map((s) => s.text);

describe('statement splitting', () => {
  it('splits at top-level semicolons only', () => {
    expect(texts(`SELECT 'a;b' AS "x;y"; SELECT 2 -- c;omment\n; /* a; /* nested; */ b; */ SELECT 3;`)).toEqual([
      `SELECT 'a;b' AS "x;y"`, 'SELECT 2 -- c;omment', '/* a; /* nested; */ b; */ SELECT 3',
    ]);
    expect(texts(`SELECT 'it''s;' ; SELECT "a"";b"`)).toEqual([`SELECT 'it''s;'`, `SELECT "a"";b"`]);
    expect(texts(`SELECT E'\\';' AS e; SELECT $$;$$, $tag$ ; $$ $tag$`)).toEqual([`SELECT E'\\';' AS e`, 'SELECT $$;$$, $tag$ ; $$ $tag$']);
  });

  it('drops empty and comment-only statements; keeps offsets into the text', () => {
    const sql = ';; -- only a comment\n;\n  SELECT 1 ;\n/* x */';
    const s = splitStatements(sql);
    expect(s.map((x) => x.text)).toEqual(['SELECT 1']);
    expect(sql.slice(s[0].from, s[0].to)).toBe('SELECT 1');
    expect(splitStatements('SELECT 1', 100)[0]).toEqual({ from: 100, to: 108, text: 'SELECT 1' });
  });

  it('an unterminated string runs to the end, as DuckDB parses it', () => {
    expect(texts(`SELECT 'abc; SELECT 2`)).toEqual([`SELECT 'abc; SELECT 2`]);
  });

  it('never loses code: joined statements equal the text minus separators and whitespace', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('SELECT 1', "'a;b'", '"c;d"', '-- e;\n', '/* f; */', ';', ' ', '\n', 'x'), { maxLength: 12 }), (parts) => {
      const sql = parts.join('');
      for (const s of splitStatements(sql)) {
        expect(sql.slice(s.from, s.to)).toBe(s.text);
        expect(s.text).toBe(s.text.trim());
      }
    }));
  });

  it('finds the statement at the cursor', () => {
    const doc = 'SELECT 1;\n\nSELECT 2;  \nSELECT 3';
    const s = splitStatements(doc);
    expect(statementAt(s, 3)?.text).toBe('SELECT 1');
    expect(statementAt(s, 9)?.text).toBe('SELECT 1'); // right after the ';'
    expect(statementAt(s, 10)?.text).toBe('SELECT 1'); // blank line below
    expect(statementAt(s, doc.indexOf('2'))?.text).toBe('SELECT 2');
    expect(statementAt(s, doc.length)?.text).toBe('SELECT 3');
    expect(statementAt([], 0)).toBeNull();
  });

  it('runs the selection, or else the statement under the cursor', () => {
    const doc = 'SELECT 1; SELECT 2; SELECT 3';
    expect(statementsToRun(doc, 12, 12).map((s) => s.text)).toEqual(['SELECT 2']);
    const sel = statementsToRun(doc, 10, doc.length);
    expect(sel.map((s) => s.text)).toEqual(['SELECT 2', 'SELECT 3']);
    expect(sel[0].from).toBe(10);
    expect(statementsToRun('  ', 1, 1)).toEqual([]);
  });

  it('classifies result-producing statements', () => {
    for (const sql of ['select 1', '  (SELECT 1)', 'WITH a AS (SELECT 1) SELECT * FROM a', 'FROM t', 'VALUES (1)', 'DESCRIBE t', 'SHOW TABLES', 'SUMMARIZE t', 'PIVOT t ON a', 'TABLE t', '-- hi\n/* x */ select 1']) {
      expect(isResultStatement(sql), sql).toBe(true);
    }
    for (const sql of ['CREATE TABLE t AS SELECT 1', 'INSERT INTO t SELECT 1', 'DROP TABLE t', 'SET threads = 1', '']) {
      expect(isResultStatement(sql), sql).toBe(false);
    }
    expect(firstKeyword('/* select */ drop table x')).toBe('drop');
  });

  it('prepares one statement for nesting', () => {
    expect(singleStatement('SELECT 1; -- end\n')).toBe('SELECT 1');
  });
});
