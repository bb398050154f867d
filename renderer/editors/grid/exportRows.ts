import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toRows } from '../../../shared/engine/arrowRows';
import { qi } from '../../../shared/engine/sqlQuote';
import type { TableData } from '../../../shared/export/tableExport';
import type { GridFilter } from '../../../shared/grid/filterSpec';
import { filteredSelectSql } from '../../../shared/grid/filterSql';
import { numericKind, relationSql, type GridColumn, type GridSort, type GridSource } from './gridSql';

/**
 * The filtered (and sorted) rows for CSV / XLSX: numbers stay numbers, booleans booleans; dates,
 * timestamps and other types as DuckDB prints them (what the grid shows), not epoch numbers.
 */
export function exportSql(source: GridSource, columns: GridColumn[], filters: readonly GridFilter[], sort: GridSort | null): string {
  const select = columns.map((c) => (numericKind(c.type) !== null || /^(BOOLEAN|VARCHAR)$/i.test(c.type) ? qi(c.name) : `CAST(${qi(c.name)} AS VARCHAR) AS ${qi(c.name)}`));
  return `SELECT ${select.join(', ')} FROM (${filteredSelectSql(relationSql(source), filters, sort)}) AS ${qi('tenure_x')}`;
}

export async function exportRows(engine: QueryEngine, source: GridSource, columns: GridColumn[], filters: readonly GridFilter[], sort: GridSort | null): Promise<TableData> {
  const table = await engine.query(exportSql(source, columns, filters, sort));
  const names = columns.map((c) => c.name);
  const fields = table.schema.fields.map((f) => f.name);
  // By position: a query's repeated names (a, a_1) are as DESCRIBE listed them.
  const rows = toRows(table).map((r) => fields.map((f) => r[f] as TableData['rows'][number][number]));
  return { columns: names, rows };
}
