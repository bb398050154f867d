import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { qi, qv } from '../../shared/engine/sqlQuote';
import { computeQuadrant, type QuadrantResult } from '../../shared/analysis/quadrant/compute';
import type { QuadrantSpecInput } from '../../shared/analysis/quadrant/spec';
import { startEngine } from '../helpers/engines';

/**
 * The integer-rating histogram path (shared/analysis/quadrant/histogram.ts) against the summary SQL
 * on the same answers stored as DOUBLE (which the histogram path leaves to the SQL): every number of
 * every driver equal within 1e-12, on both engines. Also which path runs when: statistics bound the
 * ranges of a table, a view's are read by min/max, a wide integer column falls back to the SQL.
 */
interface Answer { a: number | null; b: number | null; c: number | null; out: string | null; score: number | null; flag: boolean | null; id: number }
function answers(n: number): Answer[] {
  let s = 777;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const rating = () => 1 + Math.floor(rnd() * 5);
  return Array.from({ length: n }, (_, id) => {
    const a = rnd() < 0.1 ? 0 : rating();
    const b = rnd() < 0.05 ? null : rating();
    const c = rnd() < 0.08 ? 9 : rating();
    const latent = (a || 3) * 0.7 + (b ?? 3) * 0.4 + (c === 9 ? 3 : c) * 0.2 + rnd() * 3;
    return { a, b, c, out: rnd() < 0.03 ? null : latent > 4.6 ? 'yes' : 'no', score: rnd() < 0.02 ? null : Math.round(latent), flag: rnd() < 0.02 ? null : latent > 5, id: id * 1000 };
  });
}

let engine: QueryEngine;
const rows = answers(2000);
beforeAll(async () => {
  engine = await startEngine();
  await engine.query(`CREATE TABLE ${qi('ints')} (a INTEGER, b BIGINT, c SMALLINT, ${qi('out come')} VARCHAR, score INTEGER, flag BOOLEAN, id BIGINT)`);
  await engine.query(`INSERT INTO ${qi('ints')} VALUES ${rows.map((r) => `(${[r.a, r.b, r.c, r.out, r.score, r.flag, r.id].map(qv).join(', ')})`).join(', ')}`);
  await engine.query(`CREATE TABLE dbls AS SELECT CAST(a AS DOUBLE) AS a, CAST(b AS DOUBLE) AS b, CAST(c AS DOUBLE) AS c, ${qi('out come')}, CAST(score AS DOUBLE) AS score, flag, id FROM ${qi('ints')}`);
  // Through a text round trip DuckDB's statistics lose the bounds ("[Min: NULL, Max: NULL]").
  await engine.query(`CREATE VIEW ints_view AS SELECT a::VARCHAR::INTEGER AS a, b::VARCHAR::BIGINT AS b, c, ${qi('out come')}, score::VARCHAR::INTEGER AS score FROM ${qi('ints')}`);
});
afterAll(() => engine.close());

const drivers = [{ column: 'a' }, { column: 'b' }, { column: 'c', missing: [9] as (number | string)[] }];
const fromHistogram = (r: QuadrantResult) => r.sql.some((s) => /count\(\*\) AS c FROM/.test(s));

