/** What the app knows about its own tables (not an attached database's: see dataFiles.ts). */
import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';
import { qi, ql } from '../engine/sqlQuote';
import { isInternalTable } from '../engine/internalTables';
import type { ColumnInfo } from './importTypes';

/** SQL condition on information_schema: the app's own tables, not those of an attached database. */
export const OWN_CATALOG = "table_catalog IN (current_database(), 'temp')";
/** The same on duckdb_tables() / duckdb_views(). */
export const OWN_DATABASE = "database_name IN (current_database(), 'temp')";

/** Names of every table and view (duckdb_tables/duckdb_views: cheaper than information_schema). */
export async function tableNames(engine: QueryEngine): Promise<string[]> {
  const sql = `SELECT table_name AS name FROM duckdb_tables() WHERE ${OWN_DATABASE} UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND ${OWN_DATABASE}`;
  return toRows<{ name: string }>(await engine.query(sql)).map((r) => r.name);
}

/** A table's columns and their DuckDB types, in order (no scan). */
export async function tableColumns(engine: QueryEngine, table: string): Promise<{ column_name: string; data_type: string }[]> {
  return toRows<{ column_name: string; data_type: string }>(
    await engine.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${ql(table)} AND ${OWN_CATALOG} ORDER BY ordinal_position`),
  );
}

/** Row count, column types and NULL counts of a table, in one scan. */
export async function describeTable(engine: QueryEngine, table: string): Promise<{ rows: number; columns: ColumnInfo[] }> {
  const cols = await tableColumns(engine, table);
  const counts = cols.map((c, i) => `count(*) - count(${qi(c.column_name)}) AS n${i}`);
  const r = toRows<Record<string, number>>(await engine.query(`SELECT count(*) AS n ${counts.length ? ', ' + counts.join(', ') : ''} FROM ${qi(table)}`))[0];
  return { rows: r.n, columns: cols.map((c, i) => ({ name: c.column_name, type: c.data_type, nulls: r[`n${i}`] })) };
}


/**
 * The user's tables and views in the app's own catalog (main and temp), with their columns in order: the
 * app's own working tables (internalTables.ts) are left out, whatever the user's are called. Tables of an
 * opened database file are reached through their views, so they are not listed twice.
 */
export async function userTables(engine: QueryEngine): Promise<Map<string, ColumnInfo[]>> {
  const cols = toRows<{ table_name: string; column_name: string; data_type: string }>(
    await engine.query(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND ${OWN_CATALOG} ORDER BY table_name, ordinal_position`),
  );
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of cols) {
    if (isInternalTable(c.table_name)) continue;
    const list = byTable.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.data_type, nulls: 0 });
    byTable.set(c.table_name, list);
  }
  return byTable;
}
