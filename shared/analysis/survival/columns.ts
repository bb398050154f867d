import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { ql } from '../../engine/sqlQuote';
import { TenureError } from '../../errors';
import { OWN_CATALOG } from '../../import/tableInfo';

/** Column name → DuckDB type of a table (also used by cohort and reasons). */
export async function columnTypes(engine: QueryEngine, table: string): Promise<Map<string, string>> {
  const rows = toRows<{ name: string; type: string }>(
    await engine.query(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ${ql(table)} AND ${OWN_CATALOG} ORDER BY ordinal_position`),
  );
  if (!rows.length) throw new TenureError('analysis.tableNotFound', `Table "${table}" does not exist`, { params: { table } });
  return new Map(rows.map((r) => [r.name, r.type]));
}

/** Throws a user-facing error naming the first column the table does not have. */
export function requireColumns(types: Map<string, string>, table: string, columns: (string | undefined)[]): void {
  for (const c of columns) {
    if (c !== undefined && !types.has(c)) {
      throw new TenureError('analysis.columnNotFound', `Column "${c}" not found in ${table} (columns: ${[...types.keys()].join(', ')})`, {
        column: c,
        params: { column: c, table },
      });
    }
  }
}

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*)$/i;

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type);
}

export function isBooleanType(type: string): boolean {
  return /^BOOL(EAN)?$/i.test(type);
}
