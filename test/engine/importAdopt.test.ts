import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { PENDING_TABLE_PREFIX, adoptImport, importFile, pendingTableName } from '../../shared/import/importFile';
import { tableNames, userTables } from '../../shared/import/tableInfo';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { tempDir, writeFixture } from '../fixtures/importFixtures';

/** The import dialog imports a CSV ahead under a pending name; Import adopts it under importFile's name rules. */
let engine: WasmNodeEngine;
let dir: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-adopt-');
});
afterAll(() => engine.close());

const CSV = 'customer_id,amount\n0001,1.50\n0002,2.25\n';

describe('adopting an import made ahead', () => {
  it('renames the pending table to the name importFile would give, refuses a taken name and keeps the pending table for a corrected one', async () => {
    const src = nodeFileSource(writeFixture(dir, 'orders.csv', CSV));
    const pending = await importFile(engine, src, { tableName: pendingTableName() });
    expect(pending.table.startsWith(PENDING_TABLE_PREFIX)).toBe(true);
    // Until Import adopts it, the Explorer's listing leaves it out.
    expect((await userTables(engine)).has(pending.table)).toBe(false);
    // No name given: the file's, as importFile would choose it.
    const adopted = await adoptImport(engine, pending, src);
    expect(adopted.table).toBe('orders');
    expect({ ...adopted, table: pending.table }).toEqual(pending);
    const rows = toRows<{ customer_id: string; amount: number }>(await engine.query('SELECT * FROM orders ORDER BY customer_id'));
    expect(rows).toEqual([{ customer_id: '0001', amount: 1.5 }, { customer_id: '0002', amount: 2.25 }]);

    // A second one under a taken name: refused as importFile refuses it, the pending table kept.
    const again = await importFile(engine, src, { tableName: pendingTableName() });
    const err = await adoptImport(engine, again, src, { tableName: 'ORDERS' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'import.tableExists', params: { table: 'ORDERS' } });
    expect(await tableNames(engine)).toContain(again.table);
    const renamed = await adoptImport(engine, again, src, { tableName: 'orders_2' });
    expect(renamed.table).toBe('orders_2');
    // With replace, the taken name is replaced.
    const third = await importFile(engine, src, { tableName: pendingTableName() });
    await adoptImport(engine, third, src, { tableName: 'orders', replace: true });
    expect((await tableNames(engine)).filter((n) => n.startsWith('__')).length).toBe(0);
    expect((await tableNames(engine)).sort()).toEqual(['orders', 'orders_2']);
  });
});
