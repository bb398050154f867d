import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../shared/engine/arrowRows';
import { guardFragments } from '../../shared/engine/guard';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import type { RemoteEngine } from '../../shared/engine/remoteEngine';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { importFile } from '../../shared/import/importFile';
import { countsFromMetadata, folderFingerprint, importParquetFolder, listFolder, splitFolderInput } from '../../shared/import/parquetFolder';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { describeTable } from '../../shared/import/tableInfo';
import { makeTelcoFolder } from '../helpers/parquetFolder';

const refusal = (engine: { query(sql: string): Promise<unknown> }, sql: string) => engine.query(sql).then(() => null, (e: { code?: string; message: string }) => e);

let dir: string;
let data: Awaited<ReturnType<typeof makeTelcoFolder>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-pqfolder-'));
  data = await makeTelcoFolder(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('folder and glob inputs', () => {
  it('split at the last separator before the first wildcard; a folder takes every Parquet file below it', () => {
    expect(splitFolderInput('/d/sales')).toEqual({ folder: '/d/sales', pattern: '**/*.parquet' });
    expect(splitFolderInput('/d/sales/')).toEqual({ folder: '/d/sales', pattern: '**/*.parquet' });
    expect(splitFolderInput('/d/sales/*.parquet')).toEqual({ folder: '/d/sales', pattern: '*.parquet' });
    expect(splitFolderInput('/d/year=*/month=*/*.parquet')).toEqual({ folder: '/d', pattern: 'year=*/month=*/*.parquet' });
    expect(splitFolderInput('C:\\d\\sales\\*.parquet')).toEqual({ folder: 'C:\\d\\sales', pattern: '*.parquet' });
  });
});

describe('native engine: a Parquet folder read in place', () => {
  let engine: RemoteEngine;
  let rebuilt = 0;
  beforeAll(async () => {
    engine = forkedNativeEngine({ threads: 2, onRestart: async () => void rebuilt++ });
    await engine.init();
  }, 120_000);
  afterAll(() => engine?.close());

  it('one view over every file (hive column, union by name), after a restart that grants the folder and rebuilds the tables', async () => {
    expect(engine.readDirs).toEqual([]);
    const r = await importParquetFolder(engine, splitFolderInput(data.folder));
    expect(engine.readDirs).toEqual([data.folder]);
    expect(rebuilt).toBe(1); // the tables of the old process are rebuilt (the workbench's rebuildSources)
    expect([r.table, r.files.length, r.rows, r.hive]).toEqual(['telco_parts', 3, 7043, true]);
    expect(r.files.map((f) => f.path)).toEqual(['plan=m2m/part-0.parquet', 'plan=one/part-0.parquet', 'plan=two/part-0.parquet']);
    expect(r.size).toBe(r.files.reduce((t, f) => t + f.size, 0));
    const names = r.columns.map((c) => c.name);
    expect(names).toContain('note'); // only in the "Two year" file
    expect(names).toContain('plan'); // the hive partition folder
    expect(r.columns.find((c) => c.name === 'note')!.nulls).toBe(7043 - 1695);
    // Counted from the files' footers, not a scan: the same as counting the rows (TotalCharges' 11 blanks too).
    expect(r.columns.find((c) => c.name === 'TotalCharges')!.nulls).toBe(11);
    expect(r.columns).toEqual((await describeTable(engine, r.table)).columns);
    expect(await countsFromMetadata(engine, splitFolderInput(data.folder), r.table, r.files)).toEqual({ rows: 7043, columns: r.columns });
    // A view, not a copy: the rows stay in the files.
    expect(toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_views() WHERE view_name = 'telco_parts'`))[0].n).toBe(1);
    // Same numbers as the same rows in one file (imported as a table).
    const one = await importFile(engine, nodeFileSource(data.single), { tableName: 'telco_one' });
    const spec = { customer: 'customerID', value: { kind: 'column' as const, column: 'TotalCharges' }, where: "Contract <> 'none'" };
    const [a, b] = [await computePareto(engine, { ...spec, table: r.table }), await computePareto(engine, { ...spec, table: one.table })];
    expect([a.n, a.total, a.gini, a.k80]).toEqual([b.n, b.total, b.gini, b.k80]);
    // Opening it again needs no restart.
    await importParquetFolder(engine, { folder: data.folder, pattern: 'plan=*/*.parquet' }, { tableName: 'telco_glob' });
    expect(rebuilt).toBe(1);
  });

  it('user SQL stays confined: no other file beside the folder, no write into it', async () => {
    await guardFragments(engine, '"telco_parts"', [{ field: 'where', sql: "plan = 'two' AND note IS NOT NULL" }]);
    for (const sql of [`(SELECT count(*) FROM read_csv('${data.secret}')) > 0`, `(SELECT count(*) FROM read_text('${data.folder}/../secret.csv')) > 0`]) {
      await expect(guardFragments(engine, '"telco_parts"', [{ field: 'where', sql }])).rejects.toMatchObject({ code: 'analysis.sqlReadsFiles' });
    }
    for (const sql of [
      `SELECT * FROM read_csv('${data.secret}')`,
      `SELECT * FROM read_text('${data.folder}/../secret.csv')`,
      `SELECT * FROM read_parquet('${data.outside}')`,
      `SELECT * FROM glob('${path.dirname(data.folder)}/*')`,
    ]) {
      expect((await refusal(engine, sql))?.code, sql).toBe('engine.fileAccess');
    }
    for (const sql of [
      `COPY (SELECT 1 AS x) TO '${data.folder}/evil.parquet' (FORMAT parquet)`,
      `COPY (SELECT 1 AS x) TO '${data.folder}/plan=two/part-0.parquet' (FORMAT parquet, OVERWRITE true)`,
      `SELECT 1; COPY telco_one TO '${data.folder}/evil.csv'`,
      `EXPORT DATABASE '${data.folder}/dump'`,
    ]) {
      expect((await refusal(engine, sql))?.code, sql).toBe('engine.writeRefused');
    }
    expect(existsSync(path.join(data.folder, 'evil.parquet'))).toBe(false);
    expect(existsSync(path.join(data.folder, 'evil.csv'))).toBe(false);
    expect(existsSync(path.join(data.folder, 'dump'))).toBe(false);
    expect(toRows<{ n: number }>(await engine.query('SELECT count(*) AS n FROM telco_parts'))[0].n).toBe(7043);
  });

  it('a file that is not Parquet is named; an empty match says what it looked for; the fingerprint follows the files', async () => {
    const bad = path.join(dir, 'bad_folder');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'a.parquet'), 'customer,value\nA,1\n');
    await expect(importParquetFolder(engine, splitFolderInput(bad))).rejects.toMatchObject({ code: 'import.parquetFolderBadFile', file: 'a.parquet' });
    await expect(importParquetFolder(engine, { folder: data.folder, pattern: '*.parquet' })).rejects.toMatchObject({ code: 'import.parquetFolderEmpty' });
    const f = splitFolderInput(data.folder);
    const before = await folderFingerprint(await listFolder(engine, f));
    expect(before).toMatch(/^sha256f:[0-9a-f]{64}$/);
    expect(await folderFingerprint(await listFolder(engine, f))).toBe(before);
    const touched = path.join(data.folder, 'plan=one', 'part-0.parquet');
    utimesSync(touched, new Date(), new Date(Date.now() + 60_000));
    expect(await folderFingerprint(await listFolder(engine, f))).not.toBe(before);
  });
});

it('a rebuild that meets a folder gone since needs no restart within the restart (no deadlock)', async () => {
  const a = path.join(dir, 'gone_later');
  const b = path.join(dir, 'another');
  for (const d of [a, b]) {
    mkdirSync(d);
    cpSync(path.join(data.folder, 'plan=one'), path.join(d, 'plan=one'), { recursive: true });
  }
  const errors: string[] = [];
  let opened = false;
  const engine: RemoteEngine = forkedNativeEngine({
    threads: 1,
    // As the workbench's rebuildSources: the folders opened so far are made again.
    onRestart: async () => {
      if (opened) await importParquetFolder(engine, splitFolderInput(a), { tableName: 'a', replace: true }).catch((e: { code: string }) => void errors.push(e.code));
    },
  });
  try {
    await engine.init();
    await importParquetFolder(engine, splitFolderInput(a), { tableName: 'a' });
    opened = true;
    rmSync(a, { recursive: true });
    await importParquetFolder(engine, splitFolderInput(b), { tableName: 'b' });
    expect(errors).toEqual(['engine.folderNotAllowed']);
    expect(engine.readDirs).toEqual([b]);
  } finally {
    await engine.close();
  }
}, 120_000);

it('duckdb-wasm says a folder needs the native engine, and reads nothing', async () => {
  const engine = new WasmNodeEngine();
  await engine.init();
  try {
    await expect(importParquetFolder(engine, splitFolderInput(data.folder))).rejects.toMatchObject({ code: 'import.parquetFolderNeedsNative', file: 'telco_parts' });
  } finally {
    await engine.close();
  }
}, 120_000);
