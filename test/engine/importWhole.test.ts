import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile, type ImportOptions, type ImportResult } from '../../shared/import/importFile';
import type { FileSource } from '../../shared/import/FileSource';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { startEngine, type EngineKind } from '../helpers/engines';

/**
 * The whole-file typed read (csvWhole.ts: DuckDB reads the file itself while JS checks every field)
 * must make exactly the table the chunk-by-chunk loader makes from the same bytes: a source without
 * a handle takes the chunked path, the same file by path takes the whole-file path. Online-Retail
 * shapes (quoted descriptions with commas, doubled quotes and a line break, HH:MM timestamps,
 * leading-zero ids, blanks), and the cases where the walk must give up after DuckDB has already read.
 */
const dir = mkdtempSync(join(tmpdir(), 'tenure-whole-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function retailRows(n: number, tweak: (i: number) => string | null = () => null): string {
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let i = 0; i < n; i++) {
    const desc = i % 3 === 0 ? `"CASES PINK, FLAG ${i % 50}"` : i % 101 === 0 ? '"JUMBO 12"" BAG\nTWO LINES"' : `WHITE HEART ${i % 70}`;
    const minute = String(i % 60).padStart(2, '0');
    const customer = i % 4 === 0 ? '' : String(1 + (i % 4000)).padStart(5, '0');
    lines.push(tweak(i) ?? `${i % 50 === 0 ? 'C' : ''}${536365 + (i >> 3)},${i % 7 === 0 ? '00583' : `2036${i % 10}A`},${desc},${(i % 13) - 2},2010-12-0${1 + (i % 9)} 08:${minute},${(1 + (i % 500) / 100).toFixed(2)},${customer},"Korea, Republic of"`);
  }
  return `${lines.join('\n')}\n`;
}

const chunked = (src: FileSource): FileSource => ({ ...src, handle: null });

