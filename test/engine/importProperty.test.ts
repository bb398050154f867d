import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { encodeText, tempDir, toCsv, writeFixture, type TestEncoding } from '../fixtures/importFixtures';

let engine: WasmNodeEngine;
let dir: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-prop-');
});
afterAll(() => engine.close());

// Characters every tested encoding has (these CJK characters exist in both GBK and Big5).
const CHARS = ['a', 'b', 'Z', '0', '7', ' ', ',', ';', '\t', '|', '"', "'", '\n', '.', '-', '中', '文', '人', '大', '名', '字'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => `x${cs.join('')}`);
const table = fc.integer({ min: 1, max: 4 }).chain((textCols) =>
  fc.record({
    textCols: fc.constant(textCols),
    rows: fc.array(fc.tuple(fc.array(text, { minLength: textCols, maxLength: textCols }), fc.integer({ min: -1e9, max: 1e9 })), { minLength: 1, maxLength: 12 }),
  }),
);
const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  newline: fc.constantFrom('\n', '\r\n', '\r') as fc.Arbitrary<'\n' | '\r\n' | '\r'>,
  finalNewline: fc.boolean(),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gbk', 'big5') as fc.Arbitrary<TestEncoding>,
});

describe('import round trip (property)', () => {
  it('random tables written as CSV in a random dialect and encoding read back identical', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(table, dialect, async (t, d) => {
        // A lone CR ends records in this dialect, so values keep to LF inside quotes.
        const header = [...Array.from({ length: t.textCols }, (_, i) => `text ${i}`), 'n'];
        const rows = t.rows.map(([texts, n]) => [...texts, n]);
        const csv = toCsv([header, ...rows], d);
        const file = writeFixture(dir, `p${k}.csv`, encodeText(csv, d.encoding));
        const legacy = d.encoding === 'gbk' || d.encoding === 'big5';
        const r = await importFile(engine, nodeFileSource(file), { tableName: `p${k++}`, delimiter: d.delimiter, encoding: legacy ? d.encoding : undefined });
        expect(r.columns.map((c) => c.name)).toEqual(header);
        expect(r.columns.map((c) => c.type)).toEqual([...header.slice(0, -1).map(() => 'VARCHAR'), 'BIGINT']);
        const back = toRows<Record<string, unknown>>(await engine.query(`SELECT * FROM p${k - 1}`));
        expect(back.map((row) => header.map((h) => row[h]))).toEqual(rows);
        await engine.query(`DROP TABLE p${k - 1}`);
      }),
      { numRuns: 30, seed: 20241122 },
    );
  });
});
