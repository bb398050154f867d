import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { qf, qi } from '../../engine/sqlQuote';
import { TenureError } from '../../errors';
import { listValues, warning, type AnalysisWarning } from '../warnings';
import { positiveCond, type SqlContext } from './sql';
import type { GroupResult } from './result';
import type { QuadrantSpec } from './spec';

/** Most segments a quadrant is drawn for (one chart and one table each). */
export const MAX_SEGMENTS = 50;

/** Refuse a segment column with too many values before any per-segment statistic (one count). */
export async function requireSegmentCount(engine: QueryEngine, ctx: SqlContext): Promise<void> {
  const { spec } = ctx;
  if (!spec.segment) return;
  const where = spec.where?.trim() ? ` WHERE ${qf(spec.where)}` : '';
  const [c] = toRows<{ n: number }>(await engine.query(`SELECT count(DISTINCT CAST(${qi(spec.segment)} AS VARCHAR)) AS n FROM ${qi(spec.table)}${where}`));
  if (c.n > MAX_SEGMENTS) {
    throw new TenureError('quadrant.tooManySegments', `"${spec.segment}" has ${c.n} values; a quadrant per segment needs ${MAX_SEGMENTS} or fewer`, {
      column: spec.segment,
      params: { segment: spec.segment, count: c.n, max: MAX_SEGMENTS },
    });
  }
}

/** Most row visits a bootstrap may make (rows × resamples): the default 200 resamples fit 500,000 rows. */
export const MAX_BOOTSTRAP_WORK = 100_000_000;

/** Refuse a bootstrap whose rows × resamples exceed the budget, before any replicate runs. */
export function requireBootstrapBudget(spec: QuadrantSpec, rows: number): void {
  const resamples = spec.bootstrap?.resamples ?? 0;
  if (rows * resamples <= MAX_BOOTSTRAP_WORK) return;
  const most = Math.max(0, Math.floor(MAX_BOOTSTRAP_WORK / Math.max(1, rows)));
  throw new TenureError('quadrant.bootstrapTooLarge', `${resamples} resamples of ${rows} rows is more than the bootstrap's budget of ${MAX_BOOTSTRAP_WORK} row visits; use at most ${most} resamples or filter the rows`, {
    params: { resamples, rows, max: MAX_BOOTSTRAP_WORK, most },
  });
}

/**
 * The outcome's "means 1" value when no row holds it: every outcome is 0 and no importance means anything.
 * `seen`: rows of the whole table already known to hold it (the histogram counted them), so no scan is needed.
 */
export async function outcomeWarnings(engine: QueryEngine, ctx: SqlContext, seen = 0): Promise<AnalysisWarning[]> {
  const o = ctx.spec.outcome;
  const cond = o && ctx.outcomeKind ? positiveCond(ctx.spec, ctx.outcomeKind) : null;
  if (!o || cond === null || seen > 0) return [];
  const col = qi(o.column);
  const [r] = toRows<{ hit: number; k: number }>(await engine.query(`SELECT count(*) FILTER (WHERE ${cond}) AS hit, count(DISTINCT ${col}) AS k FROM ${qi(ctx.spec.table)}`));
  if (r.hit) return [];
  const held = toRows<{ v: string }>(
    await engine.query(`SELECT CAST(${col} AS VARCHAR) AS v FROM ${qi(ctx.spec.table)} WHERE ${col} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`),
  ).map((x) => x.v);
  const values = held.length ? listValues(held, r.k) : '—';
  return [
    warning('quadrant.outcomeValueNeverOccurs', `The outcome value "${o.positive}" never occurs in column "${o.column}" (it holds ${values}): every outcome is 0 and importance cannot be measured`, {
      column: o.column,
      value: String(o.positive),
      values,
    }),
  ];
}

/** The "not applicable" codes of some drivers (each its own, else the spec's), for a message. */
function naCodes(spec: QuadrantSpec, columns: string[]): string {
  const codes = new Set(spec.drivers.filter((d) => columns.includes(d.column)).flatMap((d) => d.missing ?? spec.missing));
  return codes.size ? [...codes].join(', ') : '—';
}

/** Empty or degenerate overall results: no rows, no valid rating at all or for some drivers, no importance. */
export function resultWarnings(spec: QuadrantSpec, overall: GroupResult): AnalysisWarning[] {
  if (!overall.rows) return [warning('quadrant.noRows', 'No row is analysed (after the filter)')];
  const empty = overall.drivers.filter((d) => d.n === 0);
  const codes = naCodes(spec, empty.map((d) => d.column));
  if (empty.length === overall.drivers.length) {
    return [warning('quadrant.noRatings', `None of the ${overall.rows} rows has a valid rating (values ${codes} count as not applicable)`, { rows: overall.rows, codes })];
  }
  const out: AnalysisWarning[] = [];
  if (empty.length) {
    const drivers = empty.map((d) => d.label).join(', ');
    out.push(warning('quadrant.driverNoRatings', `No valid rating for ${drivers} (values ${codes} count as not applicable): left off the chart`, { drivers, codes }));
  }
  if (overall.drivers.every((d) => d.n === 0 || d.importance === null)) {
    out.push(warning('quadrant.noImportance', 'No driver has an importance: the outcome does not vary among the rated rows (or the ratings do not)'));
  }
  return out;
}
