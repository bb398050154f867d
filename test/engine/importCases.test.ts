import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile, planImport, listSheets, type ImportOptions } from '../../shared/import/importFile';
import { computeColumnProfile } from '../../shared/import/columnProfile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { TenureError } from '../../shared/errors';
import { aoaSheet, encodeText, encryptedWorkbook, tempDir, workbook, writeFixture, zipBomb, type TestEncoding } from '../fixtures/importFixtures';

let engine: QueryEngine;
let dir: string;
let n = 0;
beforeAll(async () => {
  engine = await startEngine();
  dir = tempDir();
});
afterAll(() => engine.close());

async function load(name: string, data: string | Uint8Array, opts: ImportOptions = {}) {
  const p = writeFixture(dir, name, data);
  const r = await importFile(engine, nodeFileSource(p), { tableName: `t${n++}`, ...opts });
  const rows = toRows<Record<string, unknown>>(await engine.query(`SELECT * FROM ${qi(r.table)}`));
  return { r, rows, types: Object.fromEntries(r.columns.map((c) => [c.name, c.type])) };
}

async function failure(name: string, data: string | Uint8Array, opts: ImportOptions = {}): Promise<TenureError> {
  const p = writeFixture(dir, name, data);
  const sha = createHash('sha256').update(readFileSync(p)).digest('hex');
  const before = toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM information_schema.tables'))[0].n;
  const err = await importFile(engine, nodeFileSource(p), { tableName: `bad${n++}`, ...opts }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TenureError);
  // Nothing half-made is left behind (no table, no staging), and the source is untouched.
  expect(toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM information_schema.tables'))[0].n).toBe(before);
  expect(createHash('sha256').update(readFileSync(p)).digest('hex')).toBe(sha);
  return err as TenureError;
}

const CN = '客户编号,城市,金额\n0001,北京,"1,234.5"\n0002,台北,88\n';

describe('import: encodings', () => {
  for (const enc of ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gbk', 'big5'] as TestEncoding[]) {
    it(`${enc} is detected and decoded`, async () => {
      const text = enc === 'gbk' ? CN.replace('台北', '上海') : enc === 'big5' ? '客戶編號,城市,金額\n0001,臺北,"1,234.5"\n0002,高雄,88\n' : CN;
      const { r, rows } = await load(`enc_${enc}.csv`, encodeText(text, enc));
      expect(r.encoding).toBe(enc === 'utf-8-bom' ? 'utf-8' : enc);
      expect(rows[0]).toEqual(enc === 'big5' ? { 客戶編號: '0001', 城市: '臺北', 金額: 1234.5 } : { 客户编号: '0001', 城市: '北京', 金额: 1234.5 });
    });
  }
  it('an explicit encoding overrides detection', async () => {
    const { r, rows } = await load('enc_override.csv', encodeText(CN.replace('台北', '上海'), 'gbk'), { encoding: 'GB18030' });
    expect(r.encoding).toBe('gb18030');
    expect(rows[1]['城市']).toBe('上海');
  });
});

describe('import: dialects', () => {
  const table = [['id', 'note', 'v'], ['a1', 'x, "quoted"\nsecond line', 1], ['a2', 'plain', 2]];
  for (const [label, delim, nl, final] of [
    ['comma LF', ',', '\n', true], ['semicolon CRLF', ';', '\r\n', false], ['tab CR', '\t', '\r', true], ['pipe CRLF no final newline', '|', '\r\n', false],
  ] as const) {
    it(`${label}: delimiter detected, embedded delimiters/quotes/newlines kept`, async () => {
      const esc = (s: string | number): string => (typeof s === 'string' && /[",;\t|\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : String(s));
      const text = table.map((r) => r.map(esc).join(delim)).join(nl) + (final ? nl : '');
      const { r, rows } = await load(`dialect_${n}.csv`, text);
      expect(r.delimiter).toBe(delim);
      expect(rows).toEqual([{ id: 'a1', note: 'x, "quoted"\nsecond line', v: 1 }, { id: 'a2', note: 'plain', v: 2 }]);
    });
  }
  it('title and blank lines above the header are skipped (detected), or chosen with headerRow', async () => {
    const text = 'Sales report 2024\n\nregion,amount\nnorth,10\nsouth,20\n';
    const { r, rows } = await load('title.csv', text);
    expect(r.headerRow).toBe(3);
    expect(rows).toEqual([{ region: 'north', amount: 10 }, { region: 'south', amount: 20 }]);
    const forced = await load('title2.csv', 'x,y\nregion,amount\nnorth,10\n', { headerRow: 2 });
    expect(forced.rows).toEqual([{ region: 'north', amount: 10 }]);
  });
});

describe('import: numbers, IDs, flags', () => {
  it('thousands separators, currency, percentages, accounting negatives, blanks → NULL (counted)', async () => {
    const text = 'price,share,balance,total\n"1,234.50",12.5%,"(1,234.00)",¥1200\n$99,50%,"-3",1 200元\n €7.25 ,0.5%, ,\n';
    const { r, rows, types } = await load('numbers.csv', text);
    expect(types).toEqual({ price: 'DOUBLE', share: 'DOUBLE', balance: 'DOUBLE', total: 'VARCHAR' });
    expect(rows.map((x) => [x.price, x.share, x.balance])).toEqual([[1234.5, 0.125, -1234], [99, 0.5, -3], [7.25, 0.005, null]]);
    expect(r.columns.find((c) => c.name === 'balance')?.nullsCoerced).toBe(1);
  });
  it('decimal comma with ";" as the delimiter', async () => {
    const { r, rows, types } = await load('decimal_comma.csv', 'name;amount;qty\na;1.234,56;1.000\nb;7,5;2\n');
    expect(r.delimiter).toBe(';');
    expect(types).toEqual({ name: 'VARCHAR', amount: 'DOUBLE', qty: 'BIGINT' });
    expect(rows.map((x) => [x.amount, x.qty])).toEqual([[1234.56, 1000], [7.5, 2]]);
  });
  it('leading zeros, phone numbers and 18-digit IDs stay text; Yes/No, 是/否, 1/0, true/false are flags', async () => {
    const text = 'code,phone,idno,churn,流失,active,ok\n007,13800138000,110101199003074512,Yes,是,1,true\n012,13900139000,110101199003074513,No,否,0,false\n';
    const { r, types, rows } = await load('ids.csv', text);
    expect(types).toEqual({ code: 'VARCHAR', phone: 'VARCHAR', idno: 'VARCHAR', churn: 'VARCHAR', 流失: 'VARCHAR', active: 'BIGINT', ok: 'BOOLEAN' });
    expect(rows[0]).toMatchObject({ code: '007', phone: '13800138000', idno: '110101199003074512', ok: true });
    const flags = Object.fromEntries(r.columns.filter((c) => c.flag).map((c) => [c.name, c.flag!.trueValue]));
    expect(flags).toEqual({ churn: 'Yes', 流失: '是', active: 1, ok: true });
  });
});

describe('import: dates', () => {
  it('ISO, M/D/YYYY H:MM, YYYY年M月D日', async () => {
    const text = 'iso,us,cn\n2024-03-05,3/5/2024 8:05,2024年3月5日\n2024-12-31,12/31/2024 23:59,2024年12月31日\n';
    const { types, rows, r } = await load('dates.csv', text);
    expect(types).toEqual({ iso: 'DATE', us: 'TIMESTAMP', cn: 'DATE' });
    expect(rows.map((x) => [x.iso, x.us, x.cn].map((v) => new Date(v as number).toISOString().slice(0, 16)))).toEqual([
      ['2024-03-05T00:00', '2024-03-05T08:05', '2024-03-05T00:00'],
      ['2024-12-31T00:00', '2024-12-31T23:59', '2024-12-31T00:00'],
    ]);
    expect(r.columns.find((c) => c.name === 'us')?.ambiguousDates).toBeFalsy();
  });
  it('D/M/YYYY is recognised; ambiguous dates are reported and follow dateOrder', async () => {
    const dm = await load('dmy.csv', 'd\n25/12/2024\n01/02/2024\n');
    expect(new Date(dm.rows[1].d as number).toISOString().slice(0, 10)).toBe('2024-02-01');
    const amb = await load('amb.csv', 'd\n01/02/2024\n03/04/2024\n');
    expect(amb.r.columns[0].ambiguousDates).toBe(true);
    expect(amb.r.warnings.map((w) => w.code)).toContain('import.warnings.ambiguousDates');
    expect(new Date(amb.rows[0].d as number).toISOString().slice(0, 10)).toBe('2024-01-02');
    const dmy = await load('amb2.csv', 'd\n01/02/2024\n03/04/2024\n', { dateOrder: 'DMY' });
    expect(new Date(dmy.rows[0].d as number).toISOString().slice(0, 10)).toBe('2024-02-01');
  });
  it('Excel serial numbers in a CSV, on request (1900 and 1904 systems)', async () => {
    const a = await load('serial.csv', 'd\n45356\n61\n', { columns: { 0: { type: 'DATE', date: 'excel-1900' } } });
    expect(a.rows.map((x) => new Date(x.d as number).toISOString().slice(0, 10))).toEqual(['2024-03-05', '1900-03-01']);
    const b = await load('serial1904.csv', 'd\n43894\n', { columns: { 0: { type: 'DATE', date: 'excel-1904' } } });
    expect(new Date(b.rows[0].d as number).toISOString().slice(0, 10)).toBe('2024-03-05');
  });
});

describe('import: headers', () => {
  it('duplicate and empty headers get unique names with a mapping', async () => {
    const { r } = await load('dups.csv', 'col,col,,COL,x\n1,2,3,4,5\n');
    expect(r.headerMapping.map((m) => [m.original, m.name])).toEqual([['col', 'col'], ['col', 'col_2'], ['', 'column_3'], ['COL', 'COL_3'], ['x', 'x']]);
  });
});

describe('import: bad input fails clearly and leaves everything intact', () => {
  it('ragged rows: stop (line number), skip, pad', async () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n';
    const e = await failure('ragged.csv', text);
    expect([e.code, e.line]).toEqual(['import.ragged', 3]);
    expect(e.message).toMatch(/line 3: expected 3 fields .*found 2/);
    const skip = await load('ragged_skip.csv', text, { ragged: 'skip' });
    expect(skip.rows.map((x) => x.a)).toEqual([1, 10]);
    expect(skip.r.raggedLines).toEqual([3, 4]);
    const pad = await load('ragged_pad.csv', text, { ragged: 'pad' });
    expect(pad.rows).toEqual([{ a: 1, b: 2, c: 3 }, { a: 4, b: 5, c: null }, { a: 6, b: 7, c: 8 }, { a: 10, b: 11, c: 12 }]);
  });
  it('ragged and undecodable lines deep in a multi-chunk file are named by their line', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `${i},${i * 2},x${i}`);
    const ragged = [...rows];
    ragged[4321] = '1,2';
    const e = await failure('ragged_deep.csv', `a,b,c\n${ragged.join('\n')}\n`, { chunkBytes: 16 * 1024 });
    expect([e.code, e.line]).toEqual(['import.ragged', 4323]);
    // Valid UTF-8 in the sniffed head, a stray Latin-1 byte far below it: read as U+FFFD, the line named.
    const head = new TextEncoder().encode(`a,b,c\n${rows.join('\n')}\n`);
    const bad = new Uint8Array([...head, ...new TextEncoder().encode('1,2,caf'), 0xe9, 10]);
    const { r, rows: loaded } = await load('latin1_tail.csv', bad, { chunkBytes: 16 * 1024 });
    expect(r.warnings.find((w) => w.code === 'import.warnings.invalidUtf8')?.line).toBe(6002);
    expect(loaded.at(-1)).toEqual({ a: 1, b: 2, c: 'caf\uFFFD' });
  });
  it('mixed CRLF and LF line endings (files pasted together) read as one table', async () => {
    const { rows } = await load('mixed_endings.csv', 'id,name\r\n1,north\n2,south\r\n3,east\n');
    expect(rows).toEqual([{ id: 1, name: 'north' }, { id: 2, name: 'south' }, { id: 3, name: 'east' }]);
  });
  it('unclosed quote', async () => {
    const e = await failure('unclosed.csv', 'a,b\n1,2\n"3,4\n5,6\n');
    expect([e.code, e.line]).toEqual(['import.unclosedQuote', 3]);
  });
  it('binary file renamed .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
    expect((await failure('image.csv', png)).code).toBe('import.binary');
    expect((await failure('book.csv', workbook({ S: aoaSheet([['a'], [1]]) }))).code).toBe('import.binary');
  });
  it('empty file, whitespace-only file, header-only file', async () => {
    expect((await failure('empty.csv', '')).code).toBe('import.empty');
    expect((await failure('blank.csv', '\n\n  \n')).code).toBe('import.empty');
    const h = await failure('header.csv', 'a,b,c\n');
    expect([h.code, h.line]).toEqual(['import.noRows', 1]);
  });
  it('a 10 MB single line', async () => {
    const e = await failure('oneline.csv', 'x'.repeat(10 * 1024 * 1024));
    expect([e.code, e.line]).toEqual(['import.lineTooLong', 1]);
  });
  it('file larger than the limit: size and limit in the message; other tables intact', async () => {
    await load('keep.csv', 'a\n1\n', { tableName: 'keep_me' });
    const e = await failure('big.csv', 'a,b\n' + '1,2\n'.repeat(1000), { maxTextBytes: 1024 });
    expect(e.code).toBe('import.tooLarge');
    expect(e.message).toMatch(/3\.9 KiB.*1\.0 KiB/);
    expect(toRows(await engine.query('SELECT * FROM keep_me'))).toEqual([{ a: 1 }]);
  });
  it('an existing table is not replaced unless asked; replace swaps in only on success', async () => {
    await load('r1.csv', 'a\n1\n', { tableName: 'rep' });
    expect((await failure('r2.csv', 'a\n2\n', { tableName: 'rep' })).code).toBe('import.tableExists');
    await failure('r3.csv', 'a,b\n1\n', { tableName: 'rep', replace: true });
    expect(toRows(await engine.query('SELECT * FROM rep'))).toEqual([{ a: 1 }]);
    await load('r4.csv', 'b\nx\n', { tableName: 'rep', replace: true });
    expect(toRows(await engine.query('SELECT * FROM rep'))).toEqual([{ b: 'x' }]);
  });
});

