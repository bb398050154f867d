import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toRows } from '../../shared/engine/arrowRows';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';
import type { RemoteEngine } from '../../shared/engine/remoteEngine';
import { SqlRecipes, lostTables, type ReplayReport } from '../../shared/engine/sqlRecipes';
import { importFile } from '../../shared/import/importFile';
import { tableNames } from '../../shared/import/tableInfo';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { TELCO_CSV } from '../helpers/dataFiles';

let dir: string;
let child: ChildProcess | null = null;
let engine: RemoteEngine;
const recipes = new SqlRecipes();
let replay: ReplayReport | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-recipes-'));
  engine = forkedNativeEngine({
    dir,
    threads: 1,
    onChild: (c) => (child = c),
    // As the workbench does after a restart (renderer/engine/rebuildSources.ts): files, then the SQL editor's statements.
    onRestart: async () => {
      await importFile(engine, nodeFileSource(TELCO_CSV), { tableName: 'telco' });
      replay = await recipes.replay(engine);
    },
  });
  await engine.init();
}, 60_000);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = async (sql: string) => toRows(await engine.query(sql));

it('after the engine process dies, tables made in the SQL editor are made again; what cannot be is named', async () => {
  await importFile(engine, nodeFileSource(TELCO_CSV), { tableName: 'telco' });
  // What the SQL editor records: statements that changed the database, in order (queries are not recorded).
  for (const sql of [
    `CREATE TABLE churned AS SELECT customerID, tenure, MonthlyCharges FROM telco WHERE Churn = 'Yes'`,
    `DELETE FROM churned WHERE tenure > 60`,
    `ALTER TABLE churned ADD COLUMN yearly DOUBLE`,
    `UPDATE churned SET yearly = MonthlyCharges * 12`,
    `CREATE VIEW churn_by_tenure AS SELECT tenure, count(*) AS n FROM churned GROUP BY tenure`,
    `CREATE TABLE scratch AS SELECT 1 AS x`,
    `DROP TABLE scratch`,
  ]) {
    await engine.query(sql);
    recipes.record(sql);
  }
  // A table from a file that will be gone after the restart (a one-off made from a temp table).
  await engine.query('CREATE TEMP TABLE tmp_src AS SELECT 42 AS v');
  await engine.query('CREATE TABLE from_tmp AS SELECT v FROM tmp_src');
  recipes.record('CREATE TABLE from_tmp AS SELECT v FROM tmp_src');
  const before = await tableNames(engine);
  const summary = await rows(`SELECT count(*) AS n, sum(yearly) AS s FROM churned`);

  const old = child!;
  old.kill('SIGKILL');
  while (engine.restarts === 0) await new Promise((r) => setTimeout(r, 20));
  await engine.settled();
  expect(child).not.toBe(old);
  expect(replay!.replayed).toBe(7);
  expect(replay!.failed).toEqual([{ sql: 'CREATE TABLE from_tmp AS SELECT v FROM tmp_src', message: expect.stringMatching(/tmp_src/) }]);
  expect(await rows(`SELECT count(*) AS n, sum(yearly) AS s FROM churned`)).toEqual(summary);
  expect((await rows('SELECT sum(n) AS n FROM churn_by_tenure'))[0]).toEqual({ n: (summary[0] as { n: number }).n });
  const after = await tableNames(engine);
  expect(after).not.toContain('scratch');
  expect(lostTables(before.filter((n) => n !== 'tmp_src'), after)).toEqual(['from_tmp']);
}, 180_000);
