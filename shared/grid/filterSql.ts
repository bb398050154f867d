import { qd, qi, ql, qn } from '../engine/sqlQuote';
import { parseGridFilters, isEffective, type GridFilter } from './filterSpec';

/** A bound as written: whole numbers plainly (readable in "Open as SQL"), others as exact DOUBLE literals. */
const bound = (x: number): string => (Number.isSafeInteger(x) ? qn(x) : qd(x));

/** A date-only bound: the `to` end then runs to the end of that day. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** One filter as a boolean SQL expression; names via qi, values via ql/qd, never spliced raw. */
export function filterPredicate(f: GridFilter): string {
  const c = qi(f.column);
  switch (f.kind) {
    case 'text':
      // Text as DuckDB prints the value, so a number or a date can be searched as the grid shows it.
      return f.op === 'equals' ? `CAST(${c} AS VARCHAR) = ${ql(f.value)}` : `contains(lower(CAST(${c} AS VARCHAR)), lower(${ql(f.value)}))`;
    case 'number': {
      const parts = [];
      if (f.min !== null) parts.push(`${c} >= ${bound(f.min)}`);
      if (f.max !== null) parts.push(`${c} <= ${bound(f.max)}`);
      return parts.join(' AND ') || 'TRUE';
    }
    case 'date': {
      const parts = [];
      if (f.from !== null) parts.push(`${c} >= CAST(${ql(f.from)} AS TIMESTAMP)`);
      if (f.to !== null) parts.push(DATE_ONLY.test(f.to) ? `${c} < CAST(${ql(f.to)} AS DATE) + INTERVAL 1 DAY` : `${c} <= CAST(${ql(f.to)} AS TIMESTAMP)`);
      return parts.join(' AND ') || 'TRUE';
    }
    case 'null':
      return f.isNull ? `${c} IS NULL` : `${c} IS NOT NULL`;
    case 'values': {
      const parts = [];
      if (f.values.length > 0) parts.push(`CAST(${c} AS VARCHAR) IN (${f.values.map(ql).join(', ')})`);
      if (f.nulls) parts.push(`${c} IS NULL`);
      return parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0] ?? 'TRUE';
    }
  }
}

/** The WHERE condition of all effective filters (ANDed), or null when nothing is filtered. */
export function filterWhereSql(filters: readonly GridFilter[]): string | null {
  const live = parseGridFilters(filters).filter(isEffective);
  if (live.length === 0) return null;
  return live.map(filterPredicate).join('\n  AND ');
}

export interface GridSortSpec {
  column: string;
  dir: 'asc' | 'desc';
}

/**
 * The filtered (and sorted) view as one SELECT a person can read, edit and run in a SQL editor:
 * `from` is a quoted table name or a parenthesised query with its alias.
 */
export function filteredSelectSql(from: string, filters: readonly GridFilter[], sort?: GridSortSpec | null): string {
  const where = filterWhereSql(filters);
  const order = sort ? `\nORDER BY ${qi(sort.column)} ${sort.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST` : '';
  return `SELECT *\nFROM ${from}${where ? `\nWHERE ${where}` : ''}${order}`;
}

/**
 * The filters that narrow a column's values list: every other column's (as Excel and Tableau list a
 * column's values among the rows the other filters keep), never the column's own, or its list would
 * shrink to what is already picked.
 */
export function otherColumnsFilters(filters: readonly GridFilter[], column: string): GridFilter[] {
  return parseGridFilters(filters).filter((f) => f.column !== column && isEffective(f));
}

/** ` AND (…)` of the other columns' filters for a values query, or nothing. */
function othersAnd(filters: readonly GridFilter[], column: string): string {
  const where = filterWhereSql(otherColumnsFilters(filters, column));
  return where ? `\n  AND ${where}` : '';
}

/**
 * The column's most frequent non-NULL values as text (what a values filter compares), with their counts,
 * among the rows the other columns' filters keep.
 */
export function topValuesSql(from: string, column: string, limit: number, filters: readonly GridFilter[] = []): string {
  const c = qi(column);
  return `SELECT CAST(${c} AS VARCHAR) AS value, count(*)::DOUBLE AS n FROM ${from} WHERE ${c} IS NOT NULL${othersAnd(filters, column)} GROUP BY 1 ORDER BY n DESC, value LIMIT ${qn(Math.max(1, Math.floor(limit)))}`;
}

/** Rows, NULLs and distinct values of one column (under the other columns' filters), for the NULL line and "top n of m". */
export function nullCountSql(from: string, column: string, filters: readonly GridFilter[] = []): string {
  const c = qi(column);
  const where = filterWhereSql(otherColumnsFilters(filters, column));
  return `SELECT count(*)::DOUBLE AS rows, (count(*) - count(${c}))::DOUBLE AS nulls, count(DISTINCT ${c})::DOUBLE AS distinct_count FROM ${from}${where ? `\nWHERE ${where}` : ''}`;
}
