/**
 * One benchmark process (fresh heap, fresh engine): the parent (run.ts) starts one per engine
 * configuration and size, and reads the JSON this writes to --out.
 *   core:   CSV ingest + every case, on wasm or native (--threads N, 0 = DuckDB's default)
 *   import: the app's importFile path on one file (utf8 | gbk | xlsx | retail), duckdb-wasm or native
 *           DuckDB through the engine process (as the CLI and the desktop app run it)
 *   readcsv: DuckDB's own read_csv of one file (the baseline of import), wasm or native in-process
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { qi } from '../shared/engine/sqlQuote';
import { toRows } from '../shared/engine/arrowRows';
import { importFile } from '../shared/import/importFile';
import { nodeFileSource } from '../shared/node/nodeFileSource';
import { loadCases } from './loadCases';
import { openNative, openWasm, type BenchEngine } from './engines';
import { SIZES, csvPath, gbkPath, retailPath, xlsxPath } from './paths';
import { forkedNativeEngine } from '../shared/engine/node/forkEngine';
import type { QueryEngine } from '../shared/engine/QueryEngine';
import type { CaseContext } from './caseTypes';

export interface ItemResult {
  /** Wall-clock time per run; the first run of a fresh process includes wasm tier-up / cold caches. */
  runsMs: number[];
  /** Process CPU time (user + system, all threads) per run: less sensitive to a busy machine. */
  cpuMs: number[];
  rows: number;
  error?: string;
}

export interface ChildResult {
  mode: 'core' | 'import' | 'readcsv';
  engine: 'wasm' | 'native';
  threads: number;
  initMs: number;
  items: Record<string, ItemResult>;
  /** For import mode: what importFile reported. */
  import?: { file: string; bytes: number; rows: number; encoding: string | null; format: string; phasesMs?: Record<string, number> };
  peakRssMB: number;
}

const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    engine: { type: 'string', default: 'wasm' },
    threads: { type: 'string', default: '0' },
    size: { type: 'string', default: '1m' },
    file: { type: 'string', default: 'utf8' },
    runs: { type: 'string', default: '3' },
    cases: { type: 'string' },
    out: { type: 'string' },
  },
  strict: true,
});

const runs = Math.max(1, Number(values.runs));
const log = (s: string) => process.stderr.write(`  ${s}\n`);
const peakRssMB = () => process.resourceUsage().maxRSS / 1024;

async function timed(fn: () => Promise<number>, n: number, label: string): Promise<ItemResult> {
  const out: ItemResult = { runsMs: [], cpuMs: [], rows: 0 };
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      out.rows = await fn();
    } catch (err) {
      out.error = (err as Error).message.split('\n')[0];
      log(`${label}: FAILED ${out.error}`);
      return out;
    }
    out.runsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    out.cpuMs.push((c.user + c.system) / 1000);
  }
  log(`${label}: ${out.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(' / ')} s`);
  return out;
}

async function open(): Promise<{ engine: BenchEngine; initMs: number; threads: number }> {
  const t0 = performance.now();
  const engine = values.engine === 'native' ? await openNative(Number(values.threads) || null) : await openWasm();
  const initMs = performance.now() - t0;
  const threads = Number((await engine.rows(`SELECT current_setting('threads') AS t`))[0].t);
  return { engine, initMs, threads };
}

