import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { qi, qv } from '../../shared/engine/sqlQuote';
import { computeQuadrant } from '../../shared/analysis/quadrant/compute';
import type { QuadrantSpecInput } from '../../shared/analysis/quadrant/spec';

/** Independent references in plain TS (two-pass formulas, no SQL). */
const avg = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
function sd(v: number[]): number {
  const m = avg(v);
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}
function pearson(x: number[], y: number[]): number {
  const mx = avg(x);
  const my = avg(y);
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * (y[i] - my);
    sxx += (xi - mx) ** 2;
    syy += (y[i] - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}
/** Average ranks (ties share the mean of their positions), as scipy.stats.rankdata. */
function ranks(v: number[]): number[] {
  const idx = v.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1][0] === idx[i][0]) j++;
    for (let k = i; k <= j; k++) r[idx[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}
/** OLS with intercept by the normal equations on raw data, then β_j·sd_j/sd_y. */
function olsStandardized(X: number[][], y: number[]): number[] {
  const p = X[0].length + 1;
  const rows = X.map((r) => [1, ...r]);
  const A = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + r[i] * r[j], 0)));
  const b = Array.from({ length: p }, (_, i) => rows.reduce((s, r, k) => s + r[i] * y[k], 0));
  for (let c = 0; c < p; c++) {
    for (let r = c + 1; r < p; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k < p; k++) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  const coef = new Array<number>(p).fill(0);
  for (let r = p - 1; r >= 0; r--) coef[r] = (b[r] - A[r].slice(r + 1).reduce((s, a, k) => s + a * coef[r + 1 + k], 0)) / A[r][r];
  const sy = sd(y);
  return coef.slice(1).map((c, j) => (c * sd(X.map((r) => r[j]))) / sy);
}
function close(app: number | null | undefined, ref: number, what: string): void {
  expect(app, what).not.toBeNull();
  expect(Math.abs(app! - ref), `${what}: ${app} vs ${ref}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref)));
}

/** Deterministic survey: a, b, c ratings 1..5 with 0 = n/a (c uses 9 for n/a), NULLs, text outcome, segments. */
interface Row { id: number; a: number | null; b: number | null; c: number | null; ia: number; ib: number; ic: number; out: string | null; score: number; seg: string | null }
function survey(n: number): Row[] {
  let s = 12345;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const rating = () => 1 + Math.floor(rnd() * 5);
  return Array.from({ length: n }, (_, id) => {
    const a = rnd() < 0.1 ? 0 : rating();
    const b = rnd() < 0.05 ? null : rating();
    const c = rnd() < 0.08 ? 9 : rating();
    const latent = (a || 3) * 0.8 + (b ?? 3) * 0.3 + (c === 9 ? 3 : c) * 0.1 + rnd() * 3;
    return { id, a, b, c, ia: rating(), ib: rnd() < 0.1 ? 0 : rating(), ic: rating(), out: rnd() < 0.03 ? null : latent > 4.5 ? 'yes' : 'no', score: Math.round(latent * 10) / 10, seg: rnd() < 0.05 ? null : rnd() < 0.5 ? 'A' : 'B' };
  });
}

let engine: WasmNodeEngine;
const rows = survey(600);
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  const cols = Object.keys(rows[0]) as (keyof Row)[];
  await engine.query(`CREATE TABLE ${qi('survey t')} (id INTEGER, a INTEGER, b INTEGER, c INTEGER, ia INTEGER, ib INTEGER, ic INTEGER, ${qi('out come')} VARCHAR, score DOUBLE, seg VARCHAR)`);
  await engine.query(`INSERT INTO ${qi('survey t')} VALUES ${rows.map((r) => `(${cols.map((k) => qv(r[k])).join(', ')})`).join(', ')}`);
});
afterAll(() => engine.close());

const base: QuadrantSpecInput = {
  table: 'survey t',
  drivers: [{ column: 'a', label: 'Rating A' }, { column: 'b' }, { column: 'c', missing: [9] }],
  missing: [0],
  outcome: { column: 'out come', positive: 'yes' },
};
const valid = (r: Row, k: 'a' | 'b' | 'c') => r[k] !== null && (k === 'c' ? r[k] !== 9 : r[k] !== 0);

describe('quadrant methods on a generated survey (real duckdb-wasm, independent TS references)', () => {
  it('missing values: per-driver n/a codes and NULLs are dropped pairwise; NULL outcomes only leave the importance', async () => {
    const r = await computeQuadrant(engine, base);
    for (const [i, k] of (['a', 'b', 'c'] as const).entries()) {
      const d = r.overall.drivers[i];
      const perf = rows.filter((x) => valid(x, k)).map((x) => x[k]!);
      const pairs = rows.filter((x) => valid(x, k) && x.out !== null);
      expect(d.n).toBe(perf.length);
      expect(d.nImportance).toBe(pairs.length);
      expect(d.nImportance).toBeLessThan(d.n);
      close(d.performance, avg(perf), `${k} mean`);
      close(d.performanceSd, sd(perf), `${k} sd`);
      close(d.importance, pearson(pairs.map((x) => x[k]!), pairs.map((x) => (x.out === 'yes' ? 1 : 0))), `${k} r`);
    }
    expect(r.overall.drivers[0].label).toBe('Rating A');
    // c keeps 0 as a rating only if it had zeros: its own list (9) replaces the default (0).
    expect(r.overall.drivers[2].n).toBe(rows.filter((x) => x.c !== 9).length);
  });

  it('Spearman: average ranks for ties over the pairwise-complete rows', async () => {
    const r = await computeQuadrant(engine, { ...base, importance: 'spearman' });
    for (const [i, k] of (['a', 'b', 'c'] as const).entries()) {
      const pairs = rows.filter((x) => valid(x, k) && x.out !== null);
      close(r.overall.drivers[i].importance, pearson(ranks(pairs.map((x) => x[k]!)), ranks(pairs.map((x) => (x.out === 'yes' ? 1 : 0)))), `${k} rho`);
    }
  });

  it('regression: standardised coefficients on the complete rows equal OLS on raw data (listwise)', async () => {
    const r = await computeQuadrant(engine, { ...base, importance: 'regression', outcome: { column: 'score' } });
    const complete = rows.filter((x) => valid(x, 'a') && valid(x, 'b') && valid(x, 'c'));
    const beta = olsStandardized(complete.map((x) => [x.a!, x.b!, x.c!]), complete.map((x) => x.score));
    r.overall.drivers.forEach((d, i) => {
      close(d.importance, beta[i], `beta ${d.column}`);
      expect(d.nImportance).toBe(complete.length);
    });
    expect(r.overall.regression!.n).toBe(complete.length);
    expect(r.overall.regression!.r2).toBeGreaterThan(0.3);
    // Performance stays pairwise.
    expect(r.overall.drivers[0].n).toBe(rows.filter((x) => valid(x, 'a')).length);
  });

  it('regression, hand-checked: uncorrelated drivers and y = 2·x1 + x2 give β = 2/√5 and 1/√5', async () => {
    await engine.query(`CREATE TABLE fact AS SELECT 1 + i % 4 AS x1, 1 + (i // 4) % 4 AS x2, 2 * (1 + i % 4) + (1 + (i // 4) % 4) AS y FROM range(32) r(i)`);
    const r = await computeQuadrant(engine, { table: 'fact', drivers: [{ column: 'x1' }, { column: 'x2' }], outcome: { column: 'y' }, importance: 'regression' });
    close(r.overall.drivers[0].importance, 2 / Math.sqrt(5), 'beta x1');
    close(r.overall.drivers[1].importance, 1 / Math.sqrt(5), 'beta x2');
    close(r.overall.regression!.r2, 1, 'R²');
    await expect(
      computeQuadrant(engine, { table: 'fact', drivers: [{ column: 'x1' }, { column: 'x1', label: 'again' }], outcome: { column: 'y' }, importance: 'regression' }),
    ).rejects.toMatchObject({ code: 'quadrant.badSpec' });
  });

  it('segments: each equals the analysis filtered to that segment; NULL segment rows stay in the overall only', async () => {
    const r = await computeQuadrant(engine, { ...base, importance: 'spearman', segment: 'seg' });
    expect(r.segments.map((g) => g.segment)).toEqual(['A', 'B']);
    expect(r.overall.rows).toBe(rows.length);
    expect(r.segments[0].rows + r.segments[1].rows).toBe(rows.filter((x) => x.seg !== null).length);
    for (const g of r.segments) {
      const f = await computeQuadrant(engine, { ...base, importance: 'spearman', where: `seg = ${qv(g.segment)}` });
      expect(g.rows).toBe(f.overall.rows);
      close(g.crosshair!.importance, f.overall.crosshair!.importance, 'segment crosshair');
      g.drivers.forEach((d, i) => {
        expect(d.n).toBe(f.overall.drivers[i].n);
        close(d.importance, f.overall.drivers[i].importance!, `${g.segment} ${d.column}`);
        close(d.performance, f.overall.drivers[i].performance!, `${g.segment} ${d.column} perf`);
        expect(d.zone).toBe(f.overall.drivers[i].zone);
      });
    }
  });

  it('stated importance: mean of each driver’s importance column, its n/a codes excluded', async () => {
    const r = await computeQuadrant(engine, {
      ...base,
      outcome: undefined,
      importance: 'stated',
      drivers: [{ column: 'a', importanceColumn: 'ia' }, { column: 'b', importanceColumn: 'ib' }, { column: 'c', importanceColumn: 'ic', missing: [9] }],
    });
    const ib = rows.filter((x) => x.ib !== 0).map((x) => x.ib);
    close(r.overall.drivers[1].importance, avg(ib), 'stated b');
    expect(r.overall.drivers[1].nImportance).toBe(ib.length);
    close(r.overall.drivers[0].importance, avg(rows.map((x) => x.ia)), 'stated a');
  });

  it('crosshairs: median, scale midpoint, custom; inverted outcome flips the importance', async () => {
    const mean = await computeQuadrant(engine, base);
    const imps = mean.overall.drivers.map((d) => d.importance!).sort((x, y) => x - y);
    const perfs = mean.overall.drivers.map((d) => d.performance!).sort((x, y) => x - y);
    const med = await computeQuadrant(engine, { ...base, crosshair: { type: 'median' } });
    expect(med.overall.crosshair).toEqual({ performance: perfs[1], importance: imps[1] });
    const mid = await computeQuadrant(engine, { ...base, crosshair: { type: 'midpoint' } });
    expect(mid.overall.crosshair!.performance).toBe(3); // valid ratings span 1..5
    close(mid.overall.crosshair!.importance, (imps[0] + imps[2]) / 2, 'importance midpoint');
    const custom = await computeQuadrant(engine, { ...base, crosshair: { type: 'custom', performance: 1, importance: -1 } });
    expect(custom.overall.drivers.every((d) => d.zone === 'keep')).toBe(true);
    const inv = await computeQuadrant(engine, { ...base, outcome: { column: 'out come', positive: 'yes', invert: true } });
    inv.overall.drivers.forEach((d, i) => close(d.importance, -mean.overall.drivers[i].importance!, 'inverted'));
  });

  it('bootstrap: seeded and reproducible, percentile intervals around the estimates, crossing flags', async () => {
    const spec = { ...base, bootstrap: { resamples: 60, seed: 7 } };
    const r1 = await computeQuadrant(engine, spec);
    const r2 = await computeQuadrant(engine, spec);
    const r3 = await computeQuadrant(engine, { ...spec, bootstrap: { resamples: 60, seed: 8 } });
    expect(r1.overall.drivers.map((d) => d.bootstrap)).toEqual(r2.overall.drivers.map((d) => d.bootstrap));
    expect(r1.overall.drivers.map((d) => d.bootstrap)).not.toEqual(r3.overall.drivers.map((d) => d.bootstrap));
    for (const d of r1.overall.drivers) {
      const b = d.bootstrap!;
      expect(b.performanceCI![0]).toBeLessThan(d.performance!);
      expect(b.performanceCI![1]).toBeGreaterThan(d.performance!);
      expect(b.importanceCI![0]).toBeLessThan(d.importance!);
      expect(b.importanceCI![1]).toBeGreaterThan(d.importance!);
      // Percentile width close to the t interval's (same sampling error, 60 resamples).
      const ratio = (b.performanceCI![1] - b.performanceCI![0]) / (d.performanceCI![1] - d.performanceCI![0]);
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.5);
      const c = r1.overall.crosshair!;
      expect(b.crossesImportance).toBe(b.importanceCI![0] <= c.importance && c.importance <= b.importanceCI![1]);
    }
  });

  it('reports user errors with codes', async () => {
    await expect(computeQuadrant(engine, { ...base, drivers: [{ column: 'nope' }] })).rejects.toMatchObject({ code: 'quadrant.noColumn', column: 'nope' });
    await expect(computeQuadrant(engine, { ...base, outcome: { column: 'out come' } })).rejects.toMatchObject({ code: 'quadrant.outcomeValue' });
    await expect(computeQuadrant(engine, { ...base, drivers: [{ column: 'seg' }] })).rejects.toMatchObject({ code: 'quadrant.notNumeric' });
    await expect(computeQuadrant(engine, { ...base, where: 'a >>> 1' })).rejects.toMatchObject({ code: 'quadrant.where' });
    const f = await computeQuadrant(engine, { ...base, where: 'a > 2 OR a = 0' });
    expect(f.overall.drivers[0].n).toBe(rows.filter((x) => x.a! > 2).length);
  });
});
