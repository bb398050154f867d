import { qn } from '../../engine/sqlQuote';
import { baseSql, groupClauses, spearmanSql, weightedPearsonSql, xCol, zCol, type SqlContext } from './sql';

/**
 * Seeded Poisson bootstrap, all in SQL. Each replicate b gives every row a weight w ~ Poisson(1)
 * drawn from hash(rowid, seed, b): reproducible for a given table, seed and DuckDB version, no
 * random state, no resampled copies. Cost: rows × resamples rows are scanned (opt-in).
 */

/** Upper cumulative bounds of Poisson(1) for k = 0..9 (the tail beyond 9 has mass < 1e-7). */
function poissonCaseSql(u: string): string {
  const arms: string[] = [];
  let p = Math.exp(-1);
  let cum = p;
  for (let k = 0; k < 9; k++) {
    arms.push(`WHEN ${u} < ${qn(cum)} THEN ${k}`);
    p /= k + 1;
    cum += p;
  }
  return `CASE ${arms.join(' ')} ELSE 9 END`;
}

/**
 * Weighted rows: the base rows × replicates 0..B−1 with their Poisson weights (w = 0 dropped).
 * u is hashed from one BIGINT (rowid·8192 + b, unique as b < 8192) and re-hashed with the seed:
 * DuckDB's multi-argument hash(a, b, c) combines its inputs too weakly (replicate sums came out
 * with half the variance they should have), single-value hash mixes well (checked: sums over
 * 26k rows × 400 replicates have the sd of independent uniforms).
 */
export function replicateSource(ctx: SqlContext): string {
  const bs = ctx.spec.bootstrap;
  if (!bs) throw new Error('bootstrap not requested');
  const u = `(hash(xor(hash(s.rid * 8192 + r.b), ${qn(bs.seed)}::UBIGINT)) >> 11)::DOUBLE / 9007199254740992.0`;
  const reps = `(SELECT range AS b FROM range(${qn(bs.resamples)})) r`;
  return `SELECT * EXCLUDE (rid, u), ${poissonCaseSql('u')} AS w FROM (SELECT r.b, s.*, ${u} AS u FROM (${baseSql(ctx, { rowId: true })}) s CROSS JOIN ${reps}) WHERE u >= ${qn(Math.exp(-1))}`;
}

/** Per replicate and group: weighted mean rating per driver (n<i>, perf<i>), and the stated mean (imp<i>). */
export function replicatePerformanceSql(ctx: SqlContext): string {
  const { spec } = ctx;
  const g = groupClauses(spec, ['b']);
  const aggs: string[] = [];
  spec.drivers.forEach((_, i) => {
    aggs.push(`sum(w * ${xCol(i)}) / sum(w) FILTER (WHERE ${xCol(i)} IS NOT NULL) AS perf${i}`);
    if (spec.importance === 'stated') aggs.push(`sum(w * ${zCol(i)}) / sum(w) FILTER (WHERE ${zCol(i)} IS NOT NULL) AS imp${i}`);
  });
  return `SELECT ${g.select}, ${aggs.join(', ')} FROM (${replicateSource(ctx)}) ${g.groupBy} ${g.having} ORDER BY overall DESC, sk, b`;
}

/**
 * Per replicate and group, importance input: rows (k, overall, sk, b, imp) for Pearson/Spearman;
 * for regression the weighted raw moments of the complete rows (solved per replicate in TS).
 */
export function replicateImportanceSql(ctx: SqlContext): string | null {
  const { spec } = ctx;
  if (spec.importance === 'pearson') return weightedPearsonSql(ctx, replicateSource(ctx), { replicate: true });
  if (spec.importance === 'spearman') return spearmanSql(ctx, replicateSource(ctx), { replicate: true });
  if (spec.importance !== 'regression') return null;
  const p = spec.drivers.length;
  const g = groupClauses(spec, ['b']);
  const v = (i: number) => (i === p ? 'y' : xCol(i));
  const aggs = ['sum(w) AS sw'];
  for (let i = 0; i <= p; i++) {
    aggs.push(`sum(w * ${v(i)}) AS s_${i}`);
    for (let j = i; j <= p; j++) aggs.push(`sum(w * ${v(i)} * ${v(j)}) AS s_${i}_${j}`);
  }
  const complete = [...spec.drivers.map((_, i) => `${xCol(i)} IS NOT NULL`), 'y IS NOT NULL'].join(' AND ');
  return `SELECT ${g.select}, ${aggs.join(', ')} FROM (${replicateSource(ctx)}) WHERE ${complete} ${g.groupBy} ${g.having} ORDER BY overall DESC, sk, b`;
}
