/**
 * The desktop/CLI native path against raw native DuckDB and duckdb-wasm, on the bench's generated
 * transactions (`npm run bench:native -- --size 1m`): the app's import (importFile through the engine
 * process) and the Pareto, cohort and Kaplan-Meier analyses (the app's compute functions), against
 * DuckDB's own read_csv + the same SQL in-process with all cores. Prints JSON with seconds and
 * ratios; peak RSS from /usr/bin/time when run under it.
 */
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { computePareto } from '../shared/analysis/pareto/compute';
import { computeCohorts } from '../shared/analysis/cohort/compute';
import type { QueryEngine } from '../shared/engine/QueryEngine';
import { forkedNativeEngine } from '../shared/engine/node/forkEngine';
import { WasmNodeEngine } from '../shared/engine/node/wasmNodeEngine';
import { importFile } from '../shared/import/importFile';
import { nodeFileSource } from '../shared/node/nodeFileSource';
import { ensureData } from './generate';
import { DATA_DIR } from './paths';

const size = process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : '1m';
const engines = (process.argv.includes('--engines') ? process.argv[process.argv.indexOf('--engines') + 1] : 'raw,native,wasm').split(',');

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [(performance.now() - t0) / 1000, r];
}

async function appPath(engine: QueryEngine, file: string): Promise<Record<string, number>> {
  const [load, imported] = await time(() => importFile(engine, nodeFileSource(file)));
  const table = imported.table;
  const [pareto] = await time(() => computePareto(engine, { table, customer: 'customer_id', value: { kind: 'column', column: 'revenue' } }));
  const [cohorts] = await time(() => computeCohorts(engine, { table, customer: 'customer_id', date: 'order_date', period: 'month' }));
  return { import: load, pareto, cohorts };
}

async function raw(file: string): Promise<Record<string, number>> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const [load] = await time(() => c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}')`));
  const [pareto] = await time(() => c.run(`SELECT count(*), sum(v) FROM (SELECT customer_id, sum(revenue) v FROM t GROUP BY 1 ORDER BY v DESC)`));
  const [cohorts] = await time(() =>
    c.run(`WITH f AS (SELECT customer_id, date_trunc('month', min(order_date)) c FROM t GROUP BY 1)
      SELECT f.c, date_diff('month', f.c, date_trunc('month', t.order_date)) k, count(DISTINCT t.customer_id) FROM t JOIN f USING (customer_id) GROUP BY 1, 2`),
  );
  c.closeSync();
  inst.closeSync();
  return { import: load, pareto, cohorts };
}

const files = ensureData([size], (s) => process.stderr.write(`${s}\n`));
void files;
const file = path.join(DATA_DIR, `transactions_${size}.csv`);
const out: Record<string, Record<string, number>> = {};
for (const kind of engines) {
  if (kind === 'raw') out.raw = await raw(file);
  else {
    const engine = kind === 'native' ? forkedNativeEngine() : new WasmNodeEngine();
    await engine.init();
    try {
      out[kind] = await appPath(engine, file);
    } finally {
      await engine.close();
    }
  }
}
process.stdout.write(`${JSON.stringify({ size, file, seconds: out }, null, 2)}\n`);
