import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { toRows } from '../../shared/engine/arrowRows';
import { DENSE_GROUP_BITS, type QueryEngine } from '../../shared/engine/QueryEngine';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';
import type { RemoteEngine } from '../../shared/engine/remoteEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';

/**
 * The native engine's perfect-hash connection (QueryEngine.queryDenseGroups): the settings stay
 * locked on both connections, only the second one takes a 22-bit GROUP BY key range, the Pareto uses
 * it only for an integer customer key whose statistics range is bounded, and every number equals
 * duckdb-wasm's (which has no such connection) on the same rows.
 */
let native: RemoteEngine;
let wasm: WasmNodeEngine;
let dense: string[] = [];

const TABLES = [
  // 40k rows, 8k dense integer customers, cents with ties and losses, NULL ids and values.
  `CREATE TABLE tx AS SELECT CASE WHEN i % 997 = 0 THEN NULL ELSE 100 + hash(i) % 8000 END AS cid,
     CASE WHEN i % 1009 = 0 THEN NULL ELSE (CAST(hash(i * 7) % 40 AS INTEGER) - 4) * 2.5 END AS amount,
     ['north', 'south', '东部'][CAST(1 + hash(i * 13) % 3 AS BIGINT)] AS region FROM range(40000) r(i)`,
  // The same amounts under sparse ids: the range is far more than 4 slots per row.
  `CREATE TABLE sparse AS SELECT cid * 100003 AS cid, amount, region FROM tx`,
];

beforeAll(async () => {
  native = forkedNativeEngine({ threads: 2 });
  wasm = new WasmNodeEngine();
  await Promise.all([native.init(), wasm.init()]);
  for (const sql of TABLES) await Promise.all([native.query(sql), wasm.query(sql)]);
  await native.query('CREATE TEMP TABLE tx_temp AS SELECT * FROM tx');
  await wasm.query('CREATE TEMP TABLE tx_temp AS SELECT * FROM tx');
  const inner = native.queryDenseGroups.bind(native);
  native.queryDenseGroups = (sql: string): Promise<Table> => (dense.push(sql), inner(sql));
}, 120_000);
afterAll(async () => {
  await native?.close();
  await wasm?.close();
});

const setting = async (run: (sql: string) => Promise<Table>) =>
  Number(toRows<{ v: string }>(await run("SELECT current_setting('perfect_ht_threshold')::VARCHAR AS v"))[0].v);

async function both(input: ParetoSpecInput) {
  dense = [];
  const spec = parseParetoSpec(input);
  const [a, b] = [await computePareto(native, spec), await computePareto(wasm as QueryEngine, spec)];
  // The SQL differs only where the dense path had to say so; every number must not.
  const strip = (r: typeof a) => ({ ...r, sql: '' });
  expect(strip(a)).toEqual(strip(b));
  return a;
}

describe('perfect-hash connection (native)', () => {
  it('keeps DuckDB’s default on the main connection, the wider threshold only on the second, both locked', async () => {
    expect(await setting((s) => native.query(s))).toBe(12);
    expect(await setting((s) => native.queryDenseGroups(s))).toBe(DENSE_GROUP_BITS);
    await expect(native.queryDenseGroups('SET perfect_ht_threshold = 30')).rejects.toThrow(/locked/);
    await expect(native.queryDenseGroups("SELECT * FROM read_text('/etc/passwd')")).rejects.toThrow(/may only read the files you opened/);
  });

  it('the Pareto of a dense integer key runs its GROUP BY there, with the same numbers as duckdb-wasm', async () => {
    const r = await both({ table: 'tx', customer: 'cid', value: { kind: 'column', column: 'amount' } });
    expect(dense).toHaveLength(1);
    expect(dense[0]).toMatch(/GROUP BY cid/);
    // DuckDB answers it with the perfect-hash aggregate there, with the ordinary hash table elsewhere.
    const plan = async (run: (sql: string) => Promise<Table>) => toRows<Record<string, string>>(await run(`EXPLAIN ${dense[0]}`)).map((x) => Object.values(x).join(' ')).join('\n');
    expect(await plan((q) => native.queryDenseGroups(q))).toMatch(/PERFECT_HASH_GROUP_BY/);
    expect(await plan((q) => native.query(q))).not.toMatch(/PERFECT_HASH_GROUP_BY/);
    expect(r.n).toBeGreaterThan(7000);
    // The table it made is gone, and nothing else was left behind.
    const left = toRows<{ n: number }>(await native.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__pareto%'"));
    expect(left[0].n).toBe(0);
  });

  it('sparse ids, a group column and a TEMP source keep the usual connection (the last after trying)', async () => {
    await both({ table: 'sparse', customer: 'cid', value: { kind: 'column', column: 'amount' } });
    expect(dense).toHaveLength(0);
    await both({ table: 'tx', customer: 'cid', value: { kind: 'column', column: 'amount' }, group: 'region' });
    expect(dense).toHaveLength(0);
    await both({ table: 'tx_temp', customer: 'cid', value: { kind: 'column', column: 'amount' }, where: 'amount <> 0' });
    expect(dense).toHaveLength(1);
  });

  it('a cancel during that GROUP BY stands: the Pareto stops instead of running it again on the usual connection', async () => {
    await native.query('CREATE TABLE big AS SELECT (hash(i) % 2000000)::BIGINT AS cid, (hash(i * 7) % 1000)::INTEGER * 0.25 AS amount FROM range(8000000) r(i)');
    const inner = native.queryDenseGroups;
    native.queryDenseGroups = (sql: string): Promise<Table> => {
      const p = inner(sql);
      setTimeout(() => void native.cancel(), 30);
      return p;
    };
    try {
      dense = [];
      await expect(computePareto(native, parseParetoSpec({ table: 'big', customer: 'cid', value: { kind: 'column', column: 'amount' } }))).rejects.toThrow(/interrupt|cancel/i);
      expect(dense).toHaveLength(1);
    } finally {
      native.queryDenseGroups = inner;
      await native.query('DROP TABLE big');
    }
  });
});
