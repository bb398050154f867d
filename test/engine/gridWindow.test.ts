import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { countSql, describeSql, dropIndexSql, rowidProbeSql, sortIndexSql, windowSql, type GridColumn, type GridSource, type WindowRequest } from '../../renderer/editors/grid/gridSql';
import { windowRows } from '../../renderer/editors/grid/useGridData';
import { WindowStore } from '../../renderer/editors/grid/windowCache';
import { selectionText } from '../../renderer/editors/grid/copySelection';
import { filterWhereSql } from '../../shared/grid/filterSql';

let engine: WasmNodeEngine;
const k = (i: number) => String((i * 7919) % 1000);
const BIG = 'big 表 "quoted"';
const HOSTILE = 'a"b; DROP TABLE x';

beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  // 1M rows; k has many ties (sorting needs the tie-break), v has NULLs.
  await engine.query(`CREATE TABLE ${qi(BIG)} AS SELECT i::BIGINT AS id, (i * 7919) % 1000 AS k,
    CASE WHEN i % 10 = 0 THEN NULL ELSE i * 0.5 END AS v, 'row ' || i AS ${qi(HOSTILE)} FROM range(1000000) r(i)`);
});
afterAll(() => engine.close());

async function columns(src: GridSource): Promise<GridColumn[]> {
  return toRows<{ column_name: string; column_type: string }>(await engine.query(describeSql(src))).map((r) => ({ name: r.column_name, type: r.column_type }));
}

async function page(src: GridSource, cols: GridColumn[], req: WindowRequest): Promise<unknown[][]> {
  return windowRows(await engine.query(windowSql(src, cols, req)));
}

