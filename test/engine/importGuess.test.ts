import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile, planImport } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { tempDir, writeFixture } from '../fixtures/importFixtures';

/**
 * Types are guessed from the first 5,000 rows and checked after one conversion pass: a value past
 * the sample that contradicts the guess must still win (the column is re-measured in full).
 */
let engine: WasmNodeEngine;
let dir: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir();
});
afterAll(() => engine.close());

function csv(rows: number, late: Record<string, string>): string {
  const head = 'n,code,day,flag,dm,plain\n';
  const body = Array.from({ length: rows }, (_, i) => {
    const last = i === rows - 1;
    return [
      last ? late.n ?? String(i) : String(i),
      last ? late.code ?? String(100 + i) : String(100 + i),
      last ? late.day ?? '2024-01-02' : '2024-01-02',
      last ? late.flag ?? (i % 2 ? 'Yes' : 'No') : i % 2 ? 'Yes' : 'No',
      last ? late.dm ?? '03/04/2024' : `0${1 + (i % 9)}/0${1 + (i % 9)}/2024`,
      String(i * 2),
    ].join(',');
  });
  return head + body.join('\n') + '\n';
}

describe('import: sample guesses are verified on every row', () => {
  it('a late decimal, leading zero, time, third value and D/M date each correct the guess', async () => {
    const p = writeFixture(dir, 'late.csv', csv(8000, { n: '3.5', code: '0042', day: '2024-01-02 10:30', flag: 'Maybe', dm: '25/12/2024' }));
    const r = await importFile(engine, nodeFileSource(p), { tableName: 'late' });
    expect(r.method).toBe('staged');
    const types = Object.fromEntries(r.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ n: 'DOUBLE', code: 'VARCHAR', day: 'TIMESTAMP', flag: 'VARCHAR', dm: 'DATE', plain: 'BIGINT' });
    expect(r.columns.find((c) => c.name === 'code')?.textReason).toBe('leadingZeros');
    expect(r.columns.find((c) => c.name === 'flag')?.flag).toBeUndefined();
    expect(r.columns.find((c) => c.name === 'dm')?.date).toBe('dmy');
    expect(r.columns.every((c) => c.nulls === 0)).toBe(true);
    const last = toRows<Record<string, unknown>>(await engine.query('SELECT n, code, CAST(dm AS VARCHAR) AS dm FROM late WHERE plain = 15998'))[0];
    expect(last).toEqual({ n: 3.5, code: '0042', dm: '2024-12-25' });
  });

  it('a clean file keeps its sample guesses and flags', async () => {
    const p = writeFixture(dir, 'clean.csv', csv(8000, {}));
    const r = await importFile(engine, nodeFileSource(p), { tableName: 'clean' });
    expect(r.method).toBe('direct');
    const types = Object.fromEntries(r.columns.map((c) => [c.name, c.type]));
    expect(types).toEqual({ n: 'BIGINT', code: 'BIGINT', day: 'DATE', flag: 'VARCHAR', dm: 'DATE', plain: 'BIGINT' });
    expect(r.columns.find((c) => c.name === 'flag')?.flag).toEqual({ trueValue: 'Yes', falseValue: 'No' });
    expect(r.columns.find((c) => c.name === 'dm')?.ambiguousDates).toBe(true);
  });

  it.each([
    ['n', '3.5', 'DOUBLE'],
    ['n', '-0042', 'VARCHAR'],
    ['code', '0042', 'VARCHAR'],
    ['code', 'n/a', 'BIGINT'],
    ['day', '2024-01-02 10:30', 'TIMESTAMP'],
    ['dm', '25/12/2024', 'DATE'],
    ['n', '1e3', 'DOUBLE'],
  ])('late %s = %s: the direct import gives way to a full measurement when needed (→ %s)', async (col, value, type) => {
    const p = writeFixture(dir, `late_${col}.csv`, csv(8000, { [col]: value }));
    const r = await importFile(engine, nodeFileSource(p), { tableName: `late_${col}_${value.replace(/\W/g, '')}` });
    expect(r.columns.find((c) => c.name === col)?.type).toBe(type);
    // An NA token is no contradiction: it is read as NULL and reported, without a second pass.
    expect(r.method).toBe(value === 'n/a' ? 'direct' : 'staged');
    if (value === 'n/a') expect(r.columns.find((c) => c.name === col)).toMatchObject({ nulls: 1, nullsCoerced: 1 });
  });

  it('a third value past the sample unmakes a yes/no flag, even one HyperLogLog would merge', async () => {
    // 'no service 27' shares a HyperLogLog bucket with 'no'/'yes': approx_count_distinct says 2.
    const rows = Array.from({ length: 6000 }, (_, i) => `${i},${i % 2 ? 'yes' : 'no'}`);
    rows.push('6000,no service 27');
    const r = await importFile(engine, nodeFileSource(writeFixture(dir, 'third.csv', `id,active\n${rows.join('\n')}\n`)), { tableName: 'third' });
    expect(r.method).toBe('direct');
    expect(r.columns.find((c) => c.name === 'active')?.flag).toBeUndefined();
  });

  it('a zip or phone column name keeps 5+ digit numbers as text (the header as written decides)', async () => {
    const p = writeFixture(dir, 'zip.csv', 'Zip Code,amount\n90003,10\n10001,20\n60601,30\n');
    const r = await importFile(engine, nodeFileSource(p), { tableName: 'zips' });
    expect(r.columns.map((c) => `${c.name}:${c.type}:${c.textReason ?? ''}`)).toEqual(['Zip Code:VARCHAR:nameHint', 'amount:BIGINT:']);
  });

  it('plain numbers take the fast path; odd ones (1,234 · $5 · 12% · (3) · inf) the strict one', async () => {
    const p = writeFixture(dir, 'odd.csv', 'v,i\n1.5,1\n"1,234.5","2,000"\n$5,3\n12%,4\n(3),5\n1e3,6\n');
    const r = await importFile(engine, nodeFileSource(p), { tableName: 'odd' });
    const v = toRows<{ v: number; i: number }>(await engine.query('SELECT v, i FROM odd'));
    expect(v).toEqual([{ v: 1.5, i: 1 }, { v: 1234.5, i: 2000 }, { v: 5, i: 3 }, { v: 0.12, i: 4 }, { v: -3, i: 5 }, { v: 1000, i: 6 }]);
    expect(r.columns.map((c) => c.type)).toEqual(['DOUBLE', 'BIGINT']);
    const inf = writeFixture(dir, 'inf.csv', 'v\n1.5\n2\n');
    const plan = (await planImport(engine, nodeFileSource(inf))).plan;
    expect(plan.columns[0].type).toBe('DOUBLE');
  });

  it('ISO timestamps: fast cast, zones and 12-hour times as before', async () => {
    const p = writeFixture(dir, 'iso.csv', 'ts\n2024-03-05 12:00:00\n2024-3-5 1:02 PM\n2024-03-05T08:00\n');
    const r = await importFile(engine, nodeFileSource(p), { tableName: 'iso' });
    expect(r.columns[0].type).toBe('TIMESTAMP');
    const v = toRows<{ s: string }>(await engine.query('SELECT CAST(ts AS VARCHAR) AS s FROM iso')).map((x) => x.s);
    expect(v).toEqual(['2024-03-05 12:00:00', '2024-03-05 13:02:00', '2024-03-05 08:00:00']);
  });
});

describe('import: a type chosen for a typed Excel column', () => {
  it('Zip Code as text reads 90003 (not 90003.0); the reported types are DuckDB’s', async () => {
    const { DATA } = await import('../helpers/paths');
    const path = await import('node:path');
    const src = nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx'));
    const plan = (await planImport(engine, src)).plan;
    const zip = plan.columns.find((c) => c.name === 'Zip Code')!;
    const cltv = plan.columns.find((c) => c.name === 'CLTV')!;
    const r = await importFile(engine, src, { tableName: 'telco_zip', columns: { [zip.index]: { type: 'VARCHAR' }, [cltv.index]: { type: 'DOUBLE' } } });
    expect(r.columns.find((c) => c.name === 'Zip Code')?.type).toBe('VARCHAR');
    expect(r.columns.find((c) => c.name === 'CLTV')?.type).toBe('DOUBLE');
    const row = toRows<{ z: string; t: string }>(await engine.query('SELECT "Zip Code" AS z, typeof("Zip Code") AS t FROM telco_zip LIMIT 1'))[0];
    expect(row).toEqual({ z: '90003', t: 'VARCHAR' });
  });
});
