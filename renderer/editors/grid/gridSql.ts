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

export function countSql(src: GridSource): string {
  return `SELECT count(*)::DOUBLE AS n FROM ${relationSql(src)}`;
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
}

/**
 * One page of rows. The inner query sorts and pages over the original values (numeric order for
 * numbers, chronological for dates); the outer one only turns non-native types into text, so
 * 64-bit integers and decimals stay exact and dates/lists/structs read as DuckDB prints them.
 * Sorting is made total with a tie-break, so consecutive windows never repeat or skip rows.
 */
export function windowSql(src: GridSource, columns: GridColumn[], req: WindowRequest): string {
  const select = columns.length === 0 ? '*' : columns.map((c) => (isNative(c.type) ? qi(c.name) : `CAST(${qi(c.name)} AS VARCHAR) AS ${qi(c.name)}`)).join(', ');
  let order = '';
  if (req.sort) {
    const dir = req.sort.dir === 'asc' ? 'ASC' : 'DESC';
    const tie = req.tieBreak === 'rowid' ? ['rowid'] : columns.map((_, i) => String(i + 1));
    order = ` ORDER BY ${[`${qi(req.sort.column)} ${dir} NULLS LAST`, ...tie.map((t) => `${t} ASC NULLS LAST`)].join(', ')}`;
  }
  const page = ` LIMIT ${qn(Math.max(0, Math.floor(req.limit)))} OFFSET ${qn(Math.max(0, Math.floor(req.offset)))}`;
  return `SELECT ${select} FROM (SELECT * FROM ${relationSql(src)}${order}${page}) AS ${qi('tenure_w')}`;
}
