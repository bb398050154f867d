import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile, planImport } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { aoaSheet, tempDir, workbook, writeFixture } from '../fixtures/importFixtures';

/** A type the user forces that the values do not fit: counted in the preview and in the import (issue 11/16). */
let engine: WasmNodeEngine;
let dir: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-forced-');
});
afterAll(() => engine.close());

const CSV = 'id,State,amount\n' + Array.from({ length: 40 }, (_, i) => `${i},${i % 10 === 0 ? i : ['CA', 'NY', 'TX'][i % 3]},${i}.5`).join('\n') + '\n';

describe('forced column types', () => {
  it('the preview counts values that will not convert (text → Number), per forced column only', async () => {
    const src = nodeFileSource(writeFixture(dir, 'state.csv', CSV));
    const r = await planImport(engine, src, { columns: { 1: { type: 'DOUBLE' }, 2: { type: 'BIGINT' } } });
    expect(r.forced).toEqual([
      { index: 1, column: 'State', type: 'DOUBLE', present: 40, lost: 36 },
      { index: 2, column: 'amount', type: 'BIGINT', present: 40, lost: 40 },
    ]);
    expect(r.sampledRows).toBe(40);
    expect((await planImport(engine, src)).forced).toEqual([]);
  });
  it('the import reports them per column (invalid) with a warning', async () => {
    const r = await importFile(engine, nodeFileSource(writeFixture(dir, 'state2.csv', CSV)), { tableName: 'forced_csv', columns: { 1: { type: 'DOUBLE' } } });
    const state = r.columns.find((c) => c.name === 'State')!;
    expect([state.type, state.nulls, state.invalid]).toEqual(['DOUBLE', 36, 36]);
    expect(r.warnings.find((w) => w.code === 'import.warnings.invalidValues')?.params).toMatchObject({ column: 'State', count: 36 });
  });
  it('an Excel cell column given another type is counted too (whole sheet)', async () => {
    const rows = [['id', 'when'], ...Array.from({ length: 10 }, (_, i) => [i, i < 3 ? `2024-01-0${i + 1}` : 'soon'])];
    const src = nodeFileSource(writeFixture(dir, 'when.xlsx', workbook({ S: aoaSheet(rows) })));
    const p = await planImport(engine, src, { columns: { 1: { type: 'DATE' }, 0: { type: 'DATE' } } });
    expect(p.sampledRows).toBeNull();
    expect(p.forced.map((f) => [f.column, f.present, f.lost])).toEqual([['id', 10, 10], ['when', 10, 7]]);
    const r = await importFile(engine, src, { tableName: 'forced_xlsx', columns: { 0: { type: 'DATE' } } });
    expect([r.columns[0].invalid, r.nullsCoerced]).toEqual([10, 10]);
  });
});
