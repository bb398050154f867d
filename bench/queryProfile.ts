/**
 * `npx tsx bench/queryProfile.ts [--size 1m|10m] [--runs 5] [--steps quadrant,pareto,roundtrip]`
 * Where an analysis' time goes on the native path: every query the app sends through the engine
 * process, with its wall time, the engine process's CPU time (all its threads, from
 * /proc/<pid>/task/<tid>/schedstat, nanoseconds), this process's CPU time and the Arrow bytes that
 * came back; beside it the same SQL run in-process on native DuckDB (no process hop) and the raw
 * step's plain SQL. `roundtrip` times `SELECT 1` through the engine process and in-process: the
 * fixed cost every query pays. Medians of --runs. Run it under `flock /work/scratch/heavy.lock`.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { tableToIPC, type Table } from 'apache-arrow';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { computePareto } from '../shared/analysis/pareto/compute';
import { computeQuadrant } from '../shared/analysis/quadrant/compute';
import type { QueryEngine } from '../shared/engine/QueryEngine';
import { forkedNativeEngine } from '../shared/engine/node/forkEngine';
import { ql } from '../shared/engine/sqlQuote';
import { importFile } from '../shared/import/importFile';
import { nodeFileSource } from '../shared/node/nodeFileSource';
import { ensureData } from './generate';
import { csvPath } from './paths';
import { processCpuNs } from './procCpu';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    runs: { type: 'string', default: '5' },
    steps: { type: 'string', default: 'roundtrip,quadrant,pareto' },
  },
  strict: true,
});
const runs = Number(values.runs);
const steps = values.steps!.split(',');

interface QueryTiming {
  sql: string;
  wallMs: number;
  engineCpuMs: number;
  clientCpuMs: number;
  bytes: number;
}

/** Statements sent to the perfect-hash connection (queryDenseGroups) are listed with this prefix. */
const DENSE = '[dense] ';

/** A QueryEngine that times each query it passes on (wall, engine-process CPU, client CPU, bytes). */
function timed(engine: QueryEngine, pid: () => number | undefined, log: QueryTiming[]): QueryEngine {
  return new Proxy(engine, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if ((prop !== 'query' && prop !== 'queryDenseGroups') || typeof v !== 'function') {
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return async (sql: string): Promise<Table> => {
        const p = pid();
        const c0 = p ? processCpuNs(p) : 0;
        const u0 = process.cpuUsage();
        const t0 = performance.now();
        const t = await (v as (s: string) => Promise<Table>).call(target, sql);
        const wallMs = performance.now() - t0;
        const u = process.cpuUsage(u0);
        log.push({ sql: prop === 'query' ? sql : DENSE + sql, wallMs, engineCpuMs: p ? (processCpuNs(p) - c0) / 1e6 : 0, clientCpuMs: (u.user + u.system) / 1000, bytes: tableToIPC(t, 'stream').byteLength });
        return t;
      };
    },
  });
}