for (const kind of ['wasm', 'native'] as EngineKind[]) {
  describe(`whole-file typed read = chunked load (${kind})`, () => {
    let engine: QueryEngine;
    beforeAll(async () => {
      engine = await startEngine(kind);
    }, 120_000);
    afterAll(() => engine?.close());
    let n = 0;
    /** Statements that read the whole file (the path under test was taken). */
    let wholeReads = 0;

    async function both(name: string, text: string | Buffer, opts: ImportOptions = {}): Promise<[ImportResult, ImportResult]> {
      const p = join(dir, `${kind}_${name}`);
      writeFileSync(p, text);
      const query = engine.query.bind(engine);
      wholeReads = 0;
      engine.query = (sql: string) => ((wholeReads += Number(sql.includes('tenure_whole_'))), query(sql));
      const whole = await importFile(engine, nodeFileSource(p), { tableName: `w${n}`, chunkBytes: 16 * 1024, ...opts }).finally(() => (engine.query = query));
      const parts = await importFile(engine, chunked(nodeFileSource(p)), { tableName: `c${n++}`, chunkBytes: 16 * 1024, ...opts });
      const strip = (r: ImportResult) => ({ ...r, table: '', plan: { ...r.plan, file: '' } });
      expect(strip(whole)).toEqual(strip(parts));
      const [diff] = toRows<{ a: number; b: number }>(await engine.query(
        `SELECT (SELECT count(*) FROM (SELECT * FROM ${qi(whole.table)} EXCEPT ALL SELECT * FROM ${qi(parts.table)})) AS a,
                (SELECT count(*) FROM (SELECT * FROM ${qi(parts.table)} EXCEPT ALL SELECT * FROM ${qi(whole.table)})) AS b`,
      ));
      expect(diff).toEqual({ a: 0, b: 0 });
      return [whole, parts];
    }

    it('Online-Retail shapes: quoted text, HH:MM timestamps, leading-zero ids kept as text, blanks counted', async () => {
      const [r] = await both('retail.csv', retailRows(3000));
      expect(r.rows).toBe(3000);
      expect(wholeReads).toBe(1);
      expect(Object.fromEntries(r.columns.map((c) => [c.name, c.type]))).toMatchObject({
        InvoiceNo: 'VARCHAR', StockCode: 'VARCHAR', Quantity: 'BIGINT', InvoiceDate: 'TIMESTAMP', UnitPrice: 'DOUBLE', CustomerID: 'VARCHAR', Country: 'VARCHAR',
      });
      const rows = toRows<{ d: string; c: string | null; t: Date | number; blanks: number }>(await engine.query(
        `SELECT Description AS d, CustomerID AS c, InvoiceDate AS t, (SELECT count(*) FROM ${qi(r.table)} WHERE CustomerID IS NULL) AS blanks FROM ${qi(r.table)} WHERE rowid IN (101, 1) ORDER BY rowid`,
      ));
      expect(rows.map((x) => [x.d, x.c])).toEqual([['WHITE HEART 1', '00002'], ['JUMBO 12" BAG\nTWO LINES', '00102']]);
      expect(new Date(rows[0].t).toISOString()).toBe('2010-12-02T08:01:00.000Z');
      expect(rows[0].blanks).toBe(750);
    });

    it('a value the sample did not foresee, after DuckDB read it leniently (007 → 7): undone, the column becomes text', async () => {
      const [r] = await both('late007.csv', retailRows(3000, (i) => (i === 2900 ? '536999,00583,X,007,2010-12-01 08:00,1.00,00001,UK' : null)));
      expect(r.columns.find((c) => c.name === 'Quantity')?.type).toBe('VARCHAR');
      expect(wholeReads).toBe(1);
    });

    it('a quoted field beyond the whole-file read’s 2 MiB line limit: DuckDB refuses, the chunked load keeps it whole', async () => {
      const long = `"${'x, '.repeat(1024 ** 2)}"`;
      const lines = Array.from({ length: 200 }, (_, i) => `${i},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 5 === 0 ? '' : `note ${i}`}`);
      lines.splice(150, 0, `9999,2024-02-01,${long}`);
      const [r] = await both('longline.csv', `id,day,note\n${lines.join('\n')}\n`, { chunkBytes: 8 * 1024 ** 2 });
      expect(r.rows).toBe(201);
      expect(wholeReads).toBe(1);
      expect(r.columns.map((c) => c.type)).toEqual(['BIGINT', 'DATE', 'VARCHAR']);
      const [row] = toRows<{ n: number; blanks: number }>(await engine.query(`SELECT length(note) AS n, (SELECT count(*) FROM ${qi(r.table)} WHERE note IS NULL) AS blanks FROM ${qi(r.table)} WHERE id = 9999`));
      expect(row).toEqual({ n: 3 * 1024 ** 2, blanks: 40 });
    });

    it('a ragged record, invalid UTF-8 and a BOM late or early: the same warnings, lines and rows', async () => {
      const p = join(dir, `${kind}_ragged.csv`);
      writeFileSync(p, retailRows(3000, (i) => (i === 2500 ? '536999,00583,X,1' : null)));
      const fail = (src: FileSource) => importFile(engine, src, { tableName: `r${n++}`, chunkBytes: 16 * 1024 }).then(() => null, (e: Error) => e.message);
      // Line 2518: 2,500 records after the header, 17 of them with a line break inside quotes.
      expect(await fail(nodeFileSource(p))).toBe(`${kind}_ragged.csv, line 2518: expected 8 fields (as in the header), found 4`);
      expect(await fail(chunked(nodeFileSource(p)))).toBe(await fail(nodeFileSource(p)));
      const text = Buffer.from(retailRows(3000), 'utf8');
      const bad = Buffer.concat([text.subarray(0, text.length - 40), Buffer.from([0xff, 0xfe]), text.subarray(text.length - 40)]);
      const [repaired] = await both('badutf8.csv', bad);
      expect(repaired.warnings.map((w) => w.code)).toContain('import.warnings.invalidUtf8');
      const [bom] = await both('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
      expect(bom.columns[0].name).toBe('InvoiceNo');
    });
  });
}

describe('the engine decides the text size limit of every CSV import path', () => {
  it('a native-like engine limit (here smaller, on native ∞) reaches the direct import, not only staging', async () => {
    const engine = await startEngine('wasm');
    try {
      const p = join(dir, 'limit.csv');
      writeFileSync(p, retailRows(200));
      const limited = Object.assign(Object.create(engine) as QueryEngine, { maxTextBytes: 4096 });
      await expect(importFile(limited, nodeFileSource(p), { tableName: 'lim' })).rejects.toMatchObject({ code: 'import.tooLarge' });
      const roomy = Object.assign(Object.create(engine) as QueryEngine, { maxTextBytes: Number.POSITIVE_INFINITY });
      await expect(importFile(roomy, nodeFileSource(p), { tableName: 'lim2', maxTextBytes: undefined })).resolves.toMatchObject({ rows: 200 });
    } finally {
      await engine.close();
    }
  }, 120_000);
});