function same(app: number | null, ref: number | null, what: string): void {
  if (ref === null) return void expect(app, what).toBeNull();
  expect(app, what).not.toBeNull();
  expect(Math.abs(app! - ref), `${what}: ${app} vs ${ref}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(ref)));
}

function expectSame(h: QuadrantResult, s: QuadrantResult): void {
  expect(h.overall.rows).toBe(s.overall.rows);
  same(h.overall.crosshair?.performance ?? null, s.overall.crosshair?.performance ?? null, 'crosshair performance');
  same(h.overall.crosshair?.importance ?? null, s.overall.crosshair?.importance ?? null, 'crosshair importance');
  h.overall.drivers.forEach((d, i) => {
    const r = s.overall.drivers[i];
    expect(d.n, `${d.column} n`).toBe(r.n);
    expect(d.nImportance, `${d.column} pairs`).toBe(r.nImportance);
    same(d.performance, r.performance, `${d.column} performance`);
    same(d.performanceSd, r.performanceSd, `${d.column} sd`);
    same(d.performanceCI?.[0] ?? null, r.performanceCI?.[0] ?? null, `${d.column} CI`);
    same(d.importance, r.importance, `${d.column} importance`);
    expect(d.zone, `${d.column} zone`).toBe(r.zone);
  });
  expect(h.warnings.map((w) => w.code)).toEqual(s.warnings.map((w) => w.code));
}

const CASES: [string, Omit<QuadrantSpecInput, 'table'>][] = [
  ['pearson, text outcome, per-driver n/a codes, NULLs', { drivers, missing: [0], outcome: { column: 'out come', positive: 'yes' } }],
  ['spearman, text outcome', { drivers, missing: [0], outcome: { column: 'out come', positive: 'yes' }, importance: 'spearman' }],
  ['pearson, integer outcome as is (its range bounded too)', { drivers, missing: [0], outcome: { column: 'score' } }],
  ['spearman, integer outcome, inverted, filter', { drivers, missing: [0], outcome: { column: 'score', invert: true }, importance: 'spearman', where: 'score > 2' }],
  ['pearson, boolean outcome, midpoint crosshair on the observed scale', { drivers, missing: [0], outcome: { column: 'flag' }, crosshair: { type: 'midpoint' } }],
  ['pearson, every value a rating, numeric positive value', { drivers, missing: [], outcome: { column: 'score', positive: 4 }, crosshair: { type: 'median' } }],
];

describe('quadrant: integer-rating histogram = summary SQL', () => {
  for (const [name, spec] of CASES) {
    it(name, async () => {
      const h = await computeQuadrant(engine, { ...spec, table: 'ints' });
      const s = await computeQuadrant(engine, { ...spec, table: 'dbls' });
      expect(fromHistogram(h), 'integer table takes the histogram').toBe(true);
      expect(fromHistogram(s), 'DOUBLE table takes the summary SQL').toBe(false);
      // The ranges came from the table's statistics: no min/max scan.
      expect(h.sql.some((q) => /\bstats\(/.test(q))).toBe(true);
      expect(h.sql.some((q) => /\bmin\(/.test(q))).toBe(false);
      expectSame(h, s);
    });
  }

  it('a text n/a code matches the integer rating as SQL compares it (CAST(c AS VARCHAR))', async () => {
    const spec = { ...CASES[4][1], table: 'ints' };
    const text = await computeQuadrant(engine, { ...spec, drivers: [{ column: 'a', missing: ['0'] }, { column: 'b' }, { column: 'c', missing: ['9', 'x'] }] });
    expect(fromHistogram(text)).toBe(true);
    expectSame(text, await computeQuadrant(engine, spec));
  });

  it('the outcome value: counted by the histogram when present, still warned about when no row holds it', async () => {
    const spec = { ...CASES[0][1], table: 'ints' };
    expect((await computeQuadrant(engine, spec)).warnings.map((w) => w.code)).not.toContain('quadrant.outcomeValueNeverOccurs');
    const none = await computeQuadrant(engine, { ...spec, outcome: { column: 'out come', positive: 'maybe' } });
    expect(fromHistogram(none)).toBe(true);
    expect(none.warnings.find((w) => w.code === 'quadrant.outcomeValueNeverOccurs')?.params).toMatchObject({ column: 'out come', value: 'maybe' });
    // A filter that keeps no "yes" row: the whole table still holds the value, so no warning (as the SQL path says).
    const filtered = await computeQuadrant(engine, { ...spec, where: `${qi('out come')} = 'no'` });
    expect(filtered.warnings.map((w) => w.code)).not.toContain('quadrant.outcomeValueNeverOccurs');
    expectSame(filtered, await computeQuadrant(engine, { ...spec, table: 'dbls', where: `${qi('out come')} = 'no'` }));
  });

  it('a view has no statistics: its ranges are read with min/max, same numbers', async () => {
    const spec = CASES[2][1];
    const v = await computeQuadrant(engine, { ...spec, table: 'ints_view' });
    expect(fromHistogram(v)).toBe(true);
    expect(v.sql.some((q) => /\bmin\(/.test(q))).toBe(true);
    expectSame(v, await computeQuadrant(engine, { ...spec, table: 'dbls' }));
  });

  it('a driver with a wide range (an id) is left to the summary SQL', async () => {
    const spec: QuadrantSpecInput = { table: 'ints', drivers: [{ column: 'a' }, { column: 'id' }], outcome: { column: 'out come', positive: 'yes' } };
    const r = await computeQuadrant(engine, spec);
    expect(fromHistogram(r)).toBe(false);
    expect(r.overall.drivers[1].n).toBe(rows.filter((x) => x.id !== 0).length);
  });
});
