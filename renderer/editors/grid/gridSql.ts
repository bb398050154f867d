import { qi, qn } from '../../../shared/engine/sqlQuote';
import { singleStatement } from '../sql/statements';

/** What the grid shows: a table by name or the rows of a query (run as a subquery, page by page). */
export type GridSource = { kind: 'table'; table: string } | { kind: 'query'; sql: string };

export interface GridColumn {
  name: string;
  /** DuckDB's type name, e.g. INTEGER, VARCHAR, DECIMAL(10,2). */
  type: string;
}

export interface GridSort {
  column: string;
  dir: 'asc' | 'desc';
}

/** How ties are broken when sorting: a table's rowid keeps insertion order; queries have none. */
export type TieBreak = 'rowid' | 'columns';

export type NumericKind = 'int' | 'float' | 'exact';

/** The source as a FROM item. Query text sits on its own lines so a trailing `--` comment is harmless. */
export function relationSql(src: GridSource): string {
  return src.kind === 'table' ? qi(src.table) : `(\n${singleStatement(src.sql)}\n) AS ${qi('tenure_src')}`;
}

/** ` WHERE …` for a filter condition (filterWhereSql), or nothing. */
function whereClause(where?: string | null): string {
  return where ? ` WHERE ${where}` : '';
}

export function countSql(src: GridSource, where?: string | null): string {
  return `SELECT count(*)::DOUBLE AS n FROM ${relationSql(src)}${whereClause(where)}`;
}

/**
 * Column names and DuckDB types as the window query sees them. The extra SELECT level makes
 * DuckDB dedupe repeated names (a, a → a, a_1) exactly as `SELECT *` over the source does.
 */
export function describeSql(src: GridSource): string {
  return `DESCRIBE SELECT * FROM (SELECT * FROM ${relationSql(src)}) AS ${qi('tenure_d')}`;
}

/** Probe whether a table source has a rowid (views do not). */
export function rowidProbeSql(table: string): string {
  return `SELECT rowid FROM ${qi(table)} LIMIT 0`;
}

/** Numeric types are right-aligned and formatted; exact ones (64/128-bit, DECIMAL) arrive as text. */
export function numericKind(type: string): NumericKind | null {
  const t = type.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER)$/.test(t)) return 'int';
  if (/^(FLOAT|DOUBLE|REAL)$/.test(t)) return 'float';
  if (/^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/.test(t) || t.startsWith('DECIMAL')) return 'exact';
  return null;
}

/** Types the grid receives natively; everything else is rendered by DuckDB's own VARCHAR cast. */
function isNative(type: string): boolean {
  const kind = numericKind(type);
  return kind === 'int' || kind === 'float' || /^(BOOLEAN|VARCHAR)$/i.test(type);
}

export interface WindowRequest {
  offset: number;
  limit: number;
  sort?: GridSort | null;
  tieBreak: TieBreak;
  /** A sort index built by sortIndexSql for this sort (temp table name), if any; it holds only filtered rows. */
  index?: string | null;
  /** The filter condition (filterWhereSql), if any. */
  where?: string | null;
}

/** Queries above this many rows are not copied for sorting (the wasm heap is finite): Top-N then. */
export const MAX_SORT_COPY_ROWS = 2_000_000;

function orderBy(columns: GridColumn[], sort: GridSort, tieBreak: TieBreak): string {
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const tie = tieBreak === 'rowid' ? ['rowid'] : columns.map((_, i) => String(i + 1));
  return ` ORDER BY ${[`${qi(sort.column)} ${dir} NULLS LAST`, ...tie.map((t) => `${t} ASC NULLS LAST`)].join(', ')}`;
}

/**
 * Sorting once instead of per window: a LIMIT/OFFSET over ORDER BY is a Top-N that costs a full
 * sort for every deep page. A table gets a temp table of its rowids in sorted order (8 bytes a row;
 * a page then joins 256 rowids back); a query or view gets a sorted copy of its rows.
 */
export function sortIndexSql(src: GridSource, columns: GridColumn[], sort: GridSort, tieBreak: TieBreak, index: string, where?: string | null): string {
  const body = tieBreak === 'rowid' && src.kind === 'table'
    ? `SELECT rowid AS r FROM ${qi(src.table)}${whereClause(where)}${orderBy(columns, sort, 'rowid')}`
    : `SELECT * FROM ${relationSql(src)}${whereClause(where)}${orderBy(columns, sort, 'columns')}`;
  return `CREATE OR REPLACE TEMP TABLE ${qi(index)} AS ${body}`;
}

export function dropIndexSql(index: string): string {
  return `DROP TABLE IF EXISTS ${qi(index)}`;
}

/**
 * One page of rows. The inner query sorts and pages over the original values (numeric order for
 * numbers, chronological for dates); the outer one only turns non-native types into text, so
 * 64-bit integers and decimals stay exact and dates/lists/structs read as DuckDB prints them.
 * Sorting is made total with a tie-break, so consecutive windows never repeat or skip rows.
 */
export function windowSql(src: GridSource, columns: GridColumn[], req: WindowRequest): string {
  const select = columns.length === 0 ? '*' : columns.map((c) => (isNative(c.type) ? qi(c.name) : `CAST(${qi(c.name)} AS VARCHAR) AS ${qi(c.name)}`)).join(', ');
  const page = ` LIMIT ${qn(Math.max(0, Math.floor(req.limit)))} OFFSET ${qn(Math.max(0, Math.floor(req.offset)))}`;
  let inner: string;
  if (req.sort && req.index && req.tieBreak === 'rowid' && src.kind === 'table') {
    // The page's rowids come from the index; re-sorting 256 rows restores their index order.
    inner = `SELECT * FROM ${qi(src.table)} WHERE rowid IN (SELECT r FROM ${qi(req.index)}${page})${orderBy(columns, req.sort, 'rowid')}`;
  } else if (req.sort && req.index) {
    inner = `SELECT * FROM ${qi(req.index)}${page}`;
  } else {
    inner = `SELECT * FROM ${relationSql(src)}${whereClause(req.where)}${req.sort ? orderBy(columns, req.sort, req.tieBreak) : ''}${page}`;
  }
  return `SELECT ${select} FROM (${inner}) AS ${qi('tenure_w')}`;
}
