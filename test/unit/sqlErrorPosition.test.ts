import { describe, expect, it } from 'vitest';
import { errorPosition, unwrapPosition } from '../../renderer/editors/sql/errorPosition';
import { readableEngineMessage, syntaxErrorInfo, withoutLineSnippet } from '../../shared/engine/engineError';

describe('DuckDB error positions', () => {
  it('reads LINE n and the caret', () => {
    const sql = 'SELECT *\nFROM nope';
    const msg = 'Catalog Error: Table with name nope does not exist!\nDid you mean "pg_enum"?\n\nLINE 2: FROM nope\n             ^';
    expect(errorPosition(msg, sql)).toBe(sql.indexOf('nope'));
  });

  it('finds the position inside a line DuckDB shortened with "..."', () => {
    const sql = 'SELECT * FROM (SELECT 2 AS k UNION ALL SELECT 1) ORDER BY 1, ALL LIMIT 1';
    const msg = 'Parser Error: syntax error at or near "ALL"\n\nLINE 1: ...LECT * FROM (SELECT 2 AS k UNION ALL SELECT 1) ORDER BY 1, ALL LIMIT 1\n                                                                      ^';
    expect(errorPosition(msg, sql)).toBe(sql.lastIndexOf('ALL'));
  });

  it('handles long lines shortened on both sides', () => {
    const line = `SELECT ${'a, '.repeat(40)}nope_fn(1), ${'b, '.repeat(40)}c FROM t`;
    const at = line.indexOf('nope_fn');
    const snippet = line.slice(at - 30, at + 40);
    const prefix = 'LINE 1: ...';
    const msg = `Catalog Error: Scalar Function with name nope_fn does not exist!\n\n${prefix}${snippet}...\n${' '.repeat(prefix.length + 30)}^`;
    expect(errorPosition(msg, line)).toBe(at);
  });

  it('points at the end for an unfinished statement, and gives up without a hint', () => {
    expect(errorPosition('Parser Error: syntax error at end of input', 'SELECT 1 +  ')).toBe(10);
    expect(errorPosition('Invalid Input Error: something', 'SELECT 1')).toBeUndefined();
    expect(errorPosition('LINE 9: x\n        ^', 'SELECT 1')).toBeUndefined();
  });

  it('maps wrapper positions back into the statement', () => {
    expect(unwrapPosition(40, 30, 20)).toBe(10);
    expect(unwrapPosition(5, 30, 20)).toBeUndefined();
    expect(unwrapPosition(60, 30, 20)).toBe(20);
    expect(unwrapPosition(undefined, 0, 1)).toBeUndefined();
  });
});

describe('engine error text', () => {
  it('turns duckdb-wasm JSON errors into plain text, once, and drops the LINE snippet', () => {
    const json = '{"exception_type":"Parser","exception_message":"syntax error at or near \\"t\\"\\n\\nLINE 1: SELECT * FORM t\\n                      ^","error_subtype":"SYNTAX_ERROR","position":"14"}';
    const text = readableEngineMessage(json);
    expect(text).toBe('Parser Error: syntax error at or near "t"\n\nLINE 1: SELECT * FORM t\n                      ^');
    expect(errorPosition(text, 'SELECT * FORM t')).toBe(14);
    expect(withoutLineSnippet(text)).toBe('Parser Error: syntax error at or near "t"');
    expect(syntaxErrorInfo(text)).toEqual({ near: 't', atEnd: false });
    expect(syntaxErrorInfo('Parser Error: syntax error at end of input')).toEqual({ atEnd: true });
    expect(syntaxErrorInfo('Binder Error: x')).toBeUndefined();
    const repeated = 'Parser Error: x\n\nLINE 1: a\n^\n\nLINE 1: a\n^';
    expect(readableEngineMessage(repeated)).toBe('Parser Error: x\n\nLINE 1: a\n^');
    expect(readableEngineMessage('{not json "exception_type"')).toBe('{not json "exception_type"');
  });
});
