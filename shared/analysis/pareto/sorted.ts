import { DENSE_GROUP_BITS, type QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { qi } from '../../engine/sqlQuote';
import { newInternalTable } from '../../engine/internalTables';
import { requireGroupCount } from './groupCount';
import { THRESHOLD_DENOM, thresholdNumerator, type ParetoSpec } from './spec';
import {
  blockSumsSql, blocksValuesSql, keyStatsSql, quickProbeSql, sampleScaleSql, sortedBinsSql, sortedGroupsSql, sortedSummarySql, sortedTableSql, BLOCK,
} from './sortedSql';
import type { RawBin, RawClass, RawGroup, RawProbe, RawSummary } from './stats';
import { MAX_SCALE, MAX_SCALED, chooseMode, type TypedValue, type ValueMode } from './valueMode';

/**
 * The exact Pareto without windows over all customers. The old path (sql.ts rankedSql) probed every
 * row for its decimal places, then ran row_number and a running HUGEINT sum over every customer;
 * here the scale is guessed from a sample and proved for all rows in one plain scan, the customers
 * are summed and sorted once, and each statistic is an aggregate over the sorted table. The 80% / 95%
 * ranks come from exact block sums (BigInt in JS) and one block of values each; classes are rank
 * ranges because the cumulative sum only falls after the last positive customer, and then never
 * below the total. Results equal the old path's (the golden tests run both ways).
 */

export type ExactMode = ValueMode & { exact: true };

export interface QuickMode {
  mode: ExactMode;
  probe: RawProbe;
  /** Σ|v| over the used rows (a float estimate; bounds every sum of units). */
  sumAbs: number;
}

/**
 * The value mode from a sample and one checking scan, or null when the sample is not decisive (some
 * row is not a whole number of units at the sample's scale, a non-finite value, more decimals than
 * MAX_SCALE): the caller then runs the full per-row probe (resolveValueMode), which also reports
 * infinities and chooses the float fallback.
 */
export async function quickMode(engine: QueryEngine, spec: ParetoSpec, typed: TypedValue): Promise<QuickMode | null> {
  let scale: number | null = null;
  if (typed === 'float') {
    scale = toRows<{ s: number | null }>(await engine.query(sampleScaleSql(spec)))[0]?.s ?? 0;
    if (scale > MAX_SCALE) return null;
  }
  const p = toRows<RawProbe & { sum_abs: number | null; max_units?: number | null; worst?: number | null }>(await engine.query(quickProbeSql(spec, scale)))[0];
  // passesAtScale for every row, with room to spare (NaN and infinities fail both tests): else the full probe.
  if (scale !== null && p.max_units != null && !(p.max_units <= MAX_SCALED && (p.worst ?? 0) <= 2 ** -21)) return null;
  const sumAbs = p.sum_abs ?? 0;
  // Every used row is a whole number of 10^-scale units, so the per-row minimum scale is at most
  // `scale`, and the sample shows it is at least `scale`: the full probe would choose the same.
  const mode = chooseMode(typed, { minScale: scale, maxAbs: null, sumAbs });
  if (!mode.exact) return null;
  return { mode, probe: { rows: p.rows, null_ids: p.null_ids, null_values: p.null_values }, sumAbs };
}

export interface SortedRaw {
  mode: ExactMode;
  summary: RawSummary;
  classes: RawClass[];
  groups: RawGroup[];
  bins: RawBin[];
}

const big = (x: unknown): bigint => BigInt(String(x ?? 0));

/** Build the sorted per-customer table and read every statistic of the Pareto result from it. */
export async function sortedPareto(engine: QueryEngine, spec: ParetoSpec, quick: QuickMode): Promise<SortedRaw> {
  let mode = quick.mode;
  // Units summed as doubles are exact while every partial sum stays below 2^53 (margin: 2^52 over an estimate).
  const doubleSums = mode.kind === 'scaled' && quick.sumAbs * 10 ** mode.scale < 2 ** 52;
  const tmp = qi(newInternalTable('pareto'));
  try {
    const dense = (await denseKey(engine, spec, quick.probe.rows)) ? engine.queryDenseGroups!.bind(engine) : null;
    const create = async (m: ExactMode) => {
      if (dense) {
        try {
          // A plain table: the dense connection's TEMP tables would be invisible to every later query.
          return await dense(sortedTableSql(tmp, spec, m, doubleSums, false));
        } catch (err) {
          // A TEMP source table, which that connection cannot see: the usual way decides. Anything
          // else (a cancel above all) stands.
          if (!/Catalog Error|does not exist/i.test((err as Error).message)) throw err;
          await engine.query(`DROP TABLE IF EXISTS ${tmp}`);
        }
      }
      return engine.query(sortedTableSql(tmp, spec, m, doubleSums));
    };
    let created;
    try {
      created = await create(mode);
    } catch (err) {
      // A customer total beyond BIGINT (the estimate said it fits): the CAST refuses, never wraps.
      // Only that is retried wider; a cancel or any other error stands.
      if (mode.int !== 'BIGINT' || !/out of range|overflow|conversion/i.test((err as Error).message)) throw err;
      mode = { ...mode, int: 'HUGEINT' };
      await engine.query(`DROP TABLE IF EXISTS ${tmp}`);
      created = await create(mode);
    }
    // CREATE TABLE … AS answers with the number of rows it wrote (the customers).
    let n = Number(toRows<{ Count?: number; count?: number }>(created).map((x) => x.Count ?? x.count)[0] ?? NaN);
    if (!Number.isFinite(n)) n = Number(toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${tmp}`))[0].n);
    const empty: RawSummary = {
      n: null, total: null, top20: null, k80: null, k95: null, gini_num: null, neg_count: 0, neg_sum: 0, zero_count: 0,
      peak_cum: null, peak_k: null, max_u: null, min_u: null, multi_group: 0,
    };
    if (n === 0) return { mode, summary: empty, classes: [], groups: [], bins: [] };
    if (spec.group) await requireGroupCount(engine, tmp, spec.group);
    type Sum = Omit<RawSummary, 'total' | 'n' | 'k80' | 'k95' | 'peak_cum' | 'peak_k'> & { total: string; pos_count: number; pos_sum: number };
    const s = toRows<Sum>(await engine.query(sortedSummarySql(tmp, n, !!spec.group)))[0];
    const total = big(s.total);
    const summary: RawSummary = { ...s, n, total: Number(total), k80: null, k95: null, peak_cum: s.pos_sum, peak_k: s.pos_count };
    if (total <= 0n) return { mode, summary, classes: [], groups: [], bins: [] };

    const blocks = toRows<{ blk: number; s: string }>(await engine.query(blockSumsSql(tmp))).map((b) => big(b.s));
    const [a, b] = await reachRanks(engine, tmp, blocks, [spec.a, spec.b].map((share) => BigInt(thresholdNumerator(share))), total);
    summary.k80 = a.k;
    summary.k95 = b.k;
    const classes: RawClass[] = [
      { class: 'A', count: a.k, value: Number(a.cum) },
      { class: 'B', count: b.k - a.k, value: Number(b.cum - a.cum) },
      { class: 'C', count: n - b.k, value: Number(total - b.cum) },
    ];

    let cum = 0n;
    const bins: RawBin[] = toRows<Omit<RawBin, 'value' | 'cum_end'> & { value: string }>(await engine.query(sortedBinsSql(tmp, n, spec.chart.bins))).map((row) => {
      const v = big(row.value);
      cum += v;
      return { ...row, value: Number(v), cum_end: Number(cum) };
    });
    const groups = spec.group ? toRows<RawGroup>(await engine.query(sortedGroupsSql(tmp, a.k, b.k))) : [];
    return { mode, summary, classes, groups, bins };
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${tmp}`).catch(() => undefined);
  }
}

const INTEGER_KEY = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT)$/;

