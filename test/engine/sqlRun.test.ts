import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { runStatement } from '../../renderer/editors/sql/runStatement';
import { splitStatements } from '../../renderer/editors/sql/statements';
import { takeCount } from '../../renderer/editors/grid/countCache';
import { describeSql, windowSql } from '../../renderer/editors/grid/gridSql';

let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
});
afterAll(() => engine.close());

describe('SQL editor statements on duckdb-wasm', () => {
  it('runs a script statement by statement: DDL, DML counts, then a result for the grid', async () => {
    const script = `CREATE TABLE "my t" AS SELECT i, 'x' || i AS "name; 'odd'" FROM range(10) r(i);
      INSERT INTO "my t" VALUES (100, 'a;b'), (101, NULL);
      CREATE VIEW v AS SELECT * FROM "my t";
      -- the result
      SELECT * FROM v WHERE i > 5;`;
    const reports = [];
    for (const s of splitStatements(script)) reports.push(await runStatement(engine, s.text));
    expect(reports.map((r) => [r.rows, r.showable, r.error])).toEqual([
      [10, false, undefined], [2, false, undefined], [null, false, undefined], [6, true, undefined],
    ]);
    expect(reports[3].sql).toBe('-- the result\n      SELECT * FROM v WHERE i > 5');
    // The grid reuses the count instead of running the query again, once.
    expect(takeCount(engine, reports[3].sql)).toBe(6);
    expect(takeCount(engine, reports[3].sql)).toBeUndefined();
    expect(reports.every((r) => r.ms >= 0)).toBe(true);
  });

  it('maps an error inside a result statement to its position in the statement', async () => {
    const sql = 'SELECT i,\n  nope_fn(i)\nFROM range(3) r(i)';
    const r = await runStatement(engine, sql);
    expect(r.error?.message).toMatch(/Catalog Error: Scalar Function with name nope_fn/);
    expect(r.error?.position).toBe(sql.indexOf('nope_fn'));
    expect(r.error?.message).not.toContain('LINE'); // no snippet of the app's wrapper query: the editor marks the position
    expect(r.rows).toBeNull();
  });

  it('maps an error in a plain statement, and an unfinished statement to its end', async () => {
    const ddl = 'CREATE TABLE z AS SELECT missing_col FROM range(2)';
    const r1 = await runStatement(engine, ddl);
    expect(r1.error?.message).toMatch(/Binder Error/);
    expect(r1.error?.position).toBe(ddl.indexOf('missing_col'));
    const r2 = await runStatement(engine, 'SELECT 1 +');
    expect(r2.error?.message).toMatch(/Parser Error/);
    expect(r2.error?.position).toBe('SELECT 1 +'.length);
    expect(r2.error?.syntax).toEqual({ atEnd: true });
    // A syntax error inside a result statement: the wrapper's ") AS tenure_src" never shows.
    const bad = 'SELECT *\nFROM range(3) r(i)\nWHERE i >';
    const r3 = await runStatement(engine, bad);
    expect(r3.error?.message).not.toMatch(/tenure_src|LINE/);
    expect(r3.error?.syntax).toEqual({ atEnd: true });
    expect(r3.error?.position).toBe(bad.length);
    const typo = 'SELECT i FORM range(3) r(i)';
    const r4 = await runStatement(engine, typo);
    expect(r4.error?.syntax).toEqual({ near: 'range', atEnd: false });
    expect(r4.error?.position).toBe(typo.indexOf('range'));
    // the editor keeps working after errors
    expect((await runStatement(engine, 'SELECT 42')).rows).toBe(1);
  });

  it('DESCRIBE, SHOW, SUMMARIZE, PIVOT and FROM-first results page through the grid', async () => {
    await engine.query(`CREATE TABLE p AS SELECT i % 3 AS g, i AS v FROM range(30) r(i)`);
    for (const [sql, rows] of [['DESCRIBE p', 2], ['SHOW TABLES', null], ['SUMMARIZE p', 2], ['PIVOT p ON g USING sum(v)', 1], ['FROM p LIMIT 4', 4], ['VALUES (1), (2)', 2]] as const) {
      const r = await runStatement(engine, sql);
      expect(r.error, sql).toBeUndefined();
      expect(r.showable, sql).toBe(true);
      if (rows !== null) expect(r.rows, sql).toBe(rows);
      const source = { kind: 'query' as const, sql };
      const columns = toRows<{ column_name: string; column_type: string }>(await engine.query(describeSql(source))).map((c) => ({ name: c.column_name, type: c.column_type }));
      const page = await engine.query(windowSql(source, columns, { offset: 0, limit: 256, tieBreak: 'columns' }));
      expect(page.numRows, sql).toBe(r.rows);
    }
  });
});
