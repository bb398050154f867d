import type { QueryEngine } from '../../engine/QueryEngine';
import { qi } from '../../engine/sqlQuote';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { asTenureError, TenureError } from '../../errors';
import { warning, type AnalysisWarning } from '../warnings';
import { whereClause } from '../survival/sql';
import { columnTypes, requireColumns } from '../survival/columns';
import { requireDates } from '../dateColumns';
import { periodComplete, periodIndexSql, periodLabel } from './period';
import { parseCohortSpec, type CohortSpec, type Period } from './spec';
import { cohortSql } from './sql';

export interface CohortRow {
  cohort: string;
  size: number;
  /** Active customers per offset (index = offset); null past the end of the data. */
  active: (number | null)[];
  /** Share of the cohort active per offset (offset 0 = 1); null past the end of the data. */
  retention: (number | null)[];
  /** Summed value per offset (with a value expression); null past the end of the data. */
  value: (number | null)[] | null;
  /** value[k] / value[0]: revenue retention. */
  valueRetention: (number | null)[] | null;
  /** Offset of this cohort's cell in a partial last period (the data end inside it), else null. */
  partialAt: number | null;
}

export interface CohortResult {
  spec: CohortSpec;
  period: Period;
  lastPeriod: string | null;
  /** The last period when the data end inside it (e.g. 2011-12 for data ending 2011-12-09), with that date. */
  partial: { period: string; dataEnd: string; included: boolean } | null;
  cohorts: CohortRow[];
  /**
   * Size-weighted average retention per offset over the cohorts observed there (Σ active / Σ size);
   * cells of a partial last period count only with `spec.includePartial`.
   */
  average: (number | null)[];
  /** Plain mean of the cohorts' retention per offset. */
  averageUnweighted: (number | null)[];
  /** Number of cohorts behind each average point. */
  averageCohorts: number[];
  excluded: { missingCustomer: number; missingDate: number };
  /** Empty or degenerate answers (no rows, a single cohort). */
  warnings: AnalysisWarning[];
  sql: string;
}

/**
 * Most periods from the first cohort to the end of the data: the matrix is periods × periods cells
 * (400 = 33 years by month, 7.7 years by week).
 */
export const MAX_COHORT_PERIODS = 400;

interface Row {
  cohort: number;
  k: number;
  active: number;
  value?: number | null;
  last_period: number;
  last_date?: string | null;
  missing_customer: number;
  missing_date: number;
}

export async function computeCohorts(engine: QueryEngine, input: unknown): Promise<CohortResult> {
  const spec = parseCohortSpec(input);
  const types = await columnTypes(engine, spec.table);
  requireColumns(types, spec.table, [spec.customer, spec.date]);
  await requireDates(engine, spec.table, types, [{ column: spec.date }]);
  await guardFragments(engine, qi(spec.table), [{ field: 'where', sql: spec.where }, { field: 'valueExpr', sql: spec.valueExpr }]);
  const sql = cohortSql(spec);
  let rows: Row[];
  try {
    await requireSpan(engine, spec);
    rows = toRows<Row>(await engine.query(sql));
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
  return cohortsFromRows(spec, rows, sql);
}

/** Refuse, before the matrix is built, a span of more than MAX_COHORT_PERIODS periods (one scan for min and max). */
async function requireSpan(engine: QueryEngine, spec: CohortSpec): Promise<void> {
  const ts = `TRY_CAST(${qi(spec.date)} AS TIMESTAMP)`;
  const [r] = toRows<{ lo: number | null; hi: number | null }>(
    await engine.query(`SELECT min(pi) AS lo, max(pi) AS hi FROM (SELECT ${periodIndexSql(ts, spec.period)} AS pi FROM ${qi(spec.table)} ${whereClause(spec.where)}) WHERE pi IS NOT NULL`),
  );
  if (r.lo === null || r.hi === null) return;
  const count = r.hi - r.lo + 1;
  if (count > MAX_COHORT_PERIODS) {
    const [from, to] = [periodLabel(r.lo, spec.period), periodLabel(r.hi, spec.period)];
    throw new TenureError('cohort.tooManyPeriods', `The dates in "${spec.date}" span ${count} ${spec.period}s (${from} to ${to}); at most ${MAX_COHORT_PERIODS} periods fit a cohort table: choose a longer period or filter the dates`, {
      column: spec.date,
      params: { column: spec.date, count, max: MAX_COHORT_PERIODS, from, to },
    });
  }
}

export function cohortsFromRows(spec: CohortSpec, rows: Row[], sql = ''): CohortResult {
  const excluded = { missingCustomer: rows[0]?.missing_customer ?? 0, missingDate: rows[0]?.missing_date ?? 0 };
  if (!rows.length) {
    const warnings = [warning('cohort.noRows', 'No row has both a customer and a readable date (after the filter): there are no cohorts')];
    return { spec, period: spec.period, lastPeriod: null, partial: null, cohorts: [], average: [], averageUnweighted: [], averageCohorts: [], excluded, warnings, sql };
  }
  const last = rows[0].last_period;
  const lastDate = rows[0].last_date ?? null;
  const isPartial = lastDate !== null && !periodComplete(last, spec.period, lastDate);
  const first = Math.min(...rows.map((r) => r.cohort));
  const width = last - first + 1;
  const byCohort = new Map<number, Row[]>();
  for (const r of rows) {
    if (!byCohort.has(r.cohort)) byCohort.set(r.cohort, []);
    byCohort.get(r.cohort)!.push(r);
  }
  const hasValue = spec.valueExpr !== undefined;
  const cohorts: CohortRow[] = [...byCohort.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, rs]) => {
      const at = new Map(rs.map((r) => [r.k, r]));
      const observed = last - c; // offsets beyond this are after the data ends
      const size = at.get(0)?.active ?? 0;
      const active = Array.from({ length: width }, (_, k) => (k > observed ? null : (at.get(k)?.active ?? 0)));
      const value = hasValue ? Array.from({ length: width }, (_, k) => (k > observed ? null : (at.get(k)?.value ?? 0))) : null;
      const v0 = value?.[0] ?? null;
      return {
        cohort: periodLabel(c, spec.period),
        size,
        active,
        retention: active.map((a) => (a === null ? null : a / size)),
        value,
        valueRetention: value ? value.map((v) => (v === null || !v0 ? null : v / v0)) : null,
        partialAt: isPartial ? observed : null,
      };
    });
  const average: (number | null)[] = [];
  const averageUnweighted: (number | null)[] = [];
  const averageCohorts: number[] = [];
  for (let k = 0; k < width; k++) {
    const seen = cohorts.filter((c) => c.active[k] !== null && (spec.includePartial || c.partialAt !== k));
    const act = seen.reduce((s, c) => s + (c.active[k] as number), 0);
    const size = seen.reduce((s, c) => s + c.size, 0);
    average.push(size ? act / size : null);
    averageUnweighted.push(seen.length ? seen.reduce((s, c) => s + (c.retention[k] as number), 0) / seen.length : null);
    averageCohorts.push(seen.length);
  }
  const partial = isPartial && lastDate ? { period: periodLabel(last, spec.period), dataEnd: lastDate, included: spec.includePartial } : null;
  const warnings =
    cohorts.length === 1
      ? [warning('cohort.singleCohort', `Every customer starts in the same ${spec.period} (${cohorts[0].cohort}): there is one cohort, nothing to compare`, { cohort: cohorts[0].cohort })]
      : [];
  return { spec, period: spec.period, lastPeriod: periodLabel(last, spec.period), partial, cohorts, average, averageUnweighted, averageCohorts, excluded, warnings, sql };
}
