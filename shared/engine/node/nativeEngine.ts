/**
 * Native DuckDB (@duckdb/node-api) behind QueryEngine. It runs inside the engine process
 * (engineProcess.ts), never in the window's process: a native abort then cannot take the app down.
 * It owns that process's working directory: the engine's files folder, where registered buffers are
 * written and the user's opened files are linked (hard link, else a read-only copy), so that relative
 * names in SQL (read_csv('chunk.csv')) resolve there and confinement can allow only that folder
 * (plus the spill folder) and lock it (shared/engine/confine.ts).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import path from 'node:path';
import type { Table } from 'apache-arrow';
// Static: the bundled CLI's engine process loads the package once at start (a dynamic import of the
// bundled CommonJS package would expose only `default`).
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { ENGINE_SETUP_SQL, PERFECT_HASH_BITS_SQL, denseGroupSetupSql, type QueryEngine } from '../QueryEngine';
import { confinementError, confinementSql } from '../confine';
import { MEMORY_LIMIT_RE } from '../engineProtocol';
import { qi, ql } from '../sqlQuote';
import { TenureError } from '../../errors';
import { appendArrow, duckTypeOf, toArrowTable } from './nativeArrow';

type DuckDBResultReaderLike = Awaited<ReturnType<DuckDBConnection['runAndReadAll']>>;

export interface NativeEngineOptions {
  /** The engine's own folder (app-data or a temp folder): files/ and spill/ are made inside. */
  dir: string;
  threads?: number;
  /** DuckDB size text ('4GB'); default 70% of RAM. */
  memoryLimit?: string;
  /** Folders the user opened as data (Parquet folders), readable in place; never written (runGated). */
  readDirs?: string[];
}

/** The folders that exist as given (absolute, resolved); anything else is left out, never widened. */
function existingDirs(dirs: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const d of dirs ?? []) {
    if (typeof d !== 'string' || !path.isAbsolute(d)) continue;
    const abs = path.resolve(d);
    try {
      if (statSync(abs).isDirectory() && abs !== path.parse(abs).root) out.add(abs);
    } catch {
      // gone: not granted
    }
  }
  return [...out];
}

/** 70% of physical memory, as DuckDB size text. */
export function defaultMemoryLimit(): string {
  return `${Math.floor((totalmem() * 0.7) / 2 ** 20)}MiB`;
}

/** A file name the engine may create in its folder: one plain path component. */
function safeName(name: string): string {
  if (!name || name !== path.basename(name) || name === '.' || name === '..' || /[\\/\0]/.test(name)) {
    throw new TenureError('engine.badFileName', `Not a valid engine file name: ${JSON.stringify(name)}`, { params: { name } });
  }
  return name;
}

/** SQL with its string literals, quoted names and comments blanked (for a look at statement keywords). */
function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
}

export class NativeEngine implements QueryEngine {
  readonly name = 'duckdb native';
  readonly linksFiles = true;
  private instance: DuckDBInstance | null = null;
  private conn: DuckDBConnection | null = null;
  /** queryDenseGroups' connection: the wider perfect-hash threshold (see init). */
  private dense: DuckDBConnection | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The connection running a statement now (what cancel interrupts). */
  private running: DuckDBConnection | null = null;
  readonly filesDir: string;
  readonly spillDir: string;
  readonly readDirs: string[];
  threads = 0;
  memoryLimit = '';

  constructor(private readonly options: NativeEngineOptions) {
    this.filesDir = path.resolve(options.dir, 'files');
    this.spillDir = path.resolve(options.dir, 'spill');
    this.readDirs = existingDirs(options.readDirs);
  }

