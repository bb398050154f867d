import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { internalTable, isInternalTable, newInternalTable } from '../../shared/engine/internalTables';
import { qi } from '../../shared/engine/sqlQuote';
import { userTables } from '../../shared/import/tableInfo';

/** The Explorer's table list: the app's own working tables are recognised by name, never by a prefix. */
let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
});
afterAll(() => engine.close());

describe('userTables', () => {
  it("lists a user's tables whatever their names, and none of the app's own", async () => {
    const stage = newInternalTable('stage');
    const grid = internalTable('tenure_grid_7_1');
    await engine.query(`CREATE TEMP TABLE ${qi(stage)} (c0 VARCHAR)`);
    await engine.query(`CREATE TEMP TABLE ${qi(grid)} AS SELECT 1 AS r`);
    // The user's own tables, named like the app's would have been hidden before.
    await engine.query('CREATE TABLE "__tenure_mine" (id INTEGER, amount DOUBLE)');
    await engine.query('CREATE TEMP TABLE "tenure_grid_mine" AS SELECT 2 AS x');
    await engine.query('CREATE VIEW "__tenure_view" AS SELECT 1 AS one');
    const tables = await userTables(engine);
    expect([...tables.keys()].sort()).toEqual(['__tenure_mine', '__tenure_view', 'tenure_grid_mine']);
    expect(tables.get('__tenure_mine')?.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['amount', 'DOUBLE']]);
  });

  it('recognises registered names case-insensitively and only those', () => {
    const name = newInternalTable('sample', 'abc');
    expect(name).toBe('__tenure_sample_abc');
    expect(isInternalTable('__TENURE_SAMPLE_ABC')).toBe(true);
    expect(isInternalTable('__tenure_sample_abd')).toBe(false);
  });
});