/**
 * Whether the per-customer GROUP BY may run on the engine's perfect-hash connection
 * (QueryEngine.queryDenseGroups): an integer customer key whose range in DuckDB's own statistics
 * (what the aggregate sizes its table by) fits DENSE_GROUP_BITS with the NULL slot, and is at most
 * 4 slots per row, so sparse ids never get a table far larger than the data. The threshold itself
 * bounds the table: 2^22 slots of one sum per thread. Groups need count(DISTINCT), which the
 * perfect-hash aggregate does not take.
 */
async function denseKey(engine: QueryEngine, spec: ParetoSpec, rows: number): Promise<boolean> {
  if (!engine.queryDenseGroups || spec.group || spec.customer === null) return false;
  const r = toRows<{ t: string; s: string }>(await engine.query(keyStatsSql(spec)))[0];
  const m = r && INTEGER_KEY.test(r.t) ? /^\[Min: (-?\d+), Max: (-?\d+)\]/.exec(r.s) : null;
  if (!m) return false;
  const slots = BigInt(m[2]) - BigInt(m[1]) + 2n;
  return slots <= 2n ** BigInt(DENSE_GROUP_BITS) && slots <= 4n * BigInt(rows);
}

/**
 * For each goal p, the first rank k whose cumulative sum reaches p/10^6 of the total (d·cum ≥ p·total,
 * exact), and that sum: the block where it happens from the block sums, then the values of those
 * blocks (one statement for every goal).
 */
async function reachRanks(engine: QueryEngine, tmp: string, blocks: bigint[], ps: bigint[], total: bigint): Promise<{ k: number; cum: bigint }[]> {
  const d = BigInt(THRESHOLD_DENOM);
  const where = ps.map((p) => {
    const goal = p * total;
    let before = 0n;
    for (let j = 0; j < blocks.length; j++) {
      if (d * (before + blocks[j]) >= goal) return { goal, blk: j, before };
      before += blocks[j];
    }
    // Unreachable while total > 0 and p ≤ 10^6 (the last rank's sum is the total).
    throw new Error(`Pareto: no rank reaches ${p}/${d} of the total`);
  });
  const values = toRows<{ r: number; u: string }>(await engine.query(blocksValuesSql(tmp, [...new Set(where.map((w) => w.blk))])));
  return where.map(({ goal, blk, before }) => {
    let cum = before;
    for (const v of values) {
      const r = Number(v.r);
      if (r < blk * BLOCK || r >= (blk + 1) * BLOCK) continue;
      cum += big(v.u);
      if (d * cum >= goal) return { k: r + 1, cum };
    }
    throw new Error(`Pareto: no rank reaches ${goal}/${d}·total in block ${blk}`);
  });
}
