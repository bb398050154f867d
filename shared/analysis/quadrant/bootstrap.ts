import { replicateImportanceSql, replicatePerformanceSql } from './bootstrapSql';
import type { SqlContext } from './sql';
import { standardizedBetas, quantile } from './stats';
import type { Interval, QuadrantResult } from './result';

type Row = Record<string, number | string | null>;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const groupKey = (overall: unknown, sk: unknown) => (Number(overall) === 1 ? '\u0000all' : String(sk));

/** Replicate values per group and driver: values[group][driver] = one number per replicate. */
type Samples = Map<string, number[][]>;

function push(s: Samples, g: string, p: number, k: number, v: number | null): void {
  let arr = s.get(g);
  if (!arr) s.set(g, (arr = Array.from({ length: p }, () => [])));
  if (v !== null) arr[k].push(v);
}

/**
 * Percentile (2.5%, 97.5%) bootstrap intervals for performance and importance, added to every driver
 * of every group; a driver is flagged when an interval contains the group's (point-estimate) crosshair,
 * i.e. its zone could change under resampling.
 */
export async function addBootstrap(ctx: SqlContext, result: QuadrantResult, run: (s: string) => Promise<Row[]>): Promise<void> {
  const { spec } = ctx;
  const p = spec.drivers.length;
  const perf: Samples = new Map();
  const imp: Samples = new Map();
  for (const r of await run(replicatePerformanceSql(ctx))) {
    const g = groupKey(r.overall, r.sk);
    for (let i = 0; i < p; i++) {
      push(perf, g, p, i, num(r[`perf${i}`]));
      if (spec.importance === 'stated') push(imp, g, p, i, num(r[`imp${i}`]));
    }
  }
  const impSql = replicateImportanceSql(ctx);
  if (impSql) {
    for (const r of await run(impSql)) {
      const g = groupKey(r.overall, r.sk);
      if (spec.importance === 'regression') {
        const beta = betasFromMoments(p, r);
        for (let i = 0; i < p; i++) push(imp, g, p, i, beta ? beta[i] : null);
      } else push(imp, g, p, Number(r.k), num(r.imp));
    }
  }
  const interval = (v: number[] | undefined): Interval | null => {
    if (!v || v.length < 2) return null;
    return [quantile(v, 0.025)!, quantile(v, 0.975)!];
  };
  const inside = (iv: Interval | null, c: number | undefined) => iv !== null && c !== undefined && iv[0] <= c && c <= iv[1];
  for (const grp of [result.overall, ...result.segments]) {
    const k = grp.segment === null ? '\u0000all' : grp.segment;
    grp.drivers.forEach((d, i) => {
      const pci = interval(perf.get(k)?.[i]);
      const ici = interval(imp.get(k)?.[i]);
      d.bootstrap = {
        performanceCI: pci,
        importanceCI: ici,
        crossesPerformance: inside(pci, grp.crosshair?.performance),
        crossesImportance: inside(ici, grp.crosshair?.importance),
      };
    });
  }
}

/** Standardised betas of one replicate from its weighted raw moments (index p = the outcome). */
function betasFromMoments(p: number, r: Row): number[] | null {
  const sw = num(r.sw);
  if (!sw) return null;
  const m = (i: number) => num(r[`s_${i}`])! / sw;
  const cov = (i: number, j: number) => num(r[`s_${Math.min(i, j)}_${Math.max(i, j)}`])! / sw - m(i) * m(j);
  const sd = Array.from({ length: p + 1 }, (_, i) => Math.sqrt(Math.max(cov(i, i), 0)));
  if (sd.some((v) => !(v > 0))) return null;
  const corr = (i: number, j: number) => cov(i, j) / (sd[i] * sd[j]);
  const rxx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : corr(i, j))));
  const rxy = Array.from({ length: p }, (_, i) => corr(i, p));
  return standardizedBetas(rxx, rxy)?.beta ?? null;
}
