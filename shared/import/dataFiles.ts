/**
 * Inputs DuckDB reads itself: Parquet files and DuckDB database files. Nothing to sniff or convert,
 * so no dialog and no staging: a Parquet file becomes a table (DuckDB's reader, all cores on the
 * native engine); a database file is attached READ_ONLY and each of its tables the study uses becomes
 * a view in the app's own database, under a plain name the analyses use like any imported table.
 *
 * Files reach the engine as every opened file does: the native engine links the path the user
 * chose into its confined folder (granted by main in Electron), duckdb-wasm gets a copy of the bytes,
 * so a write could never reach the user's file. duckdb-wasm has no Parquet reader offline (it is an
 * extension, and extensions are never downloaded): the user is told to use the desktop app.
 */
import type { QueryEngine } from '../engine/QueryEngine';
import { registeredPath } from '../engine/engineFiles';
import { toRows } from '../engine/arrowRows';
import { qi, ql } from '../engine/sqlQuote';
import { TenureError } from '../errors';
import { extensionOf, readAll, type FileSource } from './FileSource';
import { LIMITS, assertSize } from './limits';
import { tableNameFor } from './tableName';
import { describeTable, tableNames } from './tableInfo';
import type { ImportOptions, ImportResult } from './importTypes';

export type DataFileFormat = 'parquet' | 'duckdb';

const FORMATS: Record<string, DataFileFormat> = { parquet: 'parquet', duckdb: 'duckdb', ddb: 'duckdb' };

/** 'parquet' or 'duckdb' for a file DuckDB reads itself, else null (CSV, Excel…). */
export function dataFileFormat(name: string): DataFileFormat | null {
  return FORMATS[extensionOf(name)] ?? null;
}

/** The kind of source a study records for a file name (csv also for tsv/txt; null: not a data file). */
export function sourceKindOf(name: string): 'csv' | 'xlsx' | 'xls' | DataFileFormat | null {
  const ext = extensionOf(name);
  if (['csv', 'tsv', 'txt', 'tab'].includes(ext)) return 'csv';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'xls') return 'xls';
  return dataFileFormat(name);
}

/** A table (or view) inside an attached database: `name` for its main schema, else `schema.name`. */
export interface DatabaseTable {
  schema: string;
  name: string;
  /** How the study and the CLI name it. */
  ref: string;
}

/** Hand the file to the engine: linked by path where the engine reads it in place, else copied in. */
async function register(engine: QueryEngine, src: FileSource, vname: string): Promise<void> {
  if (engine.linksFiles && typeof src.handle === 'string') {
    await engine.registerFileHandle(vname, src.handle);
    return;
  }
  assertSize(src.name, src.size, engine.maxTextBytes ?? LIMITS.maxTextBytes, 'files');
  await engine.registerFileBuffer(vname, await readAll(src));
}

/** FNV-1a of the file's identity: the same file gets the same database alias (attached once). */
function fileKey(src: FileSource): string {
  const text = `${src.name}\u0000${src.size}\u0000${typeof src.handle === 'string' ? src.handle : ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

async function hasFunction(engine: QueryEngine, name: string): Promise<boolean> {
  const r = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_functions() WHERE function_name = ${ql(name)}`));
  return r[0].n > 0;
}

/** Load a Parquet file into table `target` (which must not exist). */
export async function loadParquet(engine: QueryEngine, src: FileSource, target: string): Promise<void> {
  const file = src.name;
  if (!(await hasFunction(engine, 'read_parquet'))) {
    throw new TenureError('import.parquetNeedsNative', `${file}: Parquet needs the desktop app's native engine (this engine, DuckDB-Wasm, has no Parquet reader offline)`, { file });
  }
  const vname = `__tenure_src_${fileKey(src)}_${Math.random().toString(36).slice(2, 8)}.parquet`;
  await register(engine, src, vname);
  try {
    await engine.query(`CREATE TABLE ${qi(target)} AS SELECT * FROM read_parquet(${ql(registeredPath(engine, vname))})`);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    if (/magic bytes|not a parquet file|Invalid Input Error/i.test(message)) {
      throw new TenureError('import.parquetInvalid', `${file} is not a readable Parquet file: ${message}`, { file, params: { detail: message } });
    }
    throw err;
  } finally {
    await engine.dropFile(vname).catch(() => undefined);
  }
}

