import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { importFile, planImport, type ImportResult } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { tempDir, writeFixture } from '../fixtures/importFixtures';

/** The import dialog's preview detects the direct import's type sample; the import that follows reuses it. */
let engine: WasmNodeEngine;
let dir: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  dir = tempDir('tenure-sample-reuse-');
});
afterAll(() => engine.close());

/** The real engine, with the statements it was given written down. */
function recording(inner: QueryEngine): { engine: QueryEngine; sql: string[] } {
  const sql: string[] = [];
  const e = Object.create(inner) as QueryEngine;
  e.query = (s) => {
    sql.push(s);
    return inner.query(s);
  };
  return { engine: e, sql };
}

// Leading-zero ids stay text, blanks become NULL, a flag column, ISO dates, decimals; > 1 MiB so the sample is a prefix.
const CSV =
  'id,joined,amount,churned,note\n' +
  Array.from({ length: 40_000 }, (_, i) => `${String(i).padStart(6, '0')},2024-0${1 + (i % 9)}-1${i % 10},${i % 7 === 0 ? '' : `${i}.25`},${i % 3 ? 'No' : 'Yes'},n${i}`).join('\n') +
  '\n';

const stagedSample = (sql: string[]) => sql.filter((s) => /CREATE TEMP TABLE "__tenure_sample_/.test(s)).length;
const shape = (r: ImportResult) => ({ rows: r.rows, columns: r.columns, warnings: r.warnings, plan: JSON.parse(JSON.stringify(r.plan)), method: r.method });

describe('type sample reuse between the preview and the import', () => {
  it('imports exactly what a fresh import makes, without staging the sample again', async () => {
    const file = writeFixture(dir, 'customers.csv', CSV);
    const fresh = await importFile(engine, nodeFileSource(file), { tableName: 'reuse_fresh' });
    const src = nodeFileSource(file);
    const rec = recording(engine);
    await planImport(rec.engine, src);
    const before = rec.sql.length;
    const reused = await importFile(rec.engine, src, { tableName: 'reuse_after_preview' });
    expect(stagedSample(rec.sql.slice(before))).toBe(0);
    expect(shape(reused)).toEqual(shape(fresh));
    expect(reused.columns.map((c) => [c.name, c.type, c.nulls])).toEqual([
      ['id', 'VARCHAR', 0], ['joined', 'DATE', 0], ['amount', 'DOUBLE', 5715], ['churned', 'VARCHAR', 0], ['note', 'VARCHAR', 0],
    ]);
    expect(reused.columns[3].flag).toBeTruthy();
  });

  it('detects again when the choices changed since the preview, and uses a preview only once', async () => {
    const src = nodeFileSource(writeFixture(dir, 'customers2.csv', CSV));
    const rec = recording(engine);
    await planImport(rec.engine, src);
    let from = rec.sql.length;
    const forced = await importFile(rec.engine, src, { tableName: 'reuse_changed', columns: { 0: { type: 'BIGINT' } } });
    expect(stagedSample(rec.sql.slice(from))).toBe(1);
    expect(forced.columns[0].type).toBe('BIGINT');
    await planImport(rec.engine, src);
    await importFile(rec.engine, src, { tableName: 'reuse_once' });
    from = rec.sql.length;
    await importFile(rec.engine, src, { tableName: 'reuse_twice' });
    expect(stagedSample(rec.sql.slice(from))).toBe(1);
  });
});
