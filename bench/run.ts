/**
 * `npm run bench [-- --sizes 1m,10m] [--runs N] [--cases pareto,cohort] [--import-sizes 1m] [--report-only]`
 * Generates missing inputs, then runs each engine configuration in its own child process (fresh
 * heap and engine, so peak RSS is per configuration) one after another, never in parallel.
 * Prints markdown tables and writes bench/results/latest.json (+ latest.md).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildResult } from './child';
import { ensureData, fileMB } from './generate';
import { BENCH_DIR, RESULTS_DIR, ROOT, SIZES, csvPath, gbkPath } from './paths';
import { markdown, targets, type BenchResults, type CoreConfig, type PandasResult, type RetailResult, type SizeResult } from './report';
import { exportMarkdown, type ExportBenchResult } from './exportBench';
import { coxMarkdown, type CoxBenchResult } from './coxBench';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1m,10m' },
    runs: { type: 'string' },
    cases: { type: 'string' },
    /** Sizes at which the app's importFile path is timed (slow: a JS-side chunked pipeline). */
    'import-sizes': { type: 'string', default: '1m' },
    /** Re-print the tables of bench/results/latest.json without running anything. */
    'report-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (values.help) {
  console.log('npm run bench -- [--sizes 1m,10m] [--runs N] [--cases name,name] [--import-sizes 1m,10m] [--report-only]');
  process.exit(0);
}
if (values['report-only']) {
  console.log(markdown(JSON.parse(readFileSync(path.join(RESULTS_DIR, 'latest.json'), 'utf8')) as BenchResults));
  process.exit(0);
}
const sizes = values.sizes!.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
for (const s of sizes) if (!SIZES[s]) throw new Error(`Unknown size ${s} (known: ${Object.keys(SIZES).join(', ')})`);

/** Fewer repetitions for the big size: medians of 5 at 1M, 3 at 10M; importFile 3 / 1. */
const coreRuns = (size: string) => Number(values.runs ?? (size === '10m' ? 3 : 5));
const importRuns = (size: string) => Number(values.runs ?? (size === '10m' ? 1 : 3));

const tmp = path.join(os.tmpdir(), `tenure-bench-${process.pid}`);
mkdirSync(tmp, { recursive: true });
let seq = 0;

function child(label: string, args: string[]): Promise<ChildResult | undefined> {
  const out = path.join(tmp, `${seq++}.json`);
  console.error(`▶ ${label}`);
  // Headroom for importFile's whole-file decode of a large GBK file (a JS string + a copy).
  const argv = ['--max-old-space-size=8192', '--import', 'tsx', path.join(BENCH_DIR, 'child.ts'), ...args, '--out', out];
  return new Promise((resolve) => {
    const p = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    p.on('exit', (code, signal) => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as ChildResult);
      } catch {
        console.error(`  ${label}: child failed (exit ${code ?? signal})`);
        resolve(undefined);
      }
    });
  });
}

