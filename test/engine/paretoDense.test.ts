import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { toRows } from '../../shared/engine/arrowRows';
import { DENSE_GROUP_BITS, type QueryEngine } from '../../shared/engine/QueryEngine';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';
import { startEngine, type EngineKind } from '../helpers/engines';

/**
 * The perfect-hash connection (QueryEngine.queryDenseGroups) on both engines: the settings stay
 * locked on both connections, only the second one takes a 22-bit GROUP BY key range, the Pareto uses
 * it only for an integer customer key whose statistics range is bounded, and every number equals the
 * ordinary connection's and the other engine's on the same rows.
 */
const KINDS: EngineKind[] = ['native', 'wasm'];
const engines = {} as Record<EngineKind, QueryEngine & { queryDenseGroups(sql: string): Promise<Table> }>;
let dense: Record<EngineKind, string[]> = { native: [], wasm: [] };

const TABLES = [
  // 40k rows, 8k dense integer customers, cents with ties and losses, NULL ids and values.
  `CREATE TABLE tx AS SELECT CASE WHEN i % 997 = 0 THEN NULL ELSE 100 + hash(i) % 8000 END AS cid,
     CASE WHEN i % 1009 = 0 THEN NULL ELSE (CAST(hash(i * 7) % 40 AS INTEGER) - 4) * 2.5 END AS amount,
     ['north', 'south', '东部'][CAST(1 + hash(i * 13) % 3 AS BIGINT)] AS region FROM range(40000) r(i)`,
  // The same amounts under sparse ids: the range is far more than 4 slots per row.
  `CREATE TABLE sparse AS SELECT cid * 100003 AS cid, amount, region FROM tx`,
  'CREATE TEMP TABLE tx_temp AS SELECT * FROM tx',
];

beforeAll(async () => {
  for (const kind of KINDS) {
    const e = (await startEngine(kind)) as (typeof engines)[EngineKind];
    for (const sql of TABLES) await e.query(sql);
    const inner = e.queryDenseGroups.bind(e);
    e.queryDenseGroups = (sql: string): Promise<Table> => (dense[kind].push(sql), inner(sql));
    engines[kind] = e;
  }
}, 120_000);
afterAll(async () => {
  for (const kind of KINDS) await engines[kind]?.close();
});

/** The engine as one without the perfect-hash connection. */
const ordinary = (e: QueryEngine): QueryEngine =>
  new Proxy(e, {
    get: (t, p) => {
      if (p === 'queryDenseGroups') return undefined;
      const v = Reflect.get(t, p) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });

async function allWays(input: ParetoSpecInput) {
  dense = { native: [], wasm: [] };
  const spec = parseParetoSpec(input);
  const strip = (r: Awaited<ReturnType<typeof computePareto>>) => ({ ...r, sql: '' });
  const reference = strip(await computePareto(ordinary(engines.native), spec));
  expect(dense.native).toHaveLength(0);
  for (const kind of KINDS) expect(strip(await computePareto(engines[kind], spec))).toEqual(reference);
  return reference;
}

const setting = async (run: (sql: string) => Promise<Table>) =>
  Number(toRows<{ v: string }>(await run("SELECT current_setting('perfect_ht_threshold')::VARCHAR AS v"))[0].v);

describe('perfect-hash connection', () => {
  for (const kind of KINDS) {
    it(`${kind}: DuckDB’s default on the main connection, the wider threshold only on the second, both locked and confined`, async () => {
      const e = engines[kind];
      expect(await setting((s) => e.query(s))).toBe(12);
      expect(await setting((s) => e.queryDenseGroups(s))).toBe(DENSE_GROUP_BITS);
      await expect(e.queryDenseGroups('SET perfect_ht_threshold = 30')).rejects.toThrow(/locked/);
      await expect(e.queryDenseGroups("SELECT * FROM read_text('/etc/passwd')")).rejects.toThrow(/may only read the files you opened/);
    });
  }

  it('the Pareto of a dense integer key runs its GROUP BY there (perfect hash), with the same numbers every way', async () => {
    const r = await allWays({ table: 'tx', customer: 'cid', value: { kind: 'column', column: 'amount' } });
    expect(r.n).toBeGreaterThan(7000);
    for (const kind of KINDS) {
      const e = engines[kind];
      expect(dense[kind]).toHaveLength(1);
      expect(dense[kind][0]).toMatch(/GROUP BY cid/);
      // DuckDB answers it with the perfect-hash aggregate there, with the ordinary hash table elsewhere.
      const plan = async (run: (sql: string) => Promise<Table>) => toRows<Record<string, string>>(await run(`EXPLAIN ${dense[kind][0]}`)).map((x) => Object.values(x).join(' ')).join('\n');
      expect(await plan((q) => e.queryDenseGroups(q))).toMatch(/PERFECT_HASH_GROUP_BY/);
      expect(await plan((q) => e.query(q))).not.toMatch(/PERFECT_HASH_GROUP_BY/);
      // The table it made is gone.
      const left = toRows<{ n: number }>(await e.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '__tenure_pareto%'"));
      expect(left[0].n).toBe(0);
    }
  });

  it('sparse ids and a group column keep the usual connection; a TEMP source tries, then falls back', async () => {
    await allWays({ table: 'sparse', customer: 'cid', value: { kind: 'column', column: 'amount' } });
    expect(dense).toEqual({ native: [], wasm: [] });
    await allWays({ table: 'tx', customer: 'cid', value: { kind: 'column', column: 'amount' }, group: 'region' });
    expect(dense).toEqual({ native: [], wasm: [] });
    await allWays({ table: 'tx_temp', customer: 'cid', value: { kind: 'column', column: 'amount' }, where: 'amount <> 0' });
    expect(dense.native).toHaveLength(1);
    expect(dense.wasm).toHaveLength(1);
  });

  it('a cancel during that GROUP BY stands: the Pareto stops instead of running it again on the usual connection', async () => {
    const native = engines.native;
    await native.query('CREATE TABLE big AS SELECT (hash(i) % 2000000)::BIGINT AS cid, (hash(i * 7) % 1000)::INTEGER * 0.25 AS amount FROM range(8000000) r(i)');
    const inner = native.queryDenseGroups;
    native.queryDenseGroups = (sql: string): Promise<Table> => {
      const p = inner(sql);
      setTimeout(() => void native.cancel(), 30);
      return p;
    };
    try {
      dense = { native: [], wasm: [] };
      await expect(computePareto(native, parseParetoSpec({ table: 'big', customer: 'cid', value: { kind: 'column', column: 'amount' } }))).rejects.toThrow(/interrupt|cancel/i);
      expect(dense.native).toHaveLength(1);
    } finally {
      native.queryDenseGroups = inner;
      await native.query('DROP TABLE big');
    }
  });
});
