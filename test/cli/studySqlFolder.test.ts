import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { GOLDEN } from '../helpers/paths';
import { TELCO_CSV } from '../helpers/dataFiles';
import { makeTelcoFolder } from '../helpers/parquetFolder';

const PARETO = JSON.parse(readFileSync(path.join(GOLDEN, 'telco.json'), 'utf8')).pareto.results.TotalCharges_excl_blank;
const near = (app: number, gold: number) => Math.abs(app - gold) <= 1e-9 * Math.max(1, Math.abs(gold));

interface Out {
  sources: { name: string; file: string; rows?: number; files?: number; size?: number; changed?: boolean; fingerprint?: string; error?: { code: string } }[];
  sql: { replayed: number; failed: { sql: string; error: { code: string; message: string } }[] };
  analyses: { id: string; result?: { n: number; total: number; gini: number; k80: number; top20: { share: number } }; error?: { code: string; message: string } }[];
}

let dir: string;
let data: Awaited<ReturnType<typeof makeTelcoFolder>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-study-sqlfolder-'));
  data = await makeTelcoFolder(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pareto = (id: string, table: string) => ({ id, kind: 'pareto', spec: { table, customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } } });

describe('tenure study run: SQL-editor tables and Parquet folders', () => {
  it("replays the study's SQL statements after its sources (a statement reading saved classes after them); a failing one is named, the rest runs", async () => {
    const file = path.join(dir, 'sql.tenure');
    const study = {
      format: 'tenure-study',
      version: 2,
      sources: [{ id: 's1', name: 'telco', path: TELCO_CSV, fileName: path.basename(TELCO_CSV), size: 1, table: 'telco' }],
      derived: [{ kind: 'paretoClasses', table: 'telco_classes', analysis: 'all' }],
      sql: [
        { sql: 'CREATE TABLE vip AS SELECT * FROM telco WHERE MonthlyCharges > 100' },
        { sql: "CREATE TABLE a_class AS SELECT t.* FROM telco t JOIN telco_classes c ON c.customer = t.customerID WHERE c.class = 'A'" },
        { sql: 'CREATE TABLE broken AS SELECT * FROM no_such_table' },
        { sql: "DELETE FROM vip WHERE Contract = 'Two year'" },
      ],
      analyses: [pareto('all', 'telco'), pareto('vip', 'vip'), pareto('a', 'a_class'), pareto('gone', 'broken')],
    };
    writeFileSync(file, JSON.stringify(study));
    for (const engine of ['native', 'wasm']) {
      const r = await cliJson(['study', 'run', file, '--engine', engine, '--json']);
      expect(r.err, engine).toBe('');
      const out = r.out as Out;
      expect(out.sql.replayed, engine).toBe(3);
      expect(out.sql.failed.map((f) => [f.sql, f.error.code]), engine).toEqual([['CREATE TABLE broken AS SELECT * FROM no_such_table', 'study.sqlReplayFailed']]);
      const byId = new Map(out.analyses.map((a) => [a.id, a]));
      const all = byId.get('all')!.result!;
      expect(near(all.total, PARETO.total) && near(all.gini, PARETO.gini), engine).toBe(true);
      // vip: MonthlyCharges > 100 without the two-year contracts (the DELETE ran after the CREATE).
      expect(byId.get('vip')!.result!.n, engine).toBe(597);
      expect(byId.get('a')!.result!.n, engine).toBe(all.k80);
      expect(byId.get('gone')!.error?.message, engine).toMatch(/broken/);
    }
  }, 300_000);

  it('a Parquet folder source is read in place, counted, fingerprinted, and relinked to another folder', async () => {
    const file = path.join(dir, 'folder.tenure');
    const study = {
      format: 'tenure-study',
      version: 2,
      sources: [{ id: 's1', name: 'parts', kind: 'parquetFolder', path: data.folder, pattern: '**/*.parquet', files: 3, fileName: 'telco_parts', size: 1, fingerprint: 'sha256f:old', table: 'telco' }],
      sql: [{ sql: "CREATE VIEW monthly AS SELECT * FROM telco WHERE plan = 'm2m'" }],
      analyses: [pareto('all', 'telco'), pareto('m2m', 'monthly')],
    };
    writeFileSync(file, JSON.stringify(study));
    const r = await cliJson(['study', 'run', file, '--json']);
    expect(r.err).toBe('');
    const out = r.out as Out;
    expect(out.sources[0]).toMatchObject({ file: data.folder, rows: 7043, files: 3, changed: true });
    expect(out.sources[0].fingerprint).toMatch(/^sha256f:/);
    const all = out.analyses.find((a) => a.id === 'all')!.result!;
    expect(near(all.total, PARETO.total) && near(all.gini, PARETO.gini) && all.k80 === PARETO.k80.k).toBe(true);
    expect(out.analyses.find((a) => a.id === 'm2m')!.result!.n).toBe(3875);

    // Next month: another folder (two of the three partitions).
    const next = path.join(dir, 'next_month');
    cpSync(path.join(data.folder, 'plan=m2m'), path.join(next, 'plan=m2m'), { recursive: true });
    cpSync(path.join(data.folder, 'plan=one'), path.join(next, 'plan=one'), { recursive: true });
    const relinked = await cliJson(['study', 'run', file, '--relink', `parts=${next}`, '--json']);
    expect(relinked.err).toBe('');
    const o2 = relinked.out as Out;
    expect(o2.sources[0]).toMatchObject({ file: next, rows: 3875 + 1473, files: 2 });
    expect(o2.analyses.find((a) => a.id === 'm2m')!.result!.n).toBe(3875);

    // A folder that is gone: the source is missing, the study still answers.
    const gone = await cliJson(['study', 'run', file, '--relink', `parts=${path.join(dir, 'nowhere')}`, '--json']);
    expect((gone.out as Out).sources[0].error?.code).toBe('study.missingSource');
  }, 300_000);
});

describe('tenure FILE inputs: a folder or a quoted glob', () => {
  it('pareto on a folder and on a glob gives the one-file numbers; profile counts the files; wasm says it needs the native engine', async () => {
    const args = ['--customer', 'customerID', '--value', 'TotalCharges', '--json'];
    const [folder, glob, single] = await Promise.all([
      cliJson(['pareto', data.folder, ...args]),
      cliJson(['pareto', '--input', path.join(data.folder, 'plan=*', '*.parquet'), ...args]),
      cliJson(['pareto', data.single, ...args]),
    ]);
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'sql' || k === 'file' ? undefined : v)));
    expect(folder.err).toBe('');
    expect(strip(folder.out)).toEqual(strip(single.out));
    expect(strip(glob.out)).toEqual(strip(single.out));
    const profile = await cliJson(['profile', data.folder, '--json']);
    expect((profile.out as { folder: { files: number; hive: boolean; pattern: string } }).folder).toMatchObject({ files: 3, hive: true, pattern: '**/*.parquet' });
    const wasm = await cliJson(['profile', data.folder, '--engine', 'wasm', '--json']);
    expect(wasm.code).toBe(2);
    expect(wasm.err).toMatch(/import\.parquetFolderNeedsNative/);
  }, 300_000);
});