/** In-process native DuckDB: wall and CPU of one statement (CPU of this whole process, all threads). */
async function inProcess(c: DuckDBConnection, sql: string): Promise<{ wallMs: number; cpuMs: number }> {
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  await c.runAndReadAll(sql);
  const u = process.cpuUsage(u0);
  return { wallMs: performance.now() - t0, cpuMs: (u.user + u.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x: number) => x.toFixed(1);
const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 90);

const SURVEY_ITEMS = Array.from({ length: 20 }, (_, k) => `q${k + 1}`);
const surveySql = `CREATE OR REPLACE TABLE survey AS SELECT ${SURVEY_ITEMS.map((c, k) => `CAST(1 + (hash(i * 20 + ${k}) % 3 + hash(i) % 3) % 5 AS TINYINT) AS ${c}`).join(', ')},
  CAST(1 + hash(i * 20) % 10 AS TINYINT) AS overall FROM range(1000000) t(i)`;

interface StepDef {
  name: string;
  setup: string[];
  run: (e: QueryEngine) => Promise<unknown>;
  raw: string;
}

function stepDefs(file: string): Record<string, StepDef> {
  return {
    quadrant: {
      name: 'quadrant (1M answers × 20 drivers, pearson)',
      setup: [surveySql],
      run: (e) => computeQuadrant(e, { table: 'survey', drivers: SURVEY_ITEMS.map((column) => ({ column })), outcome: { column: 'overall' }, importance: 'pearson' }),
      raw: `SELECT ${SURVEY_ITEMS.map((q) => `corr(${q}, overall), avg(${q})`).join(', ')} FROM survey`,
    },
    pareto: {
      name: `pareto (${path.basename(file)}, revenue - cost)`,
      setup: [`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv(${ql(path.basename(file))})`],
      run: (e) => computePareto(e, { table: 't', customer: 'customer_id', value: { kind: 'expr', sql: 'revenue - cost' } }),
      raw: 'SELECT count(*), sum(v) FROM (SELECT customer_id, sum(revenue - cost) v FROM t GROUP BY 1 ORDER BY v DESC)',
    },
  };
}

ensureData([values.size!]);
const file = csvPath(values.size!);
const out: string[] = [`load average ${os.loadavg().map((x) => x.toFixed(1)).join('/')} at start, ${runs} runs, medians`];
let pid: number | undefined;
const remote = forkedNativeEngine({ onChild: (c) => (pid = c.pid) });
await remote.init();
const inst = await DuckDBInstance.create(':memory:');
const conn = await inst.connect();
try {
  if (steps.includes('roundtrip')) {
    const log: QueryTiming[] = [];
    const e = timed(remote, () => pid, log);
    for (let i = 0; i < 200; i++) await e.query('SELECT 1 AS x');
    const local: number[] = [];
    for (let i = 0; i < 200; i++) local.push((await inProcess(conn, 'SELECT 1 AS x')).wallMs);
    out.push(
      '',
      `SELECT 1, 200 times: engine process ${f1(median(log.map((l) => l.wallMs)) * 1000)} µs wall (engine CPU ${f1(median(log.map((l) => l.engineCpuMs)) * 1000)} µs, client CPU ${f1(median(log.map((l) => l.clientCpuMs)) * 1000)} µs); in-process ${f1(median(local) * 1000)} µs`,
    );
  }
  if (steps.includes('import')) {
    // The app's whole import (every guard) query by query, against DuckDB's own read_csv in-process.
    const log: QueryTiming[] = [];
    const c0 = processCpuNs(pid!);
    const t0 = performance.now();
    await importFile(timed(remote, () => pid, log), nodeFileSource(file));
    const wall = performance.now() - t0;
    const cpu = (processCpuNs(pid!) - c0) / 1e6;
    const raw = await inProcess(conn, `CREATE OR REPLACE TABLE raw_import AS SELECT * FROM read_csv(${ql(file)})`);
    out.push('', `## import (${path.basename(file)})`, `app through the engine process: ${f1(wall)} ms wall, ${f1(cpu)} ms engine CPU; raw read_csv in-process: ${f1(raw.wallMs)} ms wall, ${f1(raw.cpuMs)} ms CPU`);
    out.push('', '| # | query | wall ms | engine CPU ms | client CPU ms |', '| ---: | --- | ---: | ---: | ---: |');
    log.forEach((l, q) => out.push(`| ${q + 1} | \`${short(l.sql)}\` | ${f1(l.wallMs)} | ${f1(l.engineCpuMs)} | ${f1(l.clientCpuMs)} |`));
  }
  for (const key of steps.filter((s) => s !== 'roundtrip' && s !== 'import')) {
    const def = stepDefs(file)[key];
    // The engine process is confined to its own folder: the CSV is registered there (linked) first.
    await remote.registerFileHandle(path.basename(file), file);
    for (const s of def.setup) {
      await remote.query(s);
      await conn.run(s.replace(ql(path.basename(file)), ql(file)));
    }
    const perRun: QueryTiming[][] = [];
    const totals: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < runs; r++) {
      const log: QueryTiming[] = [];
      const c0 = processCpuNs(pid!);
      const t0 = performance.now();
      await def.run(timed(remote, () => pid, log));
      totals.push({ wall: performance.now() - t0, cpu: (processCpuNs(pid!) - c0) / 1e6 });
      perRun.push(log);
    }
    const rawRuns: { wallMs: number; cpuMs: number }[] = [];
    for (let r = 0; r < runs; r++) rawRuns.push(await inProcess(conn, def.raw));
    out.push('', `## ${def.name}`, `app through the engine process: ${f1(median(totals.map((t) => t.wall)))} ms wall, ${f1(median(totals.map((t) => t.cpu)))} ms engine CPU; raw in-process: ${f1(median(rawRuns.map((r) => r.wallMs)))} ms wall, ${f1(median(rawRuns.map((r) => r.cpuMs)))} ms CPU`);
    out.push('', '| # | query | wall ms | engine CPU ms | client CPU ms | bytes | in-process wall ms | in-process CPU ms |', '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    const first = perRun[0];
    for (let q = 0; q < first.length; q++) {
      const at = (k: keyof QueryTiming) => median(perRun.filter((l) => l[q]).map((l) => l[q][k] as number));
      const local: { wallMs: number; cpuMs: number }[] = [];
      // Statements that change the database run once more in-process only when harmless: reads, and a
      // CREATE TABLE … AS into a scratch name (the in-process connection keeps DuckDB's 12-bit perfect hash).
      const sql = first[q].sql.replace(DENSE, '');
      const made = /^\s*CREATE (TEMP )?TABLE \S+ AS /i.exec(sql);
      const readOnly = made !== null || /^\s*(SELECT|WITH|DESCRIBE|EXPLAIN)/i.test(sql);
      const replay = made ? `CREATE OR REPLACE TEMP TABLE __qp_replay AS ${sql.slice(made[0].length)}` : sql;
      if (readOnly) for (let r = 0; r < runs; r++) local.push(await inProcess(conn, replay).catch(() => ({ wallMs: NaN, cpuMs: NaN })));
      if (made) await conn.run('DROP TABLE IF EXISTS __qp_replay');
      out.push(
        `| ${q + 1} | \`${short(first[q].sql)}\` | ${f1(at('wallMs'))} | ${f1(at('engineCpuMs'))} | ${f1(at('clientCpuMs'))} | ${at('bytes')} | ${readOnly ? f1(median(local.map((l) => l.wallMs))) : '—'} | ${readOnly ? f1(median(local.map((l) => l.cpuMs))) : '—'} |`,
      );
    }
  }
} finally {
  conn.closeSync();
  inst.closeSync();
  await remote.close();
}
process.stdout.write(`${out.join('\n')}\n`);
