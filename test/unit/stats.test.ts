import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jStat } from 'jstat';
import { qnorm, zForLevel } from '../../shared/stats/normal';
import { chiSquareUpper } from '../../shared/stats/chisq';
import { lgamma, logUpperGamma } from '../../shared/stats/gamma';
import { solve } from '../../shared/stats/linalg';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('normal quantile (AS 241, as R)', () => {
  it('gives R’s z for 95% and other known quantiles', () => {
    expect(Math.abs(zForLevel(0.95) - 1.959963984540054)).toBeLessThan(5e-16); // R: qnorm(0.975)
    expect(qnorm(0.5)).toBe(0);
    expect(qnorm(0.025)).toBeCloseTo(-1.959963984540054, 15);
    expect(qnorm(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(qnorm(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(qnorm(0)).toBe(-Infinity);
    expect(Number.isNaN(qnorm(1.5))).toBe(true);
  });

  it('agrees with jstat’s inverse normal and inverts the normal cdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }), (p) => {
        // jstat's own inverse is only good to ~1e-6 in the tails: a loose cross-check
        expect(Math.abs(qnorm(p) - jStat.normal.inv(p, 0, 1))).toBeLessThan(1e-5);
        expect(Math.abs(jStat.normal.cdf(qnorm(p), 0, 1) - p)).toBeLessThan(1e-9 * Math.max(p, 1e-3));
      }),
    );
  });
});

describe('chi-square upper tail in log space', () => {
  it('2 df has the closed form exp(−x/2): the Telco log-rank χ² gives log10 p = −510.92', () => {
    const r = chiSquareUpper(2352.87253825934, 2);
    expect(r.p).toBe(0);
    expect(rel(r.log10p, -510.919779993864)).toBeLessThan(1e-12);
    for (const x of [0.1, 1, 5, 30, 200]) expect(rel(chiSquareUpper(x, 2).p, Math.exp(-x / 2))).toBeLessThan(1e-13);
  });

  it('4 df: Q = exp(−x/2)(1 + x/2) even far past underflow', () => {
    for (const x of [0.5, 3, 40, 5000, 1e5]) {
      const want = -x / 2 + Math.log1p(x / 2);
      expect(rel(chiSquareUpper(x, 4).logp, want)).toBeLessThan(1e-12);
    }
  });

  it('1 df: p of χ² = 1 and 3.84 (R pchisq)', () => {
    expect(chiSquareUpper(1, 1).p).toBeCloseTo(0.3173105078629141, 14);
    expect(chiSquareUpper(3.841458820694124, 1).p).toBeCloseTo(0.05, 13);
  });

  it('matches jstat on ordinary values for many df', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.01, max: 80, noNaN: true }), (df, x) => {
        const want = 1 - jStat.chisquare.cdf(x, df);
        if (want > 1e-6) expect(Math.abs(chiSquareUpper(x, df).p - want)).toBeLessThan(1e-9);
      }),
    );
  });

  it('stays finite and decreasing for huge statistics on any df', () => {
    for (const df of [1, 3, 7, 25]) {
      const a = chiSquareUpper(4000, df).log10p;
      const b = chiSquareUpper(5000, df).log10p;
      expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
      expect(b).toBeLessThan(a);
    }
    expect(chiSquareUpper(0, 3).p).toBe(1);
  });

  it('lgamma and the incomplete gamma agree with known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 14);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(rel(lgamma(101), jStat.gammaln(101))).toBeLessThan(1e-12);
    expect(logUpperGamma(1, 3)).toBeCloseTo(-3, 14);
  });
});

describe('small linear solve', () => {
  it('solves a pivoting system and rejects a singular one', () => {
    const x = solve([[0, 2], [3, 1]], [4, 5]);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(2, 14);
    expect(() => solve([[1, 2], [2, 4]], [1, 2])).toThrow(/singular/);
  });
});
