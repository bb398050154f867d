import type { Table } from 'apache-arrow';

/** One SQL statement as the Log panel shows it. */
export interface QueryLogEntry {
  sql: string;
  ms: number;
  rows: number | null;
  error?: string;
  at: number;
}

/**
 * The one contract between analyses/UI and DuckDB. Implementations: duckdb-wasm in a Web Worker
 * (renderer/engine/workerEngine.ts) and duckdb-wasm in Node (shared/engine/node/wasmNodeEngine.ts).
 * Results are Arrow tables whose BIGINT/HUGEINT/DECIMAL columns are already doubles (normalizeTable).
 */
export interface QueryEngine {
  readonly name: string;
  /**
   * The folder registered files live in, the only one SQL may read once the engine is confined
   * (confine.ts); SQL names them by registeredPath(engine, name) (engineFiles.ts). Absent: plain names.
   */
  readonly filesDir?: string;
  /**
   * registerFileHandle reads the host's file in place by path (native DuckDB: linked into filesDir),
   * so a database file is attached where it lies; absent: files are copied in (registerFileBuffer).
   */
  readonly linksFiles?: boolean;
  /**
   * Folders readable in place (a Parquet folder the user opened; native engine only). Absent: none,
   * and the engine cannot read a folder.
   */
  readonly readDirs?: readonly string[];
  /**
   * Make `dir` readable: a native engine restarts with it added to its allowed folders (its settings
   * are locked), then rebuilds its tables. Absent: the engine cannot read folders in place.
   */
  allowFolder?(dir: string): Promise<void>;
  /** Largest text file the import may load (absent: LIMITS.maxTextBytes, sized for the wasm heap). */
  readonly maxTextBytes?: number;
  init(): Promise<void>;
  /** Copy bytes into the engine under a virtual file name usable in SQL (e.g. read_csv('name')). */
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Register a host file lazily (read in ranges on demand; never copied whole):
   * a browser `File` in the worker engine, an absolute path in the Node engine.
   */
  registerFileHandle(name: string, handle: unknown): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Create (or replace) a table from an Arrow table. */
  insertArrowTable(tableName: string, table: Table): Promise<void>;
  /**
   * ATTACH the registered file `name` read-only as database `alias`. Engines that refuse ATTACH in
   * user SQL (native: a hard-linked file written through would change the user's own) implement
   * it; absent, the import runs the same ATTACH … (READ_ONLY) through query().
   */
  attachReadOnly?(name: string, alias: string): Promise<void>;
  /** Run SQL; the last statement's result comes back as an Arrow table. */
  query(sql: string): Promise<Table>;
  /**
   * Run one statement whose GROUP BY key the caller has bounded to a dense integer range
   * (DENSE_GROUP_BITS) on a connection whose perfect-hash aggregate takes such keys: a table of one
   * slot per key value instead of hashing each row. Every engine's settings are locked at start, so
   * this is a second connection opened with the wider threshold, not a SET around the statement;
   * TEMP tables of query() are not visible to it. Absent: the caller uses query().
   */
  queryDenseGroups?(sql: string): Promise<Table>;
  /** Cancel the running query, if the implementation can; resolves true when one was cancelled. */
  cancel(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Bits of a GROUP BY key range DuckDB answers with its perfect-hash aggregate on queryDenseGroups'
 * connection (its default, on every other statement, is 12): 2^22 slots of the aggregate state per
 * thread, ~100 MB for one sum over 2 threads.
 */
export const DENSE_GROUP_BITS = 22;

/** The connection's perfect-hash threshold (DuckDB's default: 12), read before denseGroupSetupSql. */
export const PERFECT_HASH_BITS_SQL = "SELECT current_setting('perfect_ht_threshold')::VARCHAR AS v";

/**
 * Run on the first connection before the configuration is locked: connections opened later get
 * DENSE_GROUP_BITS (queryDenseGroups' connection), this one keeps `bits` for every other statement.
 */
export const denseGroupSetupSql = (bits: number): string[] => [
  `SET GLOBAL perfect_ht_threshold = ${DENSE_GROUP_BITS}`,
  `SET SESSION perfect_ht_threshold = ${Math.floor(bits)}`,
];

/** Statements run right after opening: the app must never try the network (see NOTES.md). */
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
];
