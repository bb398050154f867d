import { createRequire } from 'node:module';
import path from 'node:path';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { ENGINE_SETUP_SQL, PERFECT_HASH_BITS_SQL, denseGroupSetupSql, type QueryEngine } from '../QueryEngine';
import { normalizeTable } from '../normalizeTable';
import { confinementError, confinementSql } from '../confine';
import { WASM_FILES_DIR, registeredPath } from '../engineFiles';
import { readableEngineMessage } from '../engineError';

const require = createRequire(import.meta.url);
// The blocking build require()s apache-arrow's CommonJS copy while this code uses the ES module:
// two class hierarchies (instanceof fails). Arrow IPC bytes cross between them safely.
const arrowCjs = require('apache-arrow') as { tableToIPC(t: unknown, type: 'stream'): Uint8Array };

/**
 * duckdb-wasm in Node (tests, CLI, benchmarks). The blocking build runs each query synchronously
 * on the calling thread: right for the CLI and tests, wrong for interactive use (the app uses the
 * worker engine). Cancellation is therefore not possible here.
 */
export class WasmNodeEngine implements QueryEngine {
  readonly name = 'duckdb-wasm (node)';
  readonly filesDir = WASM_FILES_DIR;
  private db: duckdb.DuckDBBindings | null = null;
  private conn: duckdb.DuckDBConnection | null = null;
  /** queryDenseGroups' connection (the wider perfect-hash threshold: denseGroupSetupSql). */
  private dense: duckdb.DuckDBConnection | null = null;

  constructor(private readonly options: { threads?: number; memoryLimit?: string } = {}) {}

  async init(): Promise<void> {
    if (this.db) return;
    const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
    const bundles: duckdb.DuckDBBundles = {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    };
    const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
    await db.instantiate();
    db.open({});
    this.db = db;
    this.conn = db.connect();
    for (const sql of ENGINE_SETUP_SQL) this.conn.query(sql);
    if (this.options.threads) this.conn.query(`SET threads = ${Math.max(1, Math.floor(this.options.threads))}`);
    if (this.options.memoryLimit && /^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(this.options.memoryLimit)) {
      this.conn.query(`SET memory_limit = '${this.options.memoryLimit}'`);
    }
    const bits = Number(this.conn.query(PERFECT_HASH_BITS_SQL).getChildAt(0)?.get(0));
    for (const sql of denseGroupSetupSql(bits)) this.conn.query(sql);
    // Last: only registered files are readable, nothing is written, and no SQL can undo it.
    for (const sql of confinementSql([WASM_FILES_DIR])) this.conn.query(sql);
    this.dense = db.connect();
  }

  private need(): { db: duckdb.DuckDBBindings; conn: duckdb.DuckDBConnection } {
    if (!this.db || !this.conn) throw new Error('Engine not initialised');
    return { db: this.db, conn: this.conn };
  }

  async registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    this.need().db.registerFileBuffer(registeredPath(this, name), bytes);
  }

  /** handle = absolute path; DuckDB reads it lazily in ranges. */
  async registerFileHandle(name: string, handle: unknown): Promise<void> {
    if (typeof handle !== 'string') throw new Error('Node engine expects a file path');
    this.need().db.registerFileURL(registeredPath(this, name), path.resolve(handle), duckdb.DuckDBDataProtocol.NODE_FS, false);
  }

  async dropFile(name: string): Promise<void> {
    this.need().db.dropFile(registeredPath(this, name));
  }

  async insertArrowTable(tableName: string, table: Table): Promise<void> {
    const { conn } = this.need();
    conn.query(`DROP TABLE IF EXISTS "${tableName.replaceAll('"', '""')}"`);
    conn.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: tableName, create: true });
  }

  async query(sql: string): Promise<Table> {
    return this.run(this.need().conn, sql);
  }

  /** query() on the connection with the wider perfect-hash threshold. */
  async queryDenseGroups(sql: string): Promise<Table> {
    return this.run(this.dense ?? this.need().conn, sql);
  }

  private run(conn: duckdb.DuckDBConnection, sql: string): Table {
    let foreign;
    try {
      foreign = conn.query(sql);
    } catch (err) {
      const message = readableEngineMessage(err instanceof Error ? err.message : String(err));
      throw confinementError(message) ?? (err instanceof Error ? new Error(message) : err);
    }
    return normalizeTable(tableFromIPC(arrowCjs.tableToIPC(foreign, 'stream')));
  }

  async cancel(): Promise<boolean> {
    return false;
  }

  async close(): Promise<void> {
    this.dense?.close();
    this.conn?.close();
    this.db?.reset();
    this.dense = null;
    this.conn = null;
    this.db = null;
  }
}
