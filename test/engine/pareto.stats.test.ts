import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { computePareto, resolveValueMode } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';
import { customerListSql, saveClassesSql } from '../../shared/analysis/pareto/sql';
import { TenureError } from '../../shared/errors';

/** Small hand-computed inputs on the real engine: every expected number below is worked out by hand. */
let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
});
afterAll(() => engine?.close());

async function table(name: string, columns: string, rows: string): Promise<void> {
  await engine.query(`CREATE OR REPLACE TABLE ${qi(name)} (${columns}); INSERT INTO ${qi(name)} VALUES ${rows}`);
}
const spec = (table: string, extra: Partial<ParetoSpecInput> = {}): ParetoSpecInput => ({ table, customer: 'c', value: { kind: 'column', column: 'v' }, ...extra });

describe('Pareto statistics on hand-computed inputs', () => {
  it('exact boundary: ten customers of 0.1 each, the 8th reaches exactly 80% (float sums give 0.7999…)', async () => {
    await table('tenths', 'c VARCHAR, v DOUBLE', Array.from({ length: 10 }, (_, i) => `('c${i}', 0.1)`).join(', '));
    const r = await computePareto(engine, spec('tenths'));
    expect(r.mode).toMatchObject({ kind: 'scaled', scale: 1, exact: true });
    // Exact: cum_8 = 0.8 → k80 = 8; customer 9 starts at exactly 80% → B; customer 10 starts at 90% → B.
    expect([r.k80, r.k95]).toEqual([8, 10]);
    expect(r.classes.map((c) => c.count)).toEqual([8, 2, 0]);
    expect(r.gini).toBe(0);
    // The same comparison in floating point would put the boundary elsewhere.
    const [naive] = toRows<{ k: number }>(await engine.query('SELECT min(k) AS k FROM (SELECT row_number() OVER () AS k, sum(0.1::DOUBLE) OVER (ROWS UNBOUNDED PRECEDING) AS s FROM range(10)) WHERE s / 1.0 >= 0.8'));
    expect(naive.k).toBe(9);
  });

  it('ties are ordered by customer id ascending (text order)', async () => {
    await table('ties', 'c VARCHAR, v INTEGER', "('b', 10), ('c10', 10), ('a', 10), ('c2', 10), ('z', 20)");
    const s = parseParetoSpec(spec('ties'));
    const { mode } = await resolveValueMode(engine, s);
    const list = toRows<{ customer: string; rank: number; cum_share: number; class: string }>(await engine.query(customerListSql(s, mode, { fromRank: 1, toRank: 5 })));
    expect(list.map((x) => x.customer)).toEqual(['z', 'a', 'b', 'c10', 'c2']);
    expect(list.map((x) => x.cum_share)).toEqual([1 / 3, 0.5, 2 / 3, 5 / 6, 1]);
    // before-shares 0, 1/3, 1/2, 2/3, 5/6 → A A A A B (5/6 ≥ 0.8 but < 0.95)
    expect(list.map((x) => x.class)).toEqual(['A', 'A', 'A', 'A', 'B']);
    const r = await computePareto(engine, spec('ties'));
    expect([r.top20.k, r.top20.share, r.k80]).toEqual([1, 1 / 3, 4]);
    expect(r.gini).toBeCloseTo(0.1333333333333333, 15); // asc [10,10,10,10,20]: 4·20 − 4·10 − 2·10 + 0 + 2·10 = 40; 40/(5·60)
  });

  it('zeros stay in (n, k20, class C, Gini); dropping them is an option', async () => {
    await table('zeros', 'c INTEGER, v INTEGER', '(1, 5), (2, 3), (3, 2), (4, 0), (5, 0)');
    const r = await computePareto(engine, spec('zeros'));
    expect([r.n, r.top20.k, r.top20.share, r.k80, r.zeros]).toEqual([5, 1, 0.5, 2, 2]);
    expect(r.classes.map((c) => c.count)).toEqual([2, 1, 2]);
    expect(r.gini).toBeCloseTo(0.52, 15);
    const d = await computePareto(engine, spec('zeros', { keepNonPositive: false }));
    expect([d.n, d.top20.k, d.zeros]).toEqual([3, 1, 0]);
    expect(d.gini).toBeCloseTo(0.2, 15); // asc [2,3,5]: (−2·2 + 0 + 2·5)/(3·10)
  });

  it('negative values: the whale curve peaks above 100%; loss-makers fall in C', async () => {
    await table('whale', 'c INTEGER, v DECIMAL(10,2)', '(1, 6.00), (2, 4.00), (3, 2.00), (4, -2.00)');
    const r = await computePareto(engine, spec('whale'));
    expect(r.mode).toMatchObject({ kind: 'decimal', scale: 2, exact: true });
    expect(r.negative).toEqual({ count: 1, sum: -2 });
    expect(r.peak).toEqual({ k: 3, share: 1.2, customersBeyondShare: 0.25 });
    expect(r.classes.map((c) => c.count)).toEqual([2, 0, 2]);
    expect(r.gini).toBeCloseTo(0.65, 15); // asc [−2,2,4,6]: (6 − 2 + 4 + 18)/(4·10)
    expect(r.curve.map((b) => b.cumShare)).toEqual([0.6, 1, 1.2, 1]);
    await expect(computePareto(engine, spec('whale', { keepNonPositive: false }))).resolves.toMatchObject({ n: 3, negative: { count: 0 } });
  });

  it('transactions are summed per customer first; NULL values and NULL ids are left out and counted', async () => {
    await table('tx', 'c VARCHAR, v DOUBLE', "('x', 3), ('x', 4), ('x', NULL), (NULL, 100), ('y', 1.5)");
    const r = await computePareto(engine, spec('tx'));
    expect([r.rows, r.n, r.nullValues, r.nullIds, r.total, r.max]).toEqual([5, 2, 1, 1, 8.5, 7]);
  });

  it('a single customer: everything in A, Gini 0, no sample correction', async () => {
    await table('one', 'c VARCHAR, v BIGINT', "('only', 3), ('only', 4)");
    const r = await computePareto(engine, spec('one'));
    expect([r.n, r.total, r.top20.k, r.top20.share, r.k80, r.gini, r.giniSampleCorrected]).toEqual([1, 7, 1, 1, 1, 0, null]);
    expect(r.classes.map((c) => c.count)).toEqual([1, 0, 0]);
  });

  it('all values NULL: a user error that says how many', async () => {
    await table('nulls', 'c VARCHAR, v DOUBLE', "('a', NULL), ('b', NULL)");
    const err = await computePareto(engine, spec('nulls')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TenureError);
    expect((err as TenureError).code).toBe('pareto.noValues');
    expect((err as TenureError).params).toMatchObject({ rows: 2, nullValues: 2 });
  });

  it('a broken value expression or filter is named, with DuckDB\'s reason and never the internal DESCRIBE', async () => {
    await table('exprs', 'c VARCHAR, v INTEGER', "('a', 1)");
    const bad = (await computePareto(engine, spec('exprs', { value: { kind: 'expr', sql: 'sum(v' } })).catch((e: unknown) => e)) as TenureError;
    expect(bad).toMatchObject({ code: 'pareto.valueExpr', params: { expr: 'sum(v' } });
    expect(bad.message).not.toMatch(/DESCRIBE|LINE \d/);
    expect(String(bad.params.reason)).toMatch(/^Parser Error/);
    const where = (await computePareto(engine, spec('exprs', { where: 'nope > 1' })).catch((e: unknown) => e)) as TenureError;
    expect(where).toMatchObject({ code: 'pareto.filter', params: { where: 'nope > 1' } });
    expect(String(where.params.reason)).toMatch(/nope/);
    expect(where.message).not.toMatch(/DESCRIBE/);
  });

  it('a text value column is refused with a hint; a zero total too', async () => {
    await table('texty', 'c VARCHAR, v VARCHAR', "('a', '1')");
    await expect(computePareto(engine, spec('texty'))).rejects.toMatchObject({ code: 'pareto.valueNotNumeric' });
    await table('zero', 'c VARCHAR, v INTEGER', "('a', 0), ('b', 0)");
    await expect(computePareto(engine, spec('zero'))).rejects.toMatchObject({ code: 'pareto.nonPositiveTotal' });
  });

  it('huge integers switch to HUGEINT units so cumulative sums and threshold products cannot overflow', async () => {
    await table('huge', 'c INTEGER, v BIGINT', '(1, 4000000000000000000), (2, 3000000000000000000), (3, 2000000000000000000), (4, 1000000000000000000)');
    const r = await computePareto(engine, spec('huge'));
    expect(r.mode).toMatchObject({ kind: 'integer', int: 'HUGEINT' });
    // before-shares 0, .4, .7, .9 → A A A B; cum .4 .7 .9 1 → k80 = 3, k95 = 4
    expect([r.k80, r.k95, r.total]).toEqual([3, 4, 1e19]);
    expect(r.classes.map((c) => c.count)).toEqual([3, 1, 0]);
    expect(r.gini).toBeCloseTo(0.25, 12); // asc [1,2,3,4]e18: (−3 − 2 + 3 + 12)/(4·10)
    // BIGINT units whose threshold products (10^6 · 10^15) would overflow BIGINT: widened in the comparison.
    await table('big', 'c INTEGER, v BIGINT', '(1, 400000000000000), (2, 300000000000000), (3, 200000000000000), (4, 100000000000000)');
    const b = await computePareto(engine, spec('big'));
    expect(b.mode).toMatchObject({ kind: 'integer', int: 'BIGINT' });
    expect([b.k80, b.k95, ...b.classes.map((c) => c.count)]).toEqual([3, 4, 3, 1, 0]);
  });

  it('values that are not short decimals fall back to DOUBLE and say so', async () => {
    await table('thirds', 'c INTEGER, v DOUBLE', '(1, 1.0/3), (2, 2.0/3)');
    const r = await computePareto(engine, spec('thirds'));
    expect(r.exact).toBe(false);
    expect(r.total).toBeCloseTo(1, 15);
  });

  it('hostile and Unicode names, a WHERE filter, a period and a group column', async () => {
    const [cust, val, grp, day] = ['a"b; DROP TABLE x', '客户 编号', '🦆 group', 'day'];
    await engine.query(`CREATE OR REPLACE TABLE ${qi('t 表')} AS SELECT * FROM (VALUES
      ('k1', 10.5, 'g1', DATE '2011-01-05'), ('k1', 4.5, 'g1', DATE '2011-03-20'), ('k2', 5.25, 'g2', DATE '2011-03-01'),
      ('k3', 1.0, 'g2', DATE '2010-11-30'), ('k4', 2.0, 'g1', DATE '2011-02-10'), ('k4', 1.0, 'g2', DATE '2011-02-11')) AS t(${[cust, val, grp, day].map(qi).join(', ')})`);
    const base = { table: 't 表', customer: cust, value: { kind: 'column' as const, column: val }, group: grp };
    const all = await computePareto(engine, base);
    expect([all.n, all.total, all.multiGroupCustomers]).toEqual([4, 24.25, 1]);
    expect(all.groups.map((g) => [g.name, g.n, g.value])).toEqual([['g1', 2, 18], ['g2', 2, 6.25]]); // k4 counts under the smallest group
    const filtered = await computePareto(engine, { ...base, where: `${qi(val)} > 1` });
    expect([filtered.n, filtered.total]).toEqual([3, 22.25]);
    // Last 2 months before 2011-03-20: rows after 2011-01-20.
    const last = await computePareto(engine, { ...base, date: { column: day, period: { kind: 'lastMonths', months: 2 } } });
    expect([last.n, last.total]).toEqual([3, 12.75]);
    const range = await computePareto(engine, { ...base, date: { column: day, period: { kind: 'range', from: '2011-02-11', to: '2011-03-01' } } });
    expect([range.n, range.total]).toEqual([2, 6.25]);
    const tables = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't 表'`));
    expect(tables[0].n).toBe(1);
  });

  it('custom thresholds a = 0.5, b = 0.9; the saved class table follows them', async () => {
    await table('custom', 'c INTEGER, v INTEGER', '(1, 40), (2, 30), (3, 20), (4, 10)');
    const input = spec('custom', { a: 0.5, b: 0.9 });
    const r = await computePareto(engine, input);
    // before-shares 0, .4, .7, .9 → A A B C; k(50%) = 2 (cum .7), k(90%) = 3 (cum .9 ≥ .9)
    expect([r.k80, r.k95]).toEqual([2, 3]);
    expect(r.classes.map((c) => c.count)).toEqual([2, 1, 1]);
    const s = parseParetoSpec(input);
    const { mode } = await resolveValueMode(engine, s);
    await engine.query(saveClassesSql(s, mode, 'custom classes'));
    expect(toRows(await engine.query(`SELECT customer, value, rank, class FROM ${qi('custom classes')} ORDER BY rank`))).toEqual([
      { customer: 1, value: 40, rank: 1, class: 'A' }, { customer: 2, value: 30, rank: 2, class: 'A' },
      { customer: 3, value: 20, rank: 3, class: 'B' }, { customer: 4, value: 10, rank: 4, class: 'C' },
    ]);
    const b = toRows<{ customer: number }>(await engine.query(customerListSql(s, mode, { class: 'B' })));
    expect(b.map((x) => x.customer)).toEqual([3]);
  });

  it('a class within one group value (a segment of the class-mix chart) lists exactly the members of that class in that group', async () => {
    await table('grouped', 'c VARCHAR, v INTEGER, seg VARCHAR', "('a', 50, 'x'), ('b', 20, 'y'), ('c', 10, 'x'), ('d', 10, NULL), ('e', 5, 'y'), ('f', 5, NULL)");
    const s = parseParetoSpec(spec('grouped', { group: 'seg' }));
    const { mode } = await resolveValueMode(engine, s);
    const r = await computePareto(engine, spec('grouped', { group: 'seg' }));
    for (const g of r.groups) {
      for (const cls of g.classes) {
        const list = toRows<{ customer: string; class: string; group: string | null }>(await engine.query(customerListSql(s, mode, { class: cls.name, group: { value: g.name } })));
        expect(list.length, `${g.name} ${cls.name}`).toBe(cls.count);
        expect(list.every((x) => x.class === cls.name && x.group === g.name)).toBe(true);
      }
    }
    expect(r.groups.map((g) => g.name)).toEqual(['x', 'y', null]);
  });
});
