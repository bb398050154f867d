import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { GOLDEN } from '../helpers/paths';
import { TELCO_CSV, makeTelcoDataFiles } from '../helpers/dataFiles';

const PARETO = JSON.parse(readFileSync(path.join(GOLDEN, 'telco.json'), 'utf8')).pareto.results.TotalCharges_excl_blank;
const KM = JSON.parse(readFileSync(path.join(GOLDEN, 'telco.json'), 'utf8')).kaplan_meier.R;
const near = (app: number, gold: number) => Math.abs(app - gold) <= 1e-9 * Math.max(1, Math.abs(gold));
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let dir: string;
let files: Awaited<ReturnType<typeof makeTelcoDataFiles>>;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-datafiles-'));
  files = await makeTelcoDataFiles(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The analysis' numbers without what names the input (file, table in the SQL). */
function numbers(r: unknown): unknown {
  return JSON.parse(JSON.stringify(r, (k, v) => (k === 'sql' || k === 'file' ? undefined : v)));
}

const paretoArgs = ['--customer', 'customerID', '--value', 'TotalCharges', '--group', 'Contract', '--where', "PaymentMethod <> 'none'", '--json'];
const kmArgs = ['--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--group', 'Contract', '--times', '1,12,24,72', '--json'];

describe('Parquet and DuckDB database files in the CLI (native engine)', () => {
  it('profile of a Parquet file: the CSV import’s columns and types, NULLs counted', async () => {
    const [pq, csv] = await Promise.all([cliJson(['profile', files.parquet, '--json']), cliJson(['profile', TELCO_CSV, '--json'])]);
    expect(pq.err).toBe('');
    const p = pq.out as { format: string; rows: number; columns: { name: string; type: string; nulls: number }[] };
    const c = csv.out as typeof p;
    expect([p.format, p.rows]).toEqual(['parquet', 7043]);
    expect(p.columns.map((x) => [x.name, x.type, x.nulls])).toEqual(c.columns.map((x) => [x.name, x.type, x.nulls]));
  }, 300_000);

  it('Pareto and Kaplan-Meier on the Parquet file and on a database table equal the CSV’s numbers and the golden', async () => {
    const before = sha(files.duckdb);
    const runs = await Promise.all([
      cliJson(['pareto', TELCO_CSV, ...paretoArgs]),
      cliJson(['pareto', files.parquet, ...paretoArgs]),
      cliJson(['pareto', files.duckdb, '--table', 'telco', ...paretoArgs]),
    ]);
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const [csv, pq, db] = runs.map((r) => r.out as { n: number; total: number; gini: number; top20: { k: number; share: number }; k80: number; engine: string });
    expect(numbers(pq)).toEqual(numbers(csv));
    expect(numbers(db)).toEqual(numbers(csv));
    expect(pq.engine).toBe('native');
    expect([pq.n, pq.top20.k, pq.k80]).toEqual([PARETO.n, PARETO.top20.k20, PARETO.k80.k]);
    expect(near(pq.total, PARETO.total) && near(pq.gini, PARETO.gini) && near(pq.top20.share, PARETO.top20.share)).toBe(true);

    const km = await Promise.all([cliJson(['survival', TELCO_CSV, ...kmArgs]), cliJson(['survival', files.parquet, ...kmArgs]), cliJson(['survival', files.duckdb, '--table', 'TELCO', ...kmArgs])]);
    for (const r of km) expect(r.code, r.err).toBe(0);
    expect(numbers(km[1].out)).toEqual(numbers(km[0].out));
    expect(numbers(km[2].out)).toEqual(numbers(km[0].out));
    const g = (km[1].out as { groups: { name: string; n: number; events: number; median: number | null }[] }).groups;
    for (const x of g) expect([x.n, x.events, x.median]).toEqual([KM.by_contract[x.name].n, KM.by_contract[x.name].events, KM.by_contract[x.name].median.conf_type_log.median]);
    expect(sha(files.duckdb)).toBe(before);
  }, 300_000);

  it('a database with several tables: --table chooses (name or schema.name); without it, or a wrong name, a clear error', async () => {
    const profile = await cliJson(['profile', files.duckdb, '--table', 'sales.accounts', '--json']);
    expect(profile.code, profile.err).toBe(0);
    const p = profile.out as { format: string; table: string; tables: string[]; rows: number; columns: { name: string }[] };
    expect([p.format, p.table, p.rows, p.columns.map((c) => c.name)]).toEqual(['duckdb', 'sales.accounts', 100, ['customerID', 'MonthlyCharges']]);
    expect(p.tables).toEqual(['contracts', 'telco', 'sales.accounts']);

    const none = await cliJson(['profile', files.duckdb, '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.err).error).toMatchObject({ code: 'import.chooseTable', file: 'crm.duckdb', message: expect.stringContaining('contracts, telco, sales.accounts') });
    const wrong = await cliJson(['profile', files.duckdb, '--table', 'nope', '--json']);
    expect(JSON.parse(wrong.err).error.code).toBe('import.tableNotFound');
    // One table: no --table needed.
    const single = await cliJson(['profile', files.single, '--json']);
    expect((single.out as { table: string; rows: number }).rows).toBe(7043);
  }, 300_000);

  it('user SQL on an opened database stays confined: no file reads, no writes into the attached database', async () => {
    const read = await cliJson(['pareto', files.duckdb, '--table', 'telco', '--customer', 'customerID', '--value', 'TotalCharges', '--where', "(SELECT count(*) FROM read_text('/etc/passwd')) > 0", '--json']);
    expect(read.code).toBe(2);
    expect(JSON.parse(read.err).error.code).toBe('analysis.sqlReadsFiles');
  }, 300_000);

  it('--engine wasm: Parquet gets a clear message (no reader offline, never a download); a database file works on a copy', async () => {
    const pq = await cliJson(['profile', files.parquet, '--engine', 'wasm', '--json']);
    expect(pq.code).toBe(2);
    expect(JSON.parse(pq.err).error).toMatchObject({ code: 'import.parquetNeedsNative', file: 'telco.parquet', message: expect.stringContaining("Parquet needs the desktop app's native engine") });
    const before = sha(files.duckdb);
    const [wasm, native] = await Promise.all([
      cliJson(['pareto', files.duckdb, '--table', 'telco', '--engine', 'wasm', ...paretoArgs]),
      cliJson(['pareto', files.duckdb, '--table', 'telco', ...paretoArgs]),
    ]);
    expect(wasm.code, wasm.err).toBe(0);
    expect((wasm.out as { engine: string }).engine).toBe('wasm');
    const w = wasm.out as { n: number; total: number; gini: number };
    const n = native.out as typeof w;
    expect(w.n).toBe(n.n);
    expect(near(w.total, n.total) && near(w.gini, n.gini)).toBe(true);
    expect(sha(files.duckdb)).toBe(before);
  }, 300_000);

  it('a study with a Parquet source and a database-table source (kind + dbTable recorded) re-runs with the same numbers', async () => {
    const source = (id: string, file: string, table: string, kind: string, options: object = {}) => ({
      id, name: id, path: file, fileName: path.basename(file), size: statSync(file).size, kind, table, options,
    });
    const pareto = (id: string, table: string) => ({ id, kind: 'pareto', spec: { table, customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } } });
    const study = {
      format: 'tenure-study', version: 1, title: 'Data files',
      sources: [source('pq', files.parquet, 'telco_pq', 'parquet'), source('db', files.duckdb, 'telco_db', 'duckdb', { dbTable: 'telco' }), source('acc', files.duckdb, 'accounts', 'duckdb', { dbTable: 'sales.accounts' })],
      analyses: [pareto('a1', 'telco_pq'), pareto('a2', 'telco_db')],
    };
    const file = path.join(dir, 'data.tenure');
    writeFileSync(file, JSON.stringify(study));
    const r = await cliJson(['study', 'run', file, '--json']);
    expect(r.code, r.err).toBe(0);
    const out = r.out as { sources: { id: string; table: string; rows: number }[]; analyses: { id: string; result: { n: number; total: number; gini: number } }[] };
    expect(out.sources.map((s) => [s.id, s.table, s.rows])).toEqual([['pq', 'telco_pq', 7043], ['db', 'telco_db', 7043], ['acc', 'accounts', 100]]);
    const [a1, a2] = out.analyses.map((a) => a.result);
    expect([a1.n, a2.n]).toEqual([PARETO.n, PARETO.n]);
    expect(near(a1.total, PARETO.total) && near(a2.gini, PARETO.gini) && a1.gini === a2.gini).toBe(true);
  }, 300_000);
});