const started = Date.now();
const generated = ensureData(sizes, (s) => console.error(s));
const caseArgs = values.cases ? ['--cases', values.cases] : [];
const results: BenchResults = {
  meta: {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load avg ${os.loadavg().map((x) => x.toFixed(1)).join('/')} at start`,
    versions: versions(),
    generatedSeconds: generated,
  },
  sizes: [],
};

for (const key of sizes) {
  const spec = SIZES[key];
  const s: SizeResult = { key, rows: spec.rows, customers: spec.customers, csvMB: fileMB(csvPath(key)), gbkMB: fileMB(gbkPath(key)), core: {}, imports: {} };
  const configs: [CoreConfig, string[]][] = [
    ['wasm', ['--engine', 'wasm']],
    ['native-1t', ['--engine', 'native', '--threads', '1']],
    ['native', ['--engine', 'native', '--threads', '0']],
  ];
  for (const [id, args] of configs) {
    const r = await child(`${key} ${id}`, ['--mode', 'core', '--size', key, '--runs', String(coreRuns(key)), ...args, ...caseArgs]);
    if (r) s.core[id] = r;
  }
  // pandas on the same file in the same run (bench/pandas_peer.py), when python3 has pandas.
  s.pandas = await pandasChild(`${key} pandas`, csvPath(key), coreRuns(key));
  const importSizes = values['import-sizes']!.split(',').map((x) => x.trim().toLowerCase());
  for (const file of importSizes.includes(key) ? (['utf8', 'gbk'] as const) : []) {
    const r = await child(`${key} importFile ${file}`, ['--mode', 'import', '--size', key, '--file', file, '--runs', String(importRuns(key))]);
    if (r) s.imports[file] = r;
  }
  results.sizes.push(s);
}
// The Online-Retail-shaped export: DuckDB's own read_csv against the app's import, on each engine.
if (!values.cases || values.cases.includes('retail')) {
  const r: RetailResult = {};
  const retailRuns = String(values.runs ?? 3);
  r.readWasm = await child('retail read_csv wasm', ['--mode', 'readcsv', '--engine', 'wasm', '--file', 'retail', '--runs', retailRuns]);
  r.importWasm = await child('retail importFile wasm', ['--mode', 'import', '--engine', 'wasm', '--file', 'retail', '--runs', retailRuns]);
  r.readNative = await child('retail read_csv native', ['--mode', 'readcsv', '--engine', 'native', '--threads', '0', '--file', 'retail', '--runs', retailRuns]);
  r.importNative = await child('retail importFile native (engine process)', ['--mode', 'import', '--engine', 'native', '--file', 'retail', '--runs', retailRuns]);
  results.retail = r;
}
results.xlsx = await child('importFile xlsx', ['--mode', 'import', '--file', 'xlsx', '--runs', String(values.runs ?? 3)]);
// Slide export (PNG at 2×, a 10-slide deck): not a SQL case, its own process (bench/exportBench.ts).
const exported = !values.cases || values.cases.includes('export') ? await exportChild() : undefined;
// Cox regression, 1M rows × 10 covariates, beside R coxph on the same data (bench/coxBench.ts).
const coxed = !values.cases || values.cases.includes('cox') ? await coxChild() : undefined;
results.meta.totalSeconds = (Date.now() - started) / 1000;
results.meta.loadAvgAtEnd = os.loadavg();
rmSync(tmp, { recursive: true, force: true });

const md = markdown(results) + (exported ? `\n${exportMarkdown(exported)}` : '') + (coxed ? `\n${coxMarkdown(coxed)}` : '');
mkdirSync(RESULTS_DIR, { recursive: true });
writeFileSync(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify({ ...results, ...(exported ? { export: exported } : {}), ...(coxed ? { cox: coxed } : {}), targets: targets(results) }, null, 2));
writeFileSync(path.join(RESULTS_DIR, 'latest.md'), md);
console.log(md);

function versions(): Record<string, string> {
  const v = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return { '@duckdb/duckdb-wasm': v('@duckdb/duckdb-wasm'), '@duckdb/node-api': v('@duckdb/node-api'), '@e965/xlsx': v('@e965/xlsx') };
}

function pandasChild(label: string, csv: string, runs: number): Promise<PandasResult | undefined> {
  const out = path.join(tmp, `pandas-${seq++}.json`);
  console.error(`▶ ${label}`);
  const caseArgs = values.cases ? ['--cases', values.cases] : [];
  return new Promise((resolve) => {
    const p = spawn('python3', [path.join(BENCH_DIR, 'pandas_peer.py'), '--csv', csv, '--runs', String(runs), '--out', out, ...caseArgs], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const done = () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as PandasResult);
      } catch {
        console.error(`  ${label}: not run (python3 with pandas is needed)`);
        resolve(undefined);
      }
    };
    p.on('error', done);
    p.on('exit', done);
  });
}

function exportChild(): Promise<ExportBenchResult | undefined> {
  const out = path.join(tmp, 'export.json');
  console.error('▶ slide export');
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, 'exportBench.ts'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as ExportBenchResult);
      } catch {
        console.error('  slide export: failed');
        resolve(undefined);
      }
    });
  });
}

function coxChild(): Promise<CoxBenchResult | undefined> {
  const out = path.join(tmp, 'cox.json');
  console.error('▶ cox 1M × 10 (duckdb-wasm) and R coxph');
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', path.join(BENCH_DIR, 'coxBench.ts'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('exit', () => {
      try {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as CoxBenchResult);
      } catch {
        console.error('  cox: failed');
        resolve(undefined);
      }
    });
  });
}