describe('grid windows on duckdb-wasm', () => {
  const src: GridSource = { kind: 'table', table: BIG };

  it('counts and describes a hostile table with DuckDB types', async () => {
    expect(toRows<{ n: number }>(await engine.query(countSql(src)))[0].n).toBe(1_000_000);
    expect(await columns(src)).toEqual([
      { name: 'id', type: 'BIGINT' }, { name: 'k', type: 'BIGINT' }, { name: 'v', type: 'DECIMAL(21,1)' }, { name: HOSTILE, type: 'VARCHAR' },
    ]);
    await expect(engine.query(rowidProbeSql(BIG))).resolves.toBeDefined();
  });

  it('fetches exactly the requested window, deep offsets included, with exact text for 64-bit and decimals', async () => {
    const cols = await columns(src);
    const rows = await page(src, cols, { offset: 999_744, limit: 256, tieBreak: 'rowid' });
    expect(rows).toHaveLength(256);
    expect(rows[0]).toEqual(['999744', k(999744), '499872.0', 'row 999744']);
    expect(rows[255][0]).toBe('999999');
    expect(await page(src, cols, { offset: 1_000_000, limit: 256, tieBreak: 'rowid' })).toEqual([]);
    expect((await page(src, cols, { offset: 10, limit: 1, tieBreak: 'rowid' }))[0][2]).toBeNull();
  });

  it('sorts by a column with ties: consecutive windows form one total order without repeats', async () => {
    const cols = await columns(src);
    const sort = { column: 'k', dir: 'desc' as const };
    const a = await page(src, cols, { offset: 0, limit: 1500, sort, tieBreak: 'rowid' });
    const b = [...(await page(src, cols, { offset: 0, limit: 700, sort, tieBreak: 'rowid' })), ...(await page(src, cols, { offset: 700, limit: 800, sort, tieBreak: 'rowid' }))];
    expect(b).toEqual(a);
    expect(a[0][1]).toBe('999');
    // ties keep insertion order (rowid), so ids ascend within k = 999
    const ids = a.filter((r) => r[1] === '999').map((r) => Number(r[0]));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids).toHaveLength(1000);
  });

  it('puts NULLs last both ways and sorts numbers numerically, not as text', async () => {
    const cols = await columns(src);
    const asc = await page(src, cols, { offset: 0, limit: 3, sort: { column: 'v', dir: 'asc' }, tieBreak: 'rowid' });
    expect(asc.map((r) => r[2])).toEqual(['0.5', '1.0', '1.5']);
    const desc = { column: 'v', dir: 'desc' as const };
    await engine.query(sortIndexSql(src, cols, desc, 'rowid', 'idx v'));
    const tail = await page(src, cols, { offset: 999_999, limit: 1, sort: desc, index: 'idx v', tieBreak: 'rowid' });
    expect(tail[0][2]).toBeNull();
    const byText = await page(src, cols, { offset: 0, limit: 2, sort: { column: HOSTILE, dir: 'asc' }, tieBreak: 'rowid' });
    expect(byText.map((r) => r[3])).toEqual(['row 0', 'row 1']);
  });

  it('pages a query source: trailing semicolon and comment, duplicate names, non-native types as text', async () => {
    const q: GridSource = { kind: 'query', sql: `SELECT i AS a, i * 2 AS a, DATE '2024-01-01' + i::INTEGER AS d, [i, i + 1] AS l, {'x': i} AS s, INTERVAL (i) DAY AS iv\nFROM range(1000) r(i) -- last line comment\n;` };
    const cols = await columns(q);
    expect(cols.map((c) => c.name)).toEqual(['a', 'a_1', 'd', 'l', 's', 'iv']);
    expect(toRows<{ n: number }>(await engine.query(countSql(q)))[0].n).toBe(1000);
    const rows = await page(q, cols, { offset: 998, limit: 10, sort: { column: 'a_1', dir: 'asc' }, tieBreak: 'columns' });
    expect(rows).toEqual([
      ['998', '1996', '2026-09-25', '[998, 999]', '{\'x\': 998}', '998 days'],
      ['999', '1998', '2026-09-26', '[999, 1000]', '{\'x\': 999}', '999 days'],
    ]);
  });

  it('a sort index (rowids of a table, a sorted copy of a query) serves the same windows as a Top-N', async () => {
    const cols = await columns(src);
    const sort = { column: 'k', dir: 'asc' as const };
    await engine.query(sortIndexSql(src, cols, sort, 'rowid', 'idx k'));
    for (const offset of [0, 123_456, 999_900]) {
      const viaIndex = await page(src, cols, { offset, limit: 256, sort, index: 'idx k', tieBreak: 'rowid' });
      if (offset === 123_456) expect(viaIndex).toEqual(await page(src, cols, { offset, limit: 256, sort, tieBreak: 'rowid' }));
      expect(viaIndex[0][1]).toBe(String(Math.floor(offset / 1000))); // 1,000 rows per k value
      expect(viaIndex.length).toBe(Math.min(256, 1_000_000 - offset));
    }
    const q: GridSource = { kind: 'query', sql: `SELECT k, ${qi(HOSTILE)} FROM ${qi(BIG)} WHERE id < 50000` };
    const qcols = await columns(q);
    const qsort = { column: HOSTILE, dir: 'desc' as const };
    await engine.query(sortIndexSql(q, qcols, qsort, 'columns', 'idx "q"'));
    const viaCopy = await page(q, qcols, { offset: 40_000, limit: 300, sort: qsort, index: 'idx "q"', tieBreak: 'columns' });
    expect(viaCopy).toEqual(await page(q, qcols, { offset: 40_000, limit: 300, sort: qsort, tieBreak: 'columns' }));
    await engine.query(dropIndexSql('idx "q"'));
    await expect(engine.query(`SELECT * FROM ${qi('idx "q"')}`)).rejects.toThrow(/Catalog Error/);
  });

  it('keeps the order of a query that sorts itself', async () => {
    const q: GridSource = { kind: 'query', sql: 'SELECT i FROM range(100000) r(i) ORDER BY i DESC' };
    const rows = await page(q, await columns(q), { offset: 50_000, limit: 3, tieBreak: 'columns' });
    expect(rows).toEqual([['49999'], ['49998'], ['49997']]);
  });

  it('a view has no rowid: the probe fails and the column tie-break still gives a total order', async () => {
    await engine.query(`CREATE VIEW ${qi('v iew')} AS SELECT k, id % 3 AS m FROM ${qi(BIG)} WHERE id < 3000`);
    await expect(engine.query(rowidProbeSql('v iew'))).rejects.toThrow(/rowid/);
    const v: GridSource = { kind: 'table', table: 'v iew' };
    const cols = await columns(v);
    const sort = { column: 'k', dir: 'asc' as const };
    const all = await page(v, cols, { offset: 0, limit: 3000, sort, tieBreak: 'columns' });
    const split = [...(await page(v, cols, { offset: 0, limit: 1234, sort, tieBreak: 'columns' })), ...(await page(v, cols, { offset: 1234, limit: 2000, sort, tieBreak: 'columns' }))];
    expect(split).toEqual(all);
  });

  it('reports a broken query as DuckDB’s error and keeps answering', async () => {
    const bad: GridSource = { kind: 'query', sql: 'SELECT nope FROM range(3)' };
    await expect(engine.query(countSql(bad))).rejects.toThrow(/Binder Error/);
    expect(toRows(await engine.query('SELECT 1 AS x'))).toEqual([{ x: 1 }]);
  });

  it('a window store over the engine serves rows and copies a block as TSV (cached and uncached)', async () => {
    const cols = await columns(src);
    const sort = { column: 'id', dir: 'desc' as const };
    await engine.query(sortIndexSql(src, cols, sort, 'rowid', 'idx copy'));
    const active = { sort, index: 'idx copy' };
    let updates = 0;
    const store = new WindowStore<unknown[]>({
      windowSize: 256, capacity: 4,
      fetch: async (offset, limit) => page(src, cols, { offset, limit, ...active, tieBreak: 'rowid' }),
      onUpdate: () => updates++, onError: (e) => { throw e; },
    });
    store.request(0, 300);
    await expect.poll(() => store.has(0, 300)).toBe(true);
    expect(store.row(300)?.[0]).toBe('999699');
    const args = { engine, source: src, columns: cols, active, tieBreak: 'rowid' as const, store };
    const cached = await selectionText({ ...args, rect: { r0: 0, r1: 1, c0: 0, c1: 3 } });
    expect(cached.text).toBe(`999999\t${k(999999)}\t499999.5\trow 999999\n999998\t${k(999998)}\t499999.0\trow 999998`);
    const fetched = await selectionText({ ...args, rect: { r0: 500_000, r1: 500_009, c0: 2, c1: 2 } });
    // row 500,000 of id DESC is id 499,999; id 499,990 has a NULL v (copied as an empty cell)
    expect(fetched.text.split('\n')).toEqual(['249999.5', '249999.0', '249998.5', '249998.0', '249997.5', '249997.0', '249996.5', '249996.0', '249995.5', '']);
    expect(fetched.cells).toBe(10);
    expect(updates).toBe(2);
  });

  it('filters: the count, unsorted windows and a sort index hold exactly the filtered rows', async () => {
    const cols = await columns(src);
    const where = filterWhereSql([
      { kind: 'number', column: 'k', min: 0, max: 9 },
      { kind: 'null', column: 'v', isNull: false },
      { kind: 'text', column: HOSTILE, op: 'contains', value: 'ROW 9' },
    ]);
    // The same rule in JS over the generated ids: k = i·7919 mod 1000 in 0…9, v not NULL (i mod 10 ≠ 0), text 'row 9…'.
    const ids: number[] = [];
    for (let i = 0; i < 1_000_000; i++) if ((i * 7919) % 1000 <= 9 && i % 10 !== 0 && String(i).startsWith('9')) ids.push(i);
    expect(toRows<{ n: number }>(await engine.query(countSql(src, where)))[0].n).toBe(ids.length);
    const plain = await page(src, cols, { offset: 0, limit: ids.length + 10, tieBreak: 'rowid', where });
    expect(plain.map((r) => Number(r[0]))).toEqual(ids);
    const sort = { column: 'k', dir: 'desc' as const };
    await engine.query(sortIndexSql(src, cols, sort, 'rowid', 'idx filtered', where));
    const sorted = await page(src, cols, { offset: 0, limit: ids.length + 10, sort, index: 'idx filtered', tieBreak: 'rowid', where });
    const expected = [...ids].sort((a, b) => ((b * 7919) % 1000) - ((a * 7919) % 1000) || a - b);
    expect(sorted.map((r) => Number(r[0]))).toEqual(expected);
    await engine.query(dropIndexSql('idx filtered'));
  });
});
