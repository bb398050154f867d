import { describe, expect, it } from 'vitest';
import { meanCI95, quantile, solveLinear, standardizedBetas, tCdf, tQuantile } from '../../shared/analysis/quadrant/stats';
import { regressionBetas } from '../../shared/analysis/quadrant/compute';

describe('quadrant statistics helpers', () => {
  it('t quantiles match published tables', () => {
    // R: qt(0.975, c(1, 2, 10, 30)); df = 1 is also tan(0.475π). df = 1000: the Cornish-Fisher
    // expansion to 1/ν⁴ around qnorm(0.975) = 1.959963984540054 gives 1.9623390808264.
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706204736174707, 9);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.302652729749464, 10);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138851986274, 10);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272456301238, 10);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264, 11);
    expect(tQuantile(0.975, 1)).toBeCloseTo(Math.tan(0.475 * Math.PI), 9);
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959963984540054, 5);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228138851986274, 10);
    expect(tCdf(0, 5)).toBeCloseTo(0.5, 14);
  });

  it('mean CI uses t with n − 1 degrees of freedom, none below n = 2', () => {
    const [lo, hi] = meanCI95(3, 2, 11)!;
    expect(hi - 3).toBeCloseTo((2.228138851986274 * 2) / Math.sqrt(11), 10);
    expect(3 - lo).toBeCloseTo(hi - 3, 12);
    expect(meanCI95(3, null, 1)).toBeNull();
  });

  it('solves linear systems and rejects singular ones', () => {
    expect(solveLinear([[2, 1], [1, 3]], [3, 5])!.map((v) => Number(v.toFixed(12)))).toEqual([0.8, 1.4]);
    expect(solveLinear([[1, 2], [2, 4]], [1, 2])).toBeNull();
  });

  it('standardised betas: two predictors, hand-checked closed form', () => {
    // β1 = (r1y − r12·r2y)/(1 − r12²), β2 = (r2y − r12·r1y)/(1 − r12²): with r12 = 0.5, r1y = 0.6, r2y = 0.3
    // β1 = (0.6 − 0.15)/0.75 = 0.6, β2 = (0.3 − 0.3)/0.75 = 0, R² = 0.6·0.6 = 0.36.
    const b = standardizedBetas([[1, 0.5], [0.5, 1]], [0.6, 0.3])!;
    expect(b.beta[0]).toBeCloseTo(0.6, 14);
    expect(b.beta[1]).toBeCloseTo(0, 14);
    expect(b.r2).toBeCloseTo(0.36, 14);
    // The same from a regressionSql row.
    const row = { c_0_1: 0.5, cy_0: 0.6, cy_1: 0.3 };
    expect(regressionBetas(2, row)!.beta[0]).toBeCloseTo(0.6, 14);
    expect(regressionBetas(2, { c_0_1: null, cy_0: 0.6, cy_1: 0.3 })).toBeNull();
  });

  it('quantile is R type 7', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.5, 0.975)) = 1.1, 3, 9.4
    expect(quantile([10, 1, 3, 2, 4], 0.025)).toBeCloseTo(1.1, 12);
    expect(quantile([10, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([10, 1, 3, 2, 4], 0.975)).toBeCloseTo(9.4, 12);
  });
});
