import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { ENGINE_SETUP_SQL, PERFECT_HASH_BITS_SQL, denseGroupSetupSql, type QueryEngine } from '../../shared/engine/QueryEngine';
import { normalizeTable } from '../../shared/engine/normalizeTable';
import { readableEngineMessage } from '../../shared/engine/engineError';
import { qi } from '../../shared/engine/sqlQuote';
import { confinementError, confinementSql } from '../../shared/engine/confine';
import { WASM_FILES_DIR, registeredPath } from '../../shared/engine/engineFiles';
import { DUCKDB_BUNDLES } from './duckdbBundles';
import { COPY_WHOLE_BYTES, wholeBytes } from './fileBytes';

/**
 * duckdb-wasm (AsyncDuckDB) in a Web Worker: queries never block the UI thread. One connection,
 * statements run one at a time (a DuckDB connection holds one pending query; a second `send`
 * would invalidate the first), which also gives `cancel()` a well-defined target.
 */
/**
 * The perfect-hash setup (denseGroupSetupSql) before the lock; false, with the threshold as it was,
 * if this DuckDB refuses it: the engine then answers queryDenseGroups on its one connection.
 */
async function denseGroups(conn: duckdb.AsyncDuckDBConnection): Promise<boolean> {
  const bits = Number((await conn.query(PERFECT_HASH_BITS_SQL)).getChildAt(0)?.get(0));
  if (!Number.isInteger(bits)) return false;
  try {
    for (const sql of denseGroupSetupSql(bits)) await conn.query(sql);
    return true;
  } catch {
    await conn.query(`SET GLOBAL perfect_ht_threshold = ${bits}`).catch(() => undefined);
    return false;
  }
}

export class WorkerEngine implements QueryEngine {
  readonly name = 'duckdb-wasm (worker)';
  readonly filesDir = WASM_FILES_DIR;
  private db: duckdb.AsyncDuckDB | null = null;
  private conn: duckdb.AsyncDuckDBConnection | null = null;
  /** queryDenseGroups' connection (the wider perfect-hash threshold: denseGroupSetupSql). */
  private dense: duckdb.AsyncDuckDBConnection | null = null;
  private worker: Worker | null = null;
  private starting: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The connection running a statement now (what cancel interrupts). */
  private running: duckdb.AsyncDuckDBConnection | null = null;

  init(): Promise<void> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<void> {
    const bundle = await duckdb.selectBundle(DUCKDB_BUNDLES);
    const worker = new Worker(bundle.mainWorker!);
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: false } });
    const conn = await db.connect();
    // Before anything else: an extension auto-load would try the network and hang forever offline.
    // Then confinement: SQL (the editor's included) reads only registered files and writes none.
    for (const sql of ENGINE_SETUP_SQL) await conn.query(sql);
    const dense = await denseGroups(conn);
    for (const sql of confinementSql([WASM_FILES_DIR])) await conn.query(sql);
    if (dense) this.dense = await db.connect();
    this.worker = worker;
    this.db = db;
    this.conn = conn;
  }

  private need(): { db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection } {
    if (!this.db || !this.conn) throw new Error('Engine not initialised');
    return { db: this.db, conn: this.conn };
  }

  /** Serialise every engine call behind the previous one; a failure does not block the next. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    return this.exclusive(() => this.need().db.registerFileBuffer(registeredPath(this, name), bytes));
  }

  /**
   * handle = a browser File: copied in whole up to COPY_WHOLE_BYTES (fileBytes.ts: much faster to
   * read), else read by DuckDB through FileReader in ranges (never copied whole).
   */
  async registerFileHandle(name: string, handle: unknown): Promise<void> {
    if (!(handle instanceof Blob)) throw new Error('Worker engine expects a File');
    if (handle.size <= COPY_WHOLE_BYTES) return this.registerFileBuffer(name, await wholeBytes(handle));
    return this.exclusive(() => this.need().db.registerFileHandle(registeredPath(this, name), handle, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, false));
  }

  dropFile(name: string): Promise<void> {
    return this.exclusive(async () => {
      await this.need().db.dropFile(registeredPath(this, name));
    });
  }

  insertArrowTable(tableName: string, table: Table): Promise<void> {
    return this.exclusive(async () => {
      const { conn } = this.need();
      await conn.query(`DROP TABLE IF EXISTS ${qi(tableName)}`);
      await conn.insertArrowTable(table, { name: tableName, create: true });
    });
  }

  query(sql: string): Promise<Table> {
    return this.run(() => this.need().conn, sql);
  }

  /** query() on the connection with the wider perfect-hash threshold. */
  queryDenseGroups(sql: string): Promise<Table> {
    return this.run(() => this.dense ?? this.need().conn, sql);
  }

  private run(pick: () => duckdb.AsyncDuckDBConnection, sql: string): Promise<Table> {
    return this.exclusive(async () => {
      const conn = pick();
      this.running = conn;
      try {
        // send() (not query()) runs as a pending query that cancelSent() can interrupt.
        const reader = await conn.send(sql);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) batches.push(batch);
        return normalizeTable(new Table(reader.schema, batches));
      } catch (err) {
        // send() reports errors as JSON: rethrow them as DuckDB's plain "Parser Error: …" text.
        const message = readableEngineMessage(err instanceof Error ? err.message : String(err));
        throw confinementError(message) ?? (err instanceof Error ? new Error(message) : err);
      } finally {
        this.running = null;
      }
    });
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false;
    return this.running.cancelSent();
  }

  async close(): Promise<void> {
    await this.dense?.close().catch(() => undefined);
    await this.conn?.close().catch(() => undefined);
    await this.db?.terminate().catch(() => undefined);
    this.worker?.terminate();
    this.dense = null;
    this.conn = null;
    this.db = null;
    this.worker = null;
    this.starting = null;
  }
}
