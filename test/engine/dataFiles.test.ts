import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { NativeEngine } from '../../shared/engine/node/nativeEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { guardFragments } from '../../shared/engine/guard';
import { importFile } from '../../shared/import/importFile';
import { tableNames } from '../../shared/import/tableInfo';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { makeTelcoDataFiles } from '../helpers/dataFiles';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const refusal = (engine: QueryEngine, sql: string) => engine.query(sql).then(() => null, (e: { code?: string; message: string }) => e);
const count = async (engine: QueryEngine, sql: string) => toRows<{ n: number }>(await engine.query(sql))[0].n;

let dir: string;
let files: Awaited<ReturnType<typeof makeTelcoDataFiles>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-datafiles-engine-'));
  files = await makeTelcoDataFiles(path.join(dir, 'user'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('native engine: an opened database is attached read-only and user SQL cannot get around it', () => {
  let engine: NativeEngine;
  beforeAll(async () => {
    engine = new NativeEngine({ dir: path.join(dir, 'engine'), threads: 1 });
    await engine.init();
  });
  afterAll(() => engine?.close());

  it('every table of the database becomes a view under its own name; the analyses’ lookups see each column once', async () => {
    const before = sha(files.duckdb);
    const src = nodeFileSource(files.duckdb);
    const a = await importFile(engine, src, { dbTable: 'telco' });
    const b = await importFile(engine, src, { dbTable: 'sales.accounts' });
    const c = await importFile(engine, src, { dbTable: 'contracts' });
    expect([a.table, a.rows, b.table, b.rows, c.table, c.rows]).toEqual(['telco', 7043, 'accounts', 100, 'contracts', 3]);
    expect(statSync(files.duckdb).nlink).toBe(2); // linked in place, not copied: the case a write could reach
    // Attached once for the three tables; names of the attached database's tables never clash with the app's.
    expect(await count(engine, "SELECT count(*) AS n FROM duckdb_databases() WHERE database_name LIKE 'tenure_db_%'")).toBe(1);
    expect((await tableNames(engine)).sort()).toEqual(['accounts', 'contracts', 'telco']);
    expect(a.columns.map((x) => x.name)).toHaveLength(21);
    await guardFragments(engine, '"telco"', [{ field: 'filter', sql: "Contract = 'One year'" }]);
    await expect(guardFragments(engine, '"telco"', [{ field: 'filter', sql: "(SELECT count(*) FROM read_text('/etc/passwd')) > 0" }])).rejects.toMatchObject({ code: 'analysis.sqlReadsFiles' });
    expect(sha(files.duckdb)).toBe(before);
  });

  it('ATTACH, DETACH and USE are refused in SQL; writes into the database and reads of other files fail; the user file is unchanged', async () => {
    const before = sha(files.duckdb);
    const alias = toRows<{ d: string }>(await engine.query("SELECT database_name AS d FROM duckdb_databases() WHERE database_name LIKE 'tenure_db_%'"))[0].d;
    const linked = `${alias}.duckdb`;
    for (const sql of [`ATTACH '${linked}' AS w`, `ATTACH '${linked}' AS w (READ_WRITE)`, `SELECT 1; ATTACH '${path.join(engine.filesDir, linked)}' AS w`, `DETACH ${alias}`]) {
      const err = await refusal(engine, sql);
      expect(err?.code, sql).toBe('engine.attachRefused');
    }
    const use = await refusal(engine, `USE ${alias}`);
    expect(use?.code).toBe('engine.useRefused');
    expect(await count(engine, "SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = current_database() AND database_name = 'memory'")).toBe(1);
    for (const sql of [`CREATE TABLE ${alias}.evil AS SELECT 1`, `INSERT INTO ${alias}.telco SELECT * FROM ${alias}.telco LIMIT 1`, `DROP TABLE ${alias}.contracts`]) {
      expect((await refusal(engine, sql))?.message, sql).toMatch(/read-only/);
    }
    expect((await refusal(engine, "SELECT * FROM read_text('/etc/passwd')"))?.code).toBe('engine.fileAccess');
    expect((await refusal(engine, `COPY (SELECT 1) TO '${path.join(dir, 'out.csv')}'`))?.code).toBe('engine.fileAccess');
    // A statement before the refused one ran; the refusal stops the rest.
    expect(await refusal(engine, `CREATE TABLE t_before AS SELECT 1 AS x; DETACH ${alias}; CREATE TABLE t_after AS SELECT 1 AS x`)).not.toBeNull();
    expect((await tableNames(engine)).filter((n) => n.startsWith('t_'))).toEqual(['t_before']);
    // Ordinary multi-statement SQL still returns the last result.
    expect(await count(engine, 'CREATE TABLE t2 AS SELECT 2 AS n; SELECT n FROM t2')).toBe(2);
    expect(await count(engine, 'SELECT count(*) AS n FROM telco')).toBe(7043);
    expect(sha(files.duckdb)).toBe(before);
  });

  it('a Parquet file becomes a table; a damaged one and a renamed CSV get clear errors', async () => {
    const r = await importFile(engine, nodeFileSource(files.parquet));
    expect([r.table, r.format, r.rows]).toEqual(['telco_2', 'parquet', 7043]);
    expect(r.columns.find((c) => c.name === 'TotalCharges')).toMatchObject({ type: 'DOUBLE', nulls: 11 });
    const bad = path.join(dir, 'user', 'bad.parquet');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'customerID,x\n1,2\n');
    await expect(importFile(engine, nodeFileSource(bad))).rejects.toMatchObject({ code: 'import.parquetInvalid', file: 'bad.parquet' });
    const notDb = path.join(dir, 'user', 'bad.duckdb');
    writeFileSync(notDb, 'not a database at all, just text\n'.repeat(200));
    await expect(importFile(engine, nodeFileSource(notDb))).rejects.toMatchObject({ code: 'import.notDatabase', file: 'bad.duckdb' });
  });
});

describe('duckdb-wasm: Parquet is refused with a clear message; a database file works on a copy', () => {
  let engine: WasmNodeEngine;
  beforeAll(async () => {
    engine = new WasmNodeEngine();
    await engine.init();
  }, 120_000);
  afterAll(() => engine?.close());

  it('Parquet: import.parquetNeedsNative, no table left, nothing downloaded (extensions stay off)', async () => {
    await expect(importFile(engine, nodeFileSource(files.parquet))).rejects.toMatchObject({ code: 'import.parquetNeedsNative', file: 'telco.parquet' });
    expect(await tableNames(engine)).toEqual([]);
    expect(await count(engine, "SELECT count(*) AS n FROM duckdb_extensions() WHERE loaded AND extension_name = 'parquet'")).toBe(0);
  });

  it('a database table as a view; SQL that attaches the copy read-write changes only the copy', async () => {
    const before = sha(files.duckdb);
    const links = statSync(files.duckdb).nlink;
    const r = await importFile(engine, nodeFileSource(files.duckdb), { dbTable: 'telco' });
    expect([r.table, r.rows]).toEqual(['telco', 7043]);
    const alias = toRows<{ d: string }>(await engine.query("SELECT database_name AS d FROM duckdb_databases() WHERE database_name LIKE 'tenure_db_%'"))[0].d;
    await engine.query(`ATTACH '/tenure-files/${alias}.duckdb' AS w (READ_WRITE)`).catch(() => undefined);
    await engine.query('CREATE TABLE w.evil AS SELECT 1').catch(() => undefined);
    await engine.query('DETACH w').catch(() => undefined);
    expect((await refusal(engine, "SELECT * FROM read_text('/etc/passwd')"))?.code).toBe('engine.fileAccess');
    expect(sha(files.duckdb)).toBe(before);
    expect(statSync(files.duckdb).nlink).toBe(links); // copied into the wasm heap, never linked
  });
});