/** Attach a database file read-only (once per file) and return its alias. */
export async function attachDatabase(engine: QueryEngine, src: FileSource): Promise<string> {
  const alias = `tenure_db_${fileKey(src)}`;
  const attached = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_databases() WHERE database_name = ${ql(alias)}`))[0].n > 0;
  if (attached) return alias;
  const vname = `${alias}.duckdb`;
  await register(engine, src, vname);
  try {
    if (engine.attachReadOnly) await engine.attachReadOnly(vname, alias);
    else await engine.query(`ATTACH ${ql(registeredPath(engine, vname))} AS ${qi(alias)} (READ_ONLY)`);
  } catch (err) {
    await engine.dropFile(vname).catch(() => undefined);
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    if (/not a valid DuckDB database|database does not exist|Unable to open|older|newer|version/i.test(message)) {
      throw new TenureError('import.notDatabase', `${src.name} is not a DuckDB database this engine can open: ${message}`, { file: src.name, params: { detail: message } });
    }
    throw err;
  }
  return alias;
}

/** The tables and views of an attached database, in a stable order. */
export async function databaseTables(engine: QueryEngine, alias: string): Promise<DatabaseTable[]> {
  const rows = toRows<{ s: string; n: string }>(
    await engine.query(
      `SELECT schema_name AS s, table_name AS n FROM duckdb_tables() WHERE database_name = ${ql(alias)} ` +
        `UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = ${ql(alias)} AND NOT internal ORDER BY 1, 2`,
    ),
  );
  return rows.map((r) => ({ schema: r.s, name: r.n, ref: r.s === 'main' ? r.n : `${r.s}.${r.n}` }));
}

/** The table `wanted` names (`name` or `schema.name`, any case); with none named, the only table. */
export function chooseTable(file: string, tables: DatabaseTable[], wanted: string | undefined): DatabaseTable {
  const list = tables.map((t) => t.ref).join(', ');
  if (!tables.length) throw new TenureError('import.noTables', `${file}: the database holds no tables`, { file });
  if (wanted === undefined) {
    if (tables.length === 1) return tables[0];
    throw new TenureError('import.chooseTable', `${file} holds ${tables.length} tables (${list}); choose one (CLI: --table NAME)`, { file, params: { count: tables.length, tables: list } });
  }
  const w = wanted.toLowerCase();
  const hit = tables.find((t) => t.ref.toLowerCase() === w) ?? tables.find((t) => `${t.schema}.${t.name}`.toLowerCase() === w);
  if (!hit) throw new TenureError('import.tableNotFound', `${file} has no table "${wanted}" (tables: ${list})`, { file, params: { table: wanted, tables: list } });
  return hit;
}

/** The default name of the view of a database table (the table's own name, made unique). */
export function viewNameFor(table: DatabaseTable, existing: Iterable<string>): string {
  return tableNameFor(`${table.name}.x`, existing);
}

/** Make `target` a view of the chosen table of the attached database. */
export async function createDatabaseView(engine: QueryEngine, alias: string, table: DatabaseTable, target: string): Promise<void> {
  await engine.query(`CREATE VIEW ${qi(target)} AS SELECT * FROM ${qi(alias)}.${qi(table.schema)}.${qi(table.name)}`);
}

/**
 * A Parquet file or one table of a database file as the app's table `opts.tableName` (default: the
 * file's or the database table's name). Existing tables are kept unless `opts.replace`.
 */
export async function importDataFile(engine: QueryEngine, src: FileSource, opts: ImportOptions, format: DataFileFormat): Promise<ImportResult> {
  const file = src.name;
  if (src.size === 0) throw new TenureError('import.empty', `${file} is empty`, { file });
  const existing = await tableNames(engine);
  let dbTables: DatabaseTable[] | undefined;
  let chosen: DatabaseTable | undefined;
  let alias = '';
  if (format === 'duckdb') {
    alias = await attachDatabase(engine, src);
    dbTables = await databaseTables(engine, alias);
    chosen = chooseTable(file, dbTables, opts.dbTable);
  }
  const table = opts.tableName ?? (chosen ? viewNameFor(chosen, existing) : tableNameFor(file, existing));
  const clash = existing.find((n) => n.toLowerCase() === table.toLowerCase());
  if (clash && !opts.replace) throw new TenureError('import.tableExists', `A table named "${table}" already exists`, { file, params: { table } });
  if (clash) await dropTableOrView(engine, clash);
  if (chosen) await createDatabaseView(engine, alias, chosen, table);
  else await loadParquet(engine, src, table);
  const { rows, columns } = await describeTable(engine, table);
  return { ...describedResult({ table, file, format, size: src.size, rows, columns }), dbTable: chosen?.ref, tables: dbTables?.map((t) => t.ref) };
}

/** The import result of a table DuckDB read itself (no conversion: the plan only describes its columns). */
export function describedResult(d: { table: string; file: string; format: DataFileFormat; size: number; rows: number; columns: ImportResult['columns'] }): ImportResult {
  const { table, file, format, size, rows, columns } = d;
  const plan: ImportResult['plan'] = {
    file, format, size, encoding: null, encodingBasis: null, delimiter: null, quote: null, lineEnding: null, headerRow: 1, hasHeader: true,
    sheet: null, sheets: [], decimal: 'dot', dateOrder: 'MDY', ragged: 'stop',
    columns: columns.map((c, index) => ({ index, source: c.name, name: c.name, type: appType(c.type) })),
  };
  return {
    table, file, format, encoding: null, delimiter: null, headerRow: null, sheet: null, rows, columns, nullsCoerced: 0,
    headerMapping: columns.map((c, index) => ({ index, original: c.name, name: c.name })), raggedLines: [], warnings: [], plan, method: 'direct',
  };
}

/** The import plan's column type nearest to a DuckDB type (the plan only describes; nothing converts). */
function appType(duckType: string): ImportResult['plan']['columns'][number]['type'] {
  const t = duckType.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t)) return 'BIGINT';
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL)/.test(t)) return 'DOUBLE';
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (t === 'DATE') return 'DATE';
  if (t.startsWith('TIMESTAMP')) return 'TIMESTAMP';
  return 'VARCHAR';
}

async function dropTableOrView(engine: QueryEngine, name: string): Promise<void> {
  const views = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_views() WHERE view_name = ${ql(name)} AND database_name = current_database()`));
  await engine.query(views[0].n > 0 ? `DROP VIEW ${qi(name)}` : `DROP TABLE IF EXISTS ${qi(name)}`);
}
