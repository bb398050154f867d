import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { registeredPath } from '../../shared/engine/engineFiles';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { runStatement } from '../../renderer/editors/sql/runStatement';
import { ARTIFACTS, DATA } from '../helpers/paths';

const DIR = path.join(ARTIFACTS, 'confine');
let engine: WasmNodeEngine;
beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  engine = new WasmNodeEngine();
  await engine.init();
}, 120_000);
afterAll(() => engine?.close());

const refusal = (sql: string) => engine.query(sql).then(() => null, (e: { code?: string; message: string }) => e);

describe('engine confinement (duckdb-wasm; the same confine.ts statements as the native engine)', () => {
  it('SQL cannot read, list, write or attach files the app did not register', async () => {
    for (const sql of [
      `SELECT * FROM read_text('/etc/passwd')`,
      `SELECT * FROM read_csv('${path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')}')`,
      `SELECT * FROM glob('/etc/*')`,
      `SELECT * FROM read_text('${registeredPath(engine, '../etc/passwd')}')`,
      `COPY (SELECT 42 AS x) TO '${path.join(DIR, 'x.csv')}'`,
      `ATTACH '${path.join(DIR, 'evil.duckdb')}' AS evil`,
      `SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')`,
    ]) {
      const err = await refusal(sql);
      expect(err, sql).not.toBeNull();
      expect(err!.code, `${sql}: ${err!.message}`).toBe('engine.fileAccess');
      expect(err!.message).toMatch(/^SQL may only read the files you opened: access to ".+" was refused$/);
    }
    expect(existsSync(path.join(DIR, 'x.csv'))).toBe(false);
    expect(existsSync(path.join(DIR, 'evil.duckdb'))).toBe(false);
  });

  it('settings are locked: confinement cannot be switched off from SQL, extensions cannot load', async () => {
    for (const sql of ['SET enable_external_access = true', 'RESET enable_external_access', `SET allowed_directories = ['/']`, 'SET lock_configuration = false']) {
      expect((await refusal(sql))?.code, sql).toBe('engine.settingLocked');
    }
    expect((await refusal('LOAD json'))?.message).toMatch(/extensions is disabled/);
    const s = toRows<{ name: string; value: string }>(await engine.query(`SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration')`));
    expect(Object.fromEntries(s.map((r) => [r.name, String(r.value)]))).toEqual({ enable_external_access: 'false', lock_configuration: 'true' });
  });

  it('the SQL editor path reports the refusal clearly (read_text, COPY … TO)', async () => {
    const read = await runStatement(engine, `SELECT content FROM read_text('/etc/passwd')`);
    expect(read.error?.message).toBe('SQL may only read the files you opened: access to "/etc/passwd" was refused');
    const copy = await runStatement(engine, `COPY (SELECT 42 AS x) TO '${path.join(DIR, 'y.csv')}'`);
    expect(copy.error?.message).toMatch(/^SQL may only read the files you opened/);
    expect(existsSync(path.join(DIR, 'y.csv'))).toBe(false);
  });

  it("the app's own registrations still work after the lock: a CSV imports through registered chunks", async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, '电信客户流失数据.csv')));
    expect(toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM "${r.table}"`))[0].n).toBe(1000);
    await engine.registerFileBuffer('mine.csv', new TextEncoder().encode('a\n1\n2\n'));
    expect(toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM read_csv('${registeredPath(engine, 'mine.csv')}')`))[0].n).toBe(2);
  }, 120_000);
});
