/**
 * A folder of Parquet files (or a glob such as `sales/*.parquet`, `year=*\/month=*\/*.parquet`) as one
 * view, read where it lies: `read_parquet(glob, union_by_name = true)`, hive partition columns
 * (`year=2024/…`) added by DuckDB. Nothing is copied: the native engine is given read access to the
 * folder (a new engine process, its settings being locked: QueryEngine.allowFolder) and refuses every
 * statement that writes files while a folder is open (nativeEngine.ts), so the folder is only read.
 * duckdb-wasm has no Parquet reader offline: the user is told to use the desktop app.
 */
import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';
import { qi, ql } from '../engine/sqlQuote';
import { TenureError } from '../errors';
import { describeTable, tableColumns, tableNames } from './tableInfo';
import { tableNameFor } from './tableName';
import type { ColumnInfo, ImportResult } from './importTypes';
import { describedResult } from './dataFiles';

/** What the user opened: a folder, and the files in it that count (relative glob). */
export interface ParquetFolderInput {
  folder: string;
  pattern: string;
}

export interface FolderFile {
  /** Path relative to the folder, with '/' separators. */
  path: string;
  size: number;
  mtime: number;
}

export interface ParquetFolderResult {
  table: string;
  folder: string;
  pattern: string;
  files: FolderFile[];
  size: number;
  /** SHA-256 over the files' relative names, sizes and modified times (`sha256f:…`). */
  fingerprint: string;
  hive: boolean;
  rows: number;
  columns: ColumnInfo[];
}