describe('import: progress and cancellation', () => {
  const big = 'id,amount,when\n' + Array.from({ length: 60000 }, (_, i) => `${i},${(i * 1.5).toFixed(2)},2024-01-${String((i % 28) + 1).padStart(2, '0')}`).join('\n') + '\n';
  it('reports progress per chunk and loads everything', async () => {
    const seen: number[] = [];
    const { r } = await load('progress.csv', big, { chunkBytes: 256 * 1024, onProgress: (p) => p.phase === 'reading' && seen.push(p.bytesRead) });
    expect(r.rows).toBe(60000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen[seen.length - 1]).toBe(big.length);
  });
  it('an abort stops the work and leaves no table', async () => {
    const ctl = new AbortController();
    const e = await failure('cancel.csv', big, { chunkBytes: 64 * 1024, signal: ctl.signal, onProgress: () => ctl.abort() });
    expect(e.code).toBe('import.cancelled');
    expect(toRows(await engine.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__tenure%'`))).toEqual([{ n: 0 }]);
  });
});

describe('import: plan and preview', () => {
  it('planImport shows the plan and the first rows as they will load; an edited plan is applied', async () => {
    const p = writeFixture(dir, 'plan.csv', 'id;amount\n001;1,5\n002;2,25\n');
    const { plan, preview } = await planImport(engine, nodeFileSource(p));
    expect([plan.encoding, plan.delimiter, plan.decimal, plan.headerRow]).toEqual(['utf-8', ';', 'comma', 1]);
    expect(plan.columns.map((c) => [c.name, c.type])).toEqual([['id', 'VARCHAR'], ['amount', 'DOUBLE']]);
    expect(preview).toEqual([{ id: '001', amount: 1.5 }, { id: '002', amount: 2.25 }]);
    plan.columns[0].name = 'customer';
    plan.columns[1].type = 'VARCHAR';
    plan.columns[1].userType = true;
    const r = await importFile(engine, nodeFileSource(p), { plan, tableName: 'planned' });
    expect(toRows(await engine.query('SELECT * FROM planned'))).toEqual([{ customer: '001', amount: '1,5' }, { customer: '002', amount: '2,25' }]);
    expect(r.plan.columns[0].name).toBe('customer');
  });
});

describe('import: Excel', () => {
  it('lists all sheets, reads the chosen one with typed cells, dates, formulas and trailing blanks ignored', async () => {
    const ws = aoaSheet([['name', 'joined', 'amount', 'flag', 'code'], ['a', new Date(Date.UTC(2024, 2, 5)), 10.5, true, '007'], ['b', new Date(Date.UTC(2024, 11, 31)), 2, false, '012']]);
    ws['F2'] = { t: 'n', v: 21, f: 'C2*2' };
    ws['!ref'] = 'A1:H10';
    ws['A3'] = { t: 's', v: 'b' };
    const bytes = workbook({ First: aoaSheet([['x'], [1]]), Data: ws }, 'xlsx');
    const p = writeFixture(dir, 'book.xlsx', bytes);
    expect(await listSheets(nodeFileSource(p))).toEqual(['First', 'Data']);
    const { rows, types } = await load('book2.xlsx', bytes, { sheet: 'Data' });
    expect(types).toEqual({ name: 'VARCHAR', joined: 'DATE', amount: 'DOUBLE', flag: 'BOOLEAN', code: 'VARCHAR', column_6: 'BIGINT' });
    expect(rows.map((x) => [x.name, new Date(x.joined as number).toISOString().slice(0, 10), x.amount, x.flag, x.code, x.column_6])).toEqual([
      ['a', '2024-03-05', 10.5, true, '007', 21],
      ['b', '2024-12-31', 2, false, '012', null],
    ]);
  });
  it('.xls and the 1904 date system', async () => {
    const ws = aoaSheet([['d', 'v'], [43894, 1]]);
    ws['A2'].z = 'yyyy-mm-dd';
    const { rows } = await load('b1904.xlsx', workbook({ S: ws }, 'xlsx', true));
    expect(new Date(rows[0].d as number).toISOString().slice(0, 10)).toBe('2024-03-05');
    const xls = await load('old.xls', workbook({ S: aoaSheet([['a', 'b'], [1, 'x'], [2, 'y']]) }, 'xls'));
    expect(xls.rows).toEqual([{ a: 1, b: 'x' }, { a: 2, b: 'y' }]);
  });
  it('merged header cells become readable names; blank text cells in a numeric column are NULL and counted', async () => {
    const ws = aoaSheet([['Report'], [], ['id', 'Q1', null, 'Q2', null], [null, 'sales', 'units', 'sales', 'units'], [1, 10, 2, ' ', 4], [2, 30, 5, 40, 6]]);
    ws['!merges'] = [{ s: { r: 2, c: 1 }, e: { r: 2, c: 2 } }, { s: { r: 2, c: 3 }, e: { r: 2, c: 4 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    const { r, rows } = await load('merged.xlsx', workbook({ S: ws }));
    expect(r.headerRow).toBe(3);
    expect(r.columns.map((c) => `${c.name}:${c.type}`)).toEqual(['id:BIGINT', 'Q1 sales:BIGINT', 'Q1 units:BIGINT', 'Q2 sales:BIGINT', 'Q2 units:BIGINT']);
    expect(rows[0]['Q2 sales']).toBeNull();
    expect(r.nullsCoerced).toBe(1);
  });
  it('password-protected, corrupt, and zip-bomb workbooks are refused', async () => {
    expect((await failure('locked.xlsx', encryptedWorkbook())).code).toBe('import.excelEncrypted');
    const good = workbook({ S: aoaSheet([['a'], [1]]) });
    expect((await failure('cut.xlsx', good.subarray(0, good.length - 40))).code).toBe('import.excelCorrupt');
    expect((await failure('notbook.xlsx', 'a,b\n1,2\n')).code).toBe('import.excelCorrupt');
    const bomb = await failure('bomb.xlsx', zipBomb(64 * 1024 * 1024), { maxUnzippedBytes: 16 * 1024 * 1024 });
    expect(bomb.code).toBe('import.zipBomb');
    expect(bomb.message).toMatch(/64\.0 MiB.*16\.0 MiB/);
  });
});

describe('column profiles', () => {
  it('type, NULLs, distinct, min/max, histogram or top values', async () => {
    await load('prof.csv', 'v,s\n1,a\n2,a\n3,b\n,c\n10,a\n', { tableName: 'prof' });
    const v = await computeColumnProfile(engine, 'prof', 'v', { bins: 3 });
    expect(v).toMatchObject({ type: 'BIGINT', rows: 5, nulls: 1, distinct: 4, distinctExact: true, min: 1, max: 10 });
    expect(v.histogram.map((b) => b.count)).toEqual([3, 0, 1]);
    const s = await computeColumnProfile(engine, 'prof', 's');
    expect(s.top).toEqual([{ value: 'a', count: 3 }, { value: 'b', count: 1 }, { value: 'c', count: 1 }]);
  });
});
