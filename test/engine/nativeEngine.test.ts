import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRows } from '../../shared/engine/arrowRows';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';
import type { RemoteEngine } from '../../shared/engine/remoteEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { DATA } from '../helpers/paths';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const TYPES_SQL = `SELECT true b, 1::TINYINT ti, 2::SMALLINT si, 3::INTEGER i, 4::BIGINT bi, sum(r)::HUGEINT hi, 6::UTINYINT ut,
  7::UINTEGER ui, 8::UBIGINT ub, 1.5::FLOAT f, 2.5::DOUBLE d, -12.345::DECIMAL(10,3) dcm, 'x' s, DATE '2020-01-02' dt,
  TIMESTAMP '2020-01-02 03:04:05' ts, TIME '01:02:03' tm, NULL::BIGINT n,
  quantile_cont(r, [0.25, 0.5]) q, [['a'], NULL, ['b', 'c']] ls FROM range(3) t(r)`;

let dir: string;
let child: ChildProcess | null = null;
let engine: RemoteEngine;
let rebuilds = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-native-test-'));
  engine = forkedNativeEngine({
    dir,
    threads: 2,
    memoryLimit: '1GB',
    onChild: (c) => (child = c),
    // What the app does after a restart: import the study's sources again.
    onRestart: async () => {
      rebuilds++;
      await importFile(engine, nodeFileSource(TELCO));
    },
  });
  await engine.init();
}, 60_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('native engine process (forked as main starts it)', () => {
  it('reports its threads and memory limit', () => {
    expect(engine.info).toMatchObject({ threads: 2, memoryLimit: expect.stringMatching(/^(953\.6 MiB|1\.0 GiB|1000\.0 MB)$/) });
  });

  it('returns Arrow tables with the same types and values as duckdb-wasm (boundary casts)', async () => {
    const wasm = new WasmNodeEngine();
    await wasm.init();
    try {
      const [a, b] = [await engine.query(TYPES_SQL), await wasm.query(TYPES_SQL)];
      expect(a.schema.fields.map((f) => `${f.name}:${String(f.type)}`)).toEqual(b.schema.fields.map((f) => `${f.name}:${String(f.type)}`));
      // Lists are Arrow vectors: compare their items.
      const plain = (t: typeof a): string => JSON.stringify(toRows(t), (_k, v: unknown) => (v && typeof v === 'object' && 'toArray' in v ? [...(v as unknown as Iterable<unknown>)] : v));
      expect(plain(a)).toEqual(plain(b));
      expect(JSON.parse(plain(a))[0]).toMatchObject({ q: [0.5, 1], ls: [['a'], null, ['b', 'c']] });
      expect(toRows(a)[0]).toMatchObject({ bi: 4, hi: 3, dcm: -12.345, n: null });
    } finally {
      await wasm.close();
    }
  });

  it('imports the Telco CSV through the app importer', async () => {
    const r = await importFile(engine, nodeFileSource(TELCO));
    expect(r.rows).toBe(7043);
    expect(toRows(await engine.query(`SELECT count(*) n, count(DISTINCT customerID) c FROM ${r.table}`))).toEqual([{ n: 7043, c: 7043 }]);
    // Chunk files are removed from the engine's folder after the import.
    expect(readdirSync(path.join(dir, 'files'))).toEqual([]);
  });

  it('refuses files the user did not open, with a clear message', async () => {
    await expect(engine.query(`SELECT * FROM read_text('/etc/passwd')`)).rejects.toMatchObject({
      code: 'engine.fileAccess',
      message: expect.stringMatching(/only read the files you opened.*\/etc\/passwd/),
    });
    const out = path.join(tmpdir(), `tenure-copy-${process.pid}.csv`);
    await expect(engine.query(`SELECT count(*) FROM range(3) WHERE 1 = 1; COPY (SELECT 1) TO '${out}'`)).rejects.toMatchObject({ code: 'engine.fileAccess' });
    expect(existsSync(out)).toBe(false);
    await expect(engine.query(`SET enable_external_access = true`)).rejects.toMatchObject({ code: 'engine.settingLocked' });
    await expect(engine.query(`SET allowed_directories = ['/']`)).rejects.toMatchObject({ code: 'engine.settingLocked' });
    await expect(engine.query(`INSTALL httpfs`)).rejects.toMatchObject({ code: 'engine.fileAccess' });
  });

  it('cancel interrupts the running query', async () => {
    const running = engine.query('SELECT count(*) FROM range(1000000000000) a');
    await new Promise((r) => setTimeout(r, 300));
    expect(await engine.cancel()).toBe(true);
    await expect(running).rejects.toThrow(/interrupt/i);
    expect(toRows(await engine.query('SELECT 1 AS x'))).toEqual([{ x: 1 }]);
  });

  it('when the process dies: pending queries fail clearly, it restarts and the tables are rebuilt', async () => {
    const running = engine.query('SELECT count(*) FROM range(1000000000000) a');
    await new Promise((r) => setTimeout(r, 300));
    const before = child!;
    before.kill('SIGKILL');
    await expect(running).rejects.toMatchObject({ code: 'engine.crashed', message: expect.stringMatching(/engine process stopped \(signal SIGKILL\)/) });
    await engine.settled();
    expect(engine.restarts).toBe(1);
    expect(rebuilds).toBe(1);
    expect(child).not.toBe(before);
    expect(toRows(await engine.query('SELECT count(*) n FROM WA_Fn_UseC_Telco_Customer_Churn'))).toEqual([{ n: 7043 }]);
  }, 60_000);
});