/** Every file of a folder, subfolders included (hive partitions: `year=2024/month=01/part-0.parquet`). */
export const DEFAULT_PATTERN = '**/*.parquet';
const GLOB_CHAR = /[*?[{]/;

const sepOf = (p: string) => (p.includes('\\') && !p.includes('/') ? '\\' : '/');
const trimSep = (p: string) => (p.length > 1 ? p.replace(/[\\/]+$/, '') : p);

/** Does this input name files by a glob (`data/*.parquet`) rather than one path? */
export function isGlob(input: string): boolean {
  return GLOB_CHAR.test(input);
}

/**
 * An input path → folder + relative pattern: a glob splits at the last separator before its first
 * wildcard (`data/year=*\/x.parquet` → `data` + `year=*\/x.parquet`); a folder takes every Parquet file
 * below it.
 */
export function splitFolderInput(input: string): ParquetFolderInput {
  if (!isGlob(input)) return { folder: trimSep(input), pattern: DEFAULT_PATTERN };
  const first = input.search(GLOB_CHAR);
  const cut = Math.max(input.lastIndexOf('/', first), input.lastIndexOf('\\', first));
  if (cut < 0) return { folder: '.', pattern: input };
  return { folder: cut === 0 ? input.slice(0, 1) : input.slice(0, cut), pattern: input.slice(cut + 1) };
}

/** The glob DuckDB reads: the folder joined with the pattern. */
export function folderGlob(f: ParquetFolderInput): string {
  const sep = sepOf(f.folder);
  return f.folder.endsWith(sep) ? `${f.folder}${f.pattern}` : `${f.folder}${sep}${f.pattern}`;
}

/** The short name a folder source shows and its default table name: the folder's own name. */
export function folderName(folder: string): string {
  const parts = trimSep(folder).split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? folder;
}

/** A `key=value` folder above a file: DuckDB then adds `key` as a column (hive partitioning). */
function isHive(files: readonly FolderFile[]): boolean {
  return files.some((f) => /(^|\/)[^/=]+=[^/]*\//.test(f.path));
}

async function sha256(text: string): Promise<string> {
  const buf = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The folder's fingerprint: any file added, removed, resized or rewritten changes it (no file is read). */
export async function folderFingerprint(files: readonly FolderFile[]): Promise<string> {
  const lines = files.map((f) => `${f.path}\t${f.size}\t${f.mtime}`).join('\n');
  return `sha256f:${await sha256(`tenure-folder1:${files.length}\n${lines}`)}`;
}

async function needsNative(engine: QueryEngine, folder: string): Promise<void> {
  const r = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_functions() WHERE function_name = 'read_parquet'`));
  if (r[0].n === 0 || !engine.allowFolder) {
    const name = folderName(folder);
    throw new TenureError('import.parquetFolderNeedsNative', `${name}: a Parquet folder needs the desktop app's native engine (this engine, DuckDB-Wasm, has no Parquet reader offline)`, { file: name });
  }
}

/** The files the glob matches, as DuckDB sees them (its own glob: what read_parquet will read). */
export async function listFolder(engine: QueryEngine, f: ParquetFolderInput): Promise<FolderFile[]> {
  const rows = toRows<{ f: string; s: number; m: number }>(
    await engine.query(`SELECT filename AS f, size AS s, epoch_ms(last_modified) AS m FROM read_blob(${ql(folderGlob(f))}) ORDER BY filename`),
  );
  const root = trimSep(f.folder).replace(/\\/g, '/');
  return rows.map((r) => {
    const p = r.f.replace(/\\/g, '/');
    return { path: p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p, size: Number(r.s), mtime: Number(r.m) };
  });
}

/**
 * Rows and NULLs per column from the files' own metadata (row-group sizes and null counts): the folder is
 * not scanned, so a folder larger than memory opens in the time it takes to read its footers. A column a
 * file lacks is NULL in all that file's rows (union_by_name); a hive column is never NULL. Null when the
 * footers cannot say (a writer that kept no null counts, nested columns): then the rows are counted.
 */
export async function countsFromMetadata(engine: QueryEngine, f: ParquetFolderInput, table: string, files: readonly FolderFile[]): Promise<{ rows: number; columns: ColumnInfo[] } | null> {
  const cols = await tableColumns(engine, table);
  if (cols.some((c) => /^(STRUCT|MAP|UNION)|\[\]$|\[\d+\]$/i.test(c.data_type))) return null;
  const meta = toRows<{ f: string; g: number; n: number; p: string; z: number | null }>(
    await engine.query(`SELECT file_name AS f, row_group_id AS g, row_group_num_rows AS n, path_in_schema AS p, stats_null_count AS z FROM parquet_metadata(${ql(folderGlob(f))})`),
  );
  const fileRows = new Map<string, Map<number, number>>();
  const nulls = new Map<string, Map<string, number | null>>(); // file → column (lower case) → NULLs
  for (const m of meta) {
    const groups = fileRows.get(m.f) ?? new Map<number, number>();
    groups.set(Number(m.g), Number(m.n));
    fileRows.set(m.f, groups);
    const byCol = nulls.get(m.f) ?? new Map<string, number | null>();
    const key = m.p.toLowerCase();
    const prev = byCol.has(key) ? byCol.get(key)! : 0;
    byCol.set(key, prev === null || m.z === null ? null : prev + Number(m.z));
    nulls.set(m.f, byCol);
  }
  if (fileRows.size !== files.length) return null;
  const rowsOf = (file: string) => [...fileRows.get(file)!.values()].reduce((t, n) => t + n, 0);
  const rows = [...fileRows.keys()].reduce((t, file) => t + rowsOf(file), 0);
  const hiveKeys = new Set(files.flatMap((x) => [...x.path.matchAll(/(?:^|\/)([^/=]+)=[^/]*(?=\/)/g)].map((m) => m[1].toLowerCase())));
  const columns: ColumnInfo[] = [];
  for (const c of cols) {
    const key = c.column_name.toLowerCase();
    let count = 0;
    if (!hiveKeys.has(key) || [...nulls.values()].some((byCol) => byCol.has(key))) {
      for (const [file, byCol] of nulls) {
        if (!byCol.has(key)) count += rowsOf(file);
        else if (byCol.get(key) === null) return null;
        else count += byCol.get(key)!;
      }
    }
    columns.push({ name: c.column_name, type: c.data_type, nulls: count });
  }
  return { rows, columns };
}

/** DuckDB's refusal of one file of the folder → a message naming that file. */
function explainFileError(err: unknown, f: ParquetFolderInput): TenureError | null {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  const rel = (p: string) => {
    const root = trimSep(f.folder).replace(/\\/g, '/');
    const x = p.replace(/\\/g, '/');
    return x.startsWith(`${root}/`) ? x.slice(root.length + 1) : x;
  };
  const hive = /Hive partition mismatch between file "([^"]+)" and "([^"]+)"/.exec(message);
  if (hive) {
    const [a, b] = [rel(hive[1]), rel(hive[2])];
    return new TenureError('import.parquetFolderMixed', `${a} and ${b} in ${folderName(f.folder)} lie in differently partitioned folders (key=value folders must be the same for every file)`, { file: a, params: { folder: folderName(f.folder), a, b } });
  }
  const m = /File '([^']+)'|file "([^"]+)"|file '([^']+)'/.exec(message);
  const path = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (!path || !/parquet|magic bytes|too small|Invalid Input Error/i.test(message)) return null;
  const file = rel(path);
  return new TenureError('import.parquetFolderBadFile', `${file} in ${folderName(f.folder)} is not a readable Parquet file: ${message}`, { file, params: { folder: folderName(f.folder), detail: message } });
}

/**
 * Open the folder as the view `opts.tableName` (default: the folder's name, made unique). The engine is
 * first given read access to the folder (a restart on the native engine when it is new to it).
 */
export async function importParquetFolder(engine: QueryEngine, f: ParquetFolderInput, opts: { tableName?: string; replace?: boolean } = {}): Promise<ParquetFolderResult> {
  await needsNative(engine, f.folder);
  await engine.allowFolder!(f.folder);
  const name = folderName(f.folder);
  const files = await listFolder(engine, f);
  if (!files.length) {
    throw new TenureError('import.parquetFolderEmpty', `${name}: no Parquet files match ${f.pattern}`, { file: name, params: { pattern: f.pattern } });
  }
  const existing = await tableNames(engine);
  const table = opts.tableName ?? tableNameFor(`${name}.parquet`, existing);
  const clash = existing.find((n) => n.toLowerCase() === table.toLowerCase());
  if (clash && !opts.replace) throw new TenureError('import.tableExists', `A table named "${table}" already exists`, { file: name, params: { table } });
  if (clash) {
    const views = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM duckdb_views() WHERE view_name = ${ql(clash)} AND database_name = current_database()`));
    await engine.query(views[0].n > 0 ? `DROP VIEW ${qi(clash)}` : `DROP TABLE IF EXISTS ${qi(clash)}`);
  }
  const hive = isHive(files);
  try {
    // union_by_name reads every file's schema now, so a file that is not Parquet is named here, not mid-analysis.
    await engine.query(`CREATE VIEW ${qi(table)} AS SELECT * FROM read_parquet(${ql(folderGlob(f))}, union_by_name = true, hive_partitioning = ${hive})`);
  } catch (err) {
    throw explainFileError(err, f) ?? err;
  }
  const { rows, columns } = (await countsFromMetadata(engine, f, table, files)) ?? (await describeTable(engine, table));
  return { table, folder: f.folder, pattern: f.pattern, files, size: files.reduce((t, x) => t + x.size, 0), fingerprint: await folderFingerprint(files), hive, rows, columns };
}

/** The folder as an import result (the CLI's commands and the workbench's Explorer take these). */
export function folderImportResult(r: ParquetFolderResult): ImportResult {
  return {
    ...describedResult({ table: r.table, file: folderName(r.folder), format: 'parquet', size: r.size, rows: r.rows, columns: r.columns }),
    folder: { path: r.folder, pattern: r.pattern, files: r.files.length, size: r.size, fingerprint: r.fingerprint, hive: r.hive },
  };
}