  async init(): Promise<void> {
    if (this.conn) return;
    for (const dir of [this.filesDir, this.spillDir]) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
    }
    process.chdir(this.filesDir);
    const memoryLimit = this.options.memoryLimit && MEMORY_LIMIT_RE.test(this.options.memoryLimit) ? this.options.memoryLimit : defaultMemoryLimit();
    const config: Record<string, string> = { memory_limit: memoryLimit, temp_directory: this.spillDir };
    if (this.options.threads) config.threads = String(Math.max(1, Math.floor(this.options.threads)));
    this.instance = await DuckDBInstance.create(':memory:', config);
    this.conn = await this.instance.connect();
    // The settings are locked below, so no SET can widen the perfect-hash aggregate around one
    // statement: new connections get DENSE_GROUP_BITS, this one keeps DuckDB's default for itself,
    // and the second connection (opened after the lock) serves only queryDenseGroups.
    const bits = Number((await this.conn.runAndReadAll(PERFECT_HASH_BITS_SQL)).getRowsJS()[0][0]);
    for (const sql of [...ENGINE_SETUP_SQL, ...denseGroupSetupSql(bits), ...confinementSql([this.filesDir, this.spillDir, ...this.readDirs])]) await this.conn.run(sql);
    this.dense = await this.instance.connect();
    const r = await this.conn.runAndReadAll("SELECT current_setting('threads')::INTEGER, current_setting('memory_limit')");
    const [row] = r.getRowsJS();
    this.threads = Number(row[0]);
    this.memoryLimit = String(row[1]);
  }

  private need(): DuckDBConnection {
    if (!this.conn) throw new Error('Engine not initialised');
    return this.conn;
  }

  /** One statement at a time on the one connection (as the worker engine does). */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    writeFileSync(path.join(this.filesDir, safeName(name)), bytes);
  }

  /** handle = an absolute path the user opened: linked into the files folder (copied if it cannot be). */
  async registerFileHandle(name: string, handle: unknown): Promise<void> {
    if (typeof handle !== 'string' || !path.isAbsolute(handle)) throw new Error('Native engine expects an absolute file path');
    const target = path.join(this.filesDir, safeName(name));
    rmSync(target, { force: true });
    try {
      linkSync(handle, target);
    } catch {
      copyFileSync(handle, target);
    }
  }

  async dropFile(name: string): Promise<void> {
    try {
      unlinkSync(path.join(this.filesDir, safeName(name)));
    } catch {
      // already gone
    }
  }

  async insertArrowTable(tableName: string, table: Table): Promise<void> {
    await this.exclusive(async () => {
      const conn = this.need();
      const kinds = table.schema.fields.map((f) => duckTypeOf(f.type));
      const cols = table.schema.fields.map((f, i) => `${qi(f.name)} ${kinds[i]}`).join(', ');
      await conn.run(`CREATE OR REPLACE TABLE ${qi(tableName)} (${cols})`);
      const appender = await conn.createAppender(tableName);
      try {
        await appendArrow(appender, table, kinds);
      } finally {
        appender.closeSync();
      }
    });
  }

  query(sql: string): Promise<Table> {
    return this.run(() => this.need(), sql);
  }

  /** The same gate and guard as query(), on the connection with the wider perfect-hash threshold. */
  queryDenseGroups(sql: string): Promise<Table> {
    return this.run(() => this.dense ?? this.need(), sql);
  }

  private run(pick: () => DuckDBConnection, sql: string): Promise<Table> {
    return this.exclusive(async () => {
      const conn = pick();
      this.running = conn;
      try {
        const reader = await this.runGated(conn, sql);
        return toArrowTable(reader.columnNames(), reader.columnTypes(), reader.getColumns());
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw confinementError(message) ?? err;
      } finally {
        this.running = null;
      }
    });
  }

  /**
   * Run statement by statement (as DuckDB's own multi-statement query does), refusing ATTACH and
   * DETACH before they run, and undoing a USE that would make another database the default (the
   * app's unqualified table names must keep meaning its own tables).
   */
  private async runGated(conn: DuckDBConnection, sql: string): Promise<DuckDBResultReaderLike> {
    // EXPORT DATABASE makes its folder while it is prepared, before its type can be seen: look first.
    if (this.readDirs.length && /(^|;)\s*(export|copy)\b/i.test(withoutLiterals(sql))) {
      const what = /(^|;)\s*export\b/i.test(withoutLiterals(sql)) ? 'EXPORT' : 'COPY';
      throw new TenureError('engine.writeRefused', `${what} is not allowed in SQL while a folder is open: the engine only reads the folders you opened (export results with Export CSV/XLSX)`, { params: { what } });
    }
    const extracted = await conn.extractStatements(sql);
    if (extracted.count === 0) return conn.runAndReadAll(sql);
    const T = StatementType;
    let last: DuckDBResultReaderLike | null = null;
    for (let i = 0; i < extracted.count; i++) {
      const prepared = await extracted.prepare(i);
      const type = prepared.statementType;
      // ATTACH: an opened file is hard-linked into the engine's folder, so attaching it read-write
      // would write into the user's own file. DETACH would pull an opened database from under its views.
      if (type === T.ATTACH || type === T.DETACH) {
        const what = type === T.ATTACH ? 'ATTACH' : 'DETACH';
        throw new TenureError('engine.attachRefused', `${what} is not allowed in SQL: open a database file with File → Open (it is attached read-only)`, { params: { what } });
      }
      // An opened folder is readable where it lies, and allowed_directories would let COPY … TO or
      // EXPORT DATABASE write into it too: with a folder granted, no statement writes files.
      if (this.readDirs.length && (type === T.COPY || type === T.EXPORT || type === T.COPY_DATABASE)) {
        const what = type === T.EXPORT ? 'EXPORT' : 'COPY';
        throw new TenureError('engine.writeRefused', `${what} is not allowed in SQL while a folder is open: the engine only reads the folders you opened (export results with Export CSV/XLSX)`, { params: { what } });
      }
      last = await prepared.runAndReadAll();
      if (type === T.SET) await this.keepDefaultDatabase(conn);
    }
    return last!;
  }

  private async keepDefaultDatabase(conn: DuckDBConnection): Promise<void> {
    const r = await conn.runAndReadAll('SELECT current_database()');
    const db = String(r.getRowsJS()[0][0]);
    if (db === 'memory') return;
    await conn.run('USE memory.main');
    throw new TenureError('engine.useRefused', `USE ${db}: the engine's own database stays the default; name an opened database's tables as ${db}.table`, { params: { database: db } });
  }

  /** The app's read-only attach of a file it registered (refused in user SQL, see runGated). */
  attachReadOnly(name: string, alias: string): Promise<void> {
    return this.exclusive(async () => {
      const conn = this.need();
      try {
        await conn.run(`ATTACH ${ql(path.join(this.filesDir, safeName(name)))} AS ${qi(alias)} (READ_ONLY)`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw confinementError(message) ?? err;
      }
    });
  }

  async cancel(): Promise<boolean> {
    if (!this.running) return false;
    this.running.interrupt();
    return true;
  }

  /** Files currently in the engine's folder (tests). */
  files(): string[] {
    return readdirSync(this.filesDir);
  }

  async close(): Promise<void> {
    this.dense?.closeSync();
    this.conn?.closeSync();
    this.instance?.closeSync();
    this.dense = null;
    this.conn = null;
    this.instance = null;
  }
}
