import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile, type ImportOptions } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { TenureError } from '../../shared/errors';
import { DATA } from '../helpers/paths';
import { tempDir, writeFixture } from '../fixtures/importFixtures';
import { compressedRange, flipByte, sheetRowsXml, xlsxFrom, xlsxWithEntry } from '../fixtures/hostileFiles';

/**
 * Hostile workbooks (issue 11): each ends quickly with a specific TenureError naming the file, the
 * source is never written and nothing half-made is left in the engine.
 */
let engine: WasmNodeEngine;
let dir: string;
let n = 0;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-hostile-');
});
afterAll(() => engine.close());

async function load(name: string, data: Uint8Array, opts: ImportOptions = {}) {
  const r = await importFile(engine, nodeFileSource(writeFixture(dir, name, data)), { tableName: `h${n++}`, ...opts });
  return { r, rows: toRows<Record<string, unknown>>(await engine.query(`SELECT * FROM ${qi(r.table)}`)) };
}

async function failure(name: string, data: Uint8Array, opts: ImportOptions = {}): Promise<TenureError> {
  const p = writeFixture(dir, name, data);
  const sha = createHash('sha256').update(readFileSync(p)).digest('hex');
  const tables = async (): Promise<number> => toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM duckdb_tables()'))[0].n;
  const before = await tables();
  const started = Date.now();
  const err = await importFile(engine, nodeFileSource(p), { tableName: `bad${n++}`, ...opts }).then(() => null, (e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(err).toBeInstanceOf(TenureError);
  const e = err as TenureError;
  expect(e.file).toBe(name);
  expect(e.message).not.toMatch(/Cannot read properties|undefined|is not a function|Unknown Namespace/);
  expect(await tables()).toBe(before);
  expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(sha);
  return e;
}

const GOOD = sheetRowsXml([['id', 'v'], ['a', 1], ['b', 2]]);

describe('hostile workbooks: damaged compressed data', () => {
  it('the Telco workbook with one byte flipped (offset 1359074 → 0xF6) is an error, not a hang', async () => {
    const bytes = flipByte(new Uint8Array(readFileSync(path.join(DATA, 'Telco_customer_churn.xlsx'))), 1359074, 0xf6);
    const e = await failure('telco_flip.xlsx', bytes);
    expect(e.code).toBe('import.excelCorrupt');
  });
  it('every byte flip in the sheet part is caught (inflate error or CRC), never changed cells', async () => {
    const book = xlsxFrom({ sheets: { S: sheetRowsXml(Array.from({ length: 200 }, (_, i) => [`r${i}`, i])) } });
    const { start, length } = compressedRange(book, 'xl/worksheets/sheet1.xml');
    for (const at of [start + 5, start + Math.floor(length / 2), start + length - 3]) {
      const e = await failure(`flip_${at}.xlsx`, flipByte(book, at, book[at] ^ 0x10));
      expect(e.code).toBe('import.excelCorrupt');
      expect(e.message).toMatch(/sheet1\.xml/);
    }
  });
  it('a part whose CRC does not match its content', async () => {
    const e = await failure('crc.xlsx', xlsxWithEntry({ sheets: { S: '' } }, { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode(`<worksheet><sheetData>${GOOD}</sheetData></worksheet>`), crc: 1234 }));
    expect(e.code).toBe('import.excelCorrupt');
    expect(e.message).toMatch(/checksum/);
  });
});

describe('hostile workbooks: bombs', () => {
  it('a ZIP64 entry declaring 4 KiB that inflates far more stops at the limit counting real bytes', async () => {
    const big = new Uint8Array(24 * 1024 * 1024).fill(0x20);
    const e = await failure('zip64.xlsx', xlsxWithEntry({ sheets: { S: '' } }, { name: 'xl/worksheets/sheet1.xml', data: big, declaredSize: 4096, zip64: true }), { maxUnzippedBytes: 8 * 1024 * 1024 });
    expect(e.code).toBe('import.zipBomb');
    expect(e.message).toMatch(/says 4\.0 KiB/);
  });
  it('a part larger than its header says, under the limit, is damaged (sizes must agree)', async () => {
    const e = await failure('liar.xlsx', xlsxWithEntry({ sheets: { S: '' } }, { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(100_000).fill(0x20), declaredSize: 4096 }));
    expect(e.code).toBe('import.excelCorrupt');
  });
  it('an honest sheet with more cells than the limit is refused before cells are built', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i, i, i, i]);
    const e = await failure('cells.xlsx', xlsxFrom({ sheets: { S: sheetRowsXml(rows) } }), { maxCells: 5000 });
    expect(e.code).toBe('import.excelTooLarge');
    expect(e.message).toMatch(/more than 5,000 cells/);
  });
});

describe('hostile workbooks: grid limits', () => {
  it('<row r="4294967295"> is refused, naming the row', async () => {
    const e = await failure('row.xlsx', xlsxFrom({ sheets: { S: `${GOOD}<row r="4294967295"><c r="A4294967295"><v>1</v></c></row>` } }));
    expect(e.code).toBe('import.excelCellRange');
    expect(e.message).toMatch(/4294967295/);
  });
  it('a cell beyond column XFD is refused', async () => {
    const e = await failure('col.xlsx', xlsxFrom({ sheets: { S: `${GOOD}<row r="4"><c r="XFE4"><v>1</v></c></row>` } }));
    expect(e.code).toBe('import.excelCellRange');
  });
  it('one value at XFD1048576 beside a small table: a clear refusal (16,384 columns), not "divide by zero"', async () => {
    const e = await failure('xfd.xlsx', xlsxFrom({ sheets: { S: `${GOOD}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` } }));
    expect(e.code).toBe('import.tooManyColumns');
  });
});

describe('hostile workbooks: missing parts and odd cells', () => {
  it('a workbook without sheets', async () => {
    const e = await failure('nosheets.xlsx', xlsxFrom({ sheets: {} }));
    expect(e.code).toBe('import.excelNoSheets');
  });
  it('without a shared-strings part, or with an index out of range: readable, never a raw JS error', async () => {
    const sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>';
    for (const [name, strings] of [['nostrings.xlsx', null], ['badindex.xlsx', ['id']]] as const) {
      const out = await load(name, xlsxFrom({ sheets: { S: sheet }, strings: strings as string[] | null })).then((r) => r.r, (e: unknown) => e);
      if (out instanceof Error) {
        expect(out).toBeInstanceOf(TenureError);
        expect(out.message).not.toMatch(/Cannot read properties|undefined/);
      } else expect((out as { rows: number }).rows).toBe(1);
    }
  });
  it('a sheet whose data part is missing', async () => {
    const e = await failure('nopart.xlsx', xlsxFrom({ sheets: { S: GOOD }, parts: { 'xl/worksheets/sheet1.xml': null } }));
    expect(e.code).toBe('import.excelCorrupt');
  });
  it('error cells and impossible dates are never header names; as values they are NULL and counted', async () => {
    const sheet =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" s="1"><v>99999999</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>5</v></c><c r="C2" s="1"><v>45000</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3" s="1"><v>-5</v></c></row>';
    const { r, rows } = await load('errhead.xlsx', xlsxFrom({ sheets: { S: sheet }, dateStyle: true }));
    expect(r.columns.map((c) => c.name)).toEqual(['id', 'column_2', 'column_3']);
    expect(rows.map((x) => x.column_2)).toEqual([5, null]);
    expect(r.columns[2].type).toBe('DATE');
    expect(rows[1].column_3).toBeNull();
  });
});

