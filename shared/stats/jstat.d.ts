// Minimal typings for the parts of jstat the tests use as an independent cross-check.
declare module 'jstat' {
  export const jStat: {
    normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
    chisquare: { cdf(x: number, df: number): number };
    gammaln(x: number): number;
  };
  const _default: { jStat: typeof jStat };
  export default _default;
}
