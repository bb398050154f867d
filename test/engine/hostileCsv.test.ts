import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile, type ImportOptions } from '../../shared/import/importFile';
import { detectEncoding } from '../../shared/import/encoding';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { TenureError } from '../../shared/errors';
import { tempDir, writeFixture } from '../fixtures/importFixtures';

/** Hostile text tables (issue 11): a specific error or a correct reading with a warning, never a wrong table. */
let engine: WasmNodeEngine;
let dir: string;
let n = 0;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-hostile-csv-');
});
afterAll(() => engine.close());

async function load(name: string, data: string | Uint8Array, opts: ImportOptions = {}) {
  const r = await importFile(engine, nodeFileSource(writeFixture(dir, name, data)), { tableName: `c${n++}`, ...opts });
  return { r, rows: toRows<Record<string, unknown>>(await engine.query(`SELECT * FROM ${qi(r.table)}`)) };
}

async function failure(name: string, data: string | Uint8Array, opts: ImportOptions = {}): Promise<TenureError> {
  const p = writeFixture(dir, name, data);
  const sha = createHash('sha256').update(readFileSync(p)).digest('hex');
  const started = Date.now();
  const err = await importFile(engine, nodeFileSource(p), { tableName: `bad${n++}`, ...opts }).then(() => null, (e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(err).toBeInstanceOf(TenureError);
  expect((err as TenureError).file).toBe(name);
  expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(sha);
  return err as TenureError;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('hostile text tables', () => {
  it('a 5 MiB line of delimiters is refused by its column count, not built as millions of columns', async () => {
    const e = await failure('commas.csv', `a,${','.repeat(5_000_000)}`);
    expect(e.code).toBe('import.tooManyColumns');
    expect(e.message).toMatch(/5,000,002 columns/);
  });
  it('100,000 columns are refused at once with the count and the line', async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const e = await failure('wide.csv', `${header}\n${header.replace(/c\d+/g, '1')}\n`);
    expect([e.code, e.line]).toEqual(['import.tooManyColumns', 1]);
  });
  it('a row of a million empty fields under a 3-column header is ragged (named), not an all-NULL row', async () => {
    const e = await failure('ragged.csv', `a,b,c\n1,2,3\n${','.repeat(1_000_000)}\n4,5,6\n`);
    expect([e.code, e.line]).toEqual(['import.ragged', 3]);
  });
  it('a header that collides with an internal column name imports normally', async () => {
    const { r, rows } = await load('internal.csv', '__tenure_coerced_0,__tenure_coerced_1\n1,x\n2,\n');
    expect(r.columns.map((c) => c.name)).toEqual(['__tenure_coerced_0', '__tenure_coerced_1']);
    expect(rows).toEqual([{ __tenure_coerced_0: 1, __tenure_coerced_1: 'x' }, { __tenure_coerced_0: 2, __tenure_coerced_1: null }]);
  });
  it('control characters in a header never reach an identifier', async () => {
    const { r } = await load('ctrl.csv', utf8(`a\u0001b,c\u001f\n${'1,2\n'.repeat(50)}`));
    expect(r.columns.map((c) => c.name)).toEqual(['a b', 'c']);
  });
  it('100 columns × 50 rows of 0/1 (one distinct count per column) load', async () => {
    const head = Array.from({ length: 100 }, (_, i) => `f${i}`).join(',');
    const body = Array.from({ length: 50 }, (_, r) => Array.from({ length: 100 }, (_, i) => String((r + i) % 2)).join(',')).join('\n');
    const { r } = await load('flags.csv', `${head}\n${body}\n`);
    expect(r.rows).toBe(50);
    expect(r.columns.filter((c) => c.flag).length).toBe(100);
  });
});

describe('encodings: say what was chosen, never garble a UTF-8 file for one bad byte', () => {
  const text = 'name,city\n' + Array.from({ length: 60 }, (_, i) => `n${i},Zürich`).join('\n') + '\n';
  it('one 0xFE byte in a UTF-8 file: UTF-8 kept, the byte read as U+FFFD, a warning naming the line', async () => {
    const bytes = utf8(text);
    const at = bytes.indexOf(0xc3, 500);
    bytes[at] = 0xfe;
    const line = bytes.subarray(0, at).filter((b) => b === 10).length + 1;
    const { r, rows } = await load('badbyte.csv', bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.plan.encodingBasis).toBe('utf8-repaired');
    expect(rows.filter((x) => String(x.city).includes('\uFFFD')).length).toBe(1);
    expect(rows.filter((x) => x.city === 'Zürich').length).toBe(59);
    const w = r.warnings.find((x) => x.code === 'import.warnings.invalidUtf8')!;
    expect(w.line).toBe(line);
  });
  it('a bad byte far beyond the sniff window is repaired too, with its line', async () => {
    const big = utf8(text + Array.from({ length: 20_000 }, (_, i) => `m${i},Genève`).join('\n') + '\n');
    const at = big.lastIndexOf(0xc3);
    big[at] = 0xff;
    const { r } = await load('latebyte.csv', big, { chunkBytes: 64 * 1024 });
    expect(r.rows).toBe(20_060);
    expect(r.warnings.find((x) => x.code === 'import.warnings.invalidUtf8')?.line).toBe(20_061);
  });
  it('a guessed legacy encoding comes with its confidence and a warning', async () => {
    const sjis = new Uint8Array([0x96, 0xbc, 0x91, 0x4f, 0x2c, 0x8e, 0x73, 0x0a, 0x93, 0x63, 0x92, 0x86, 0x2c, 0x93, 0x8c, 0x8b, 0x9e, 0x0a]);
    const g = detectEncoding(sjis);
    expect(g.basis).toBe('scored');
    expect(g.confidence).toBeGreaterThan(0);
    expect(g.confidence).toBeLessThanOrEqual(1);
    const { r } = await load('sjis.csv', sjis);
    expect(r.warnings.find((w) => w.code === 'import.warnings.encodingGuessed')?.params).toMatchObject({ encoding: r.encoding!.toUpperCase() });
  });
});

describe('Excel serial dates in a CSV', () => {
  it('a serial beyond 9999-12-31 is a value that did not convert, not a failed import', async () => {
    const { r, rows } = await load('serials.csv', 'd\n45000\n1e12\n45001\n', { columns: { 0: { type: 'DATE', date: 'excel-1900' } } });
    expect(rows.map((x) => x.d === null)).toEqual([false, true, false]);
    expect(r.columns[0].invalid).toBe(1);
  });
});