async function core(): Promise<ChildResult> {
  const spec = SIZES[values.size!];
  const { engine, initMs, threads } = await open();
  const ctx: CaseContext = { table: 'transactions', rows: spec.rows, customers: spec.customers };
  const items: Record<string, ItemResult> = {};
  const ref = await engine.csvRef(csvPath(spec.key));
  items['CSV ingest'] = await timed(async () => {
    await engine.rows(`DROP TABLE IF EXISTS ${qi(ctx.table)}`);
    await engine.rows(`CREATE TABLE ${qi(ctx.table)} AS SELECT * FROM read_csv(${ref})`);
    return Number((await engine.rows(`SELECT count(*) AS n FROM ${qi(ctx.table)}`))[0].n);
  }, runs, 'CSV ingest');
  if (items['CSV ingest'].error) return { mode: 'core', engine: engine.kind, threads, initMs, items, peakRssMB: peakRssMB() };
  const filter = values.cases?.split(',').map((s) => s.trim().toLowerCase());
  for (const c of await loadCases()) {
    if (filter && !filter.some((f) => c.name.toLowerCase().includes(f))) continue;
    try {
      for (const sql of c.setup?.(ctx) ?? []) await engine.rows(sql);
    } catch (err) {
      items[c.name] = { runsMs: [], cpuMs: [], rows: 0, error: `setup: ${(err as Error).message.split('\n')[0]}` };
      continue;
    }
    items[c.name] = await timed(async () => (c.run ? c.run(engine, ctx) : (await engine.rows(c.sql!(ctx.table, ctx))).length), runs, c.name);
    for (const sql of c.teardown?.(ctx) ?? []) await engine.rows(sql);
  }
  await engine.close();
  return { mode: 'core', engine: engine.kind, threads, initMs, items, peakRssMB: peakRssMB() };
}

function fileFor(kind: string): string {
  if (kind === 'xlsx') return xlsxPath();
  if (kind === 'retail') return retailPath();
  return kind === 'gbk' ? gbkPath(values.size!) : csvPath(values.size!);
}

async function importMode(): Promise<ChildResult> {
  const file = fileFor(values.file!);
  const native = values.engine === 'native';
  const t0 = performance.now();
  // Native: the engine process the CLI and the desktop app start (all cores unless --threads).
  const engine: QueryEngine = native ? forkedNativeEngine({ threads: Number(values.threads) || undefined }) : (await openWasm()).app;
  if (native) await engine.init();
  const initMs = performance.now() - t0;
  const threads = Number(toRows<{ t: unknown }>(await engine.query(`SELECT current_setting('threads') AS t`))[0].t);
  let info: ChildResult['import'];
  const label = `importFile ${values.file}`;
  let n = 0;
  const item = await timed(async () => {
    const src = nodeFileSource(file);
    // Phase split from the importer's progress events: chunked reading, type detection, conversion.
    const t0 = performance.now();
    let lastRead = t0;
    let converting = 0;
    const r = await importFile(engine, src, {
      tableName: `imported_${n++}`,
      onProgress: (p) => {
        if (p.phase === 'reading') lastRead = performance.now();
        else if (p.phase === 'converting' && !converting) converting = performance.now();
      },
    });
    const end = performance.now();
    const phasesMs = converting ? { read: lastRead - t0, detectTypes: converting - lastRead, convert: end - converting } : undefined;
    info = { file, bytes: src.size, rows: r.rows, encoding: r.encoding, format: r.format, phasesMs };
    await engine.query(`DROP TABLE ${qi(r.table)}`);
    return r.rows;
  }, runs, label);
  await engine.close();
  return { mode: 'import', engine: native ? 'native' : 'wasm', threads, initMs, items: { [label]: item }, import: info, peakRssMB: peakRssMB() };
}

/** DuckDB's own read_csv of one file, types and all detected by DuckDB: what the import is measured against. */
async function readCsvMode(): Promise<ChildResult> {
  const { engine, initMs, threads } = await open();
  const ref = await engine.csvRef(fileFor(values.file!));
  const label = `read_csv ${values.file}`;
  const item = await timed(async () => {
    await engine.rows('DROP TABLE IF EXISTS t');
    await engine.rows(`CREATE TABLE t AS SELECT * FROM read_csv(${ref})`);
    return Number((await engine.rows('SELECT count(*) AS n FROM t'))[0].n);
  }, runs, label);
  await engine.close();
  return { mode: 'readcsv', engine: engine.kind, threads, initMs, items: { [label]: item }, peakRssMB: peakRssMB() };
}

const result = values.mode === 'import' ? await importMode() : values.mode === 'readcsv' ? await readCsvMode() : await core();
if (values.out) writeFileSync(values.out, JSON.stringify(result));
else console.log(JSON.stringify(result, null, 2));
