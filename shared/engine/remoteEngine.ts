/**
 * QueryEngine over an EngineChannel: the native engine in its own process, seen from the renderer
 * (a MessagePort from main) or from the CLI (a forked child). Results arrive as Arrow IPC bytes.
 * If the process dies, every pending call fails with engine.crashed, a new process is started on
 * the next call (or at once), and onRestart rebuilds the tables from their sources.
 */
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { TenureError } from '../errors';
import type { QueryEngine } from './QueryEngine';
import type { EngineChannel, EngineInfo, EngineRequest, EngineResponse, EngineStartOptions } from './engineProtocol';

type Pending = { resolve: (r: EngineResponse & { ok: true }) => void; reject: (e: Error) => void };
type Body = EngineRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface RemoteEngineOptions {
  connect: () => Promise<EngineChannel>;
  start: EngineStartOptions;
  /** After a restart (the tables are gone): re-import the sources. */
  onRestart?: () => Promise<void>;
  /**
   * Who may add read folders: the forked engine's owner (CLI, tests) passes them at the next start; in
   * Electron main holds the options (the renderer cannot name paths), so this asks main to grant the
   * folder the user chose before the restart. Absent: folders are added to `start.readDirs` here.
   */
  grantFolder?: (dir: string) => Promise<void>;
}

export class RemoteEngine implements QueryEngine {
  readonly name = 'duckdb native';
  /** Native DuckDB spills to its temp folder: file size is bounded by disk, not by a heap. */
  readonly maxTextBytes = Number.POSITIVE_INFINITY;
  /** Opened files are linked into the engine's folder by path (granted by main in Electron). */
  readonly linksFiles = true;
  info: EngineInfo | null = null;
  /** How many times the engine process was restarted after dying. */
  restarts = 0;
  private channel: EngineChannel | null = null;
  private starting: Promise<EngineChannel> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private rebuilding: Promise<void> | null = null;
  /** Channels closed on purpose (restart): their end is not a crash. */
  private readonly retired = new WeakSet<EngineChannel>();

  constructor(private readonly options: RemoteEngineOptions) {}

  async init(): Promise<void> {
    await this.ready();
  }

  private ready(): Promise<EngineChannel> {
    if (this.closed) return Promise.reject(new TenureError('engine.closed', 'The engine was closed'));
    if (this.channel) return Promise.resolve(this.channel);
    this.starting ??= this.open().finally(() => (this.starting = null));
    return this.starting;
  }

  private async open(): Promise<EngineChannel> {
    const channel = await this.options.connect();
    channel.onMessage((msg) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg);
      else p.reject(new TenureError(msg.error.code, msg.error.message, { params: msg.error.params }));
    });
    channel.onClose((reason) => this.lost(channel, reason));
    this.channel = channel;
    const r = await this.send(channel, { op: 'init', options: this.options.start });
    this.info = r.value as EngineInfo;
    return channel;
  }

  private lost(channel: EngineChannel, reason: string): void {
    if (this.retired.has(channel)) return;
    if (this.channel !== channel && this.channel !== null) return;
    this.channel = null;
    const failed = [...this.pending.values()];
    this.pending.clear();
    const message = `The DuckDB engine process stopped (${reason}). It is being restarted and the tables rebuilt from their files; run the step again.`;
    for (const p of failed) p.reject(new TenureError('engine.crashed', message, { params: { reason } }));
    if (this.closed) return;
    this.restarts++;
    // Restart at once so the study is back before the user asks for it.
    this.rebuilding = this.ready()
      .then(() => this.rebuild())
      .catch(() => undefined)
      .finally(() => (this.rebuilding = null));
  }

  private send(channel: EngineChannel, body: Body): Promise<EngineResponse & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        channel.post({ ...body, id } as EngineRequest);
      } catch (err) {
        this.pending.delete(id);
        reject(err as Error);
      }
    });
  }

  private async call(body: Body): Promise<EngineResponse & { ok: true }> {
    return this.send(await this.ready(), body);
  }

  /** The folders the running process may read (absent before init). */
  get readDirs(): readonly string[] | undefined {
    return this.info?.readDirs;
  }

  /**
   * Make a folder readable in place: DuckDB's settings are locked once the process starts, so the
   * process is replaced by one started with the folder allowed, and the tables are rebuilt (onRestart)
   * as after a crash. Nothing happens when the running process already allows it.
   */
  async allowFolder(dir: string): Promise<void> {
    await this.ready();
    if (this.info?.readDirs?.includes(dir)) return;
    // The rebuild itself (onRestart) re-opening a folder the new process does not allow: no restart within a restart.
    if (this.inRebuild) throw new TenureError('engine.folderNotAllowed', `The engine could not be given read access to the folder ${dir}`, { file: dir, params: { folder: dir } });
    await this.settled();
    if (this.info?.readDirs?.includes(dir)) return;
    if (this.options.grantFolder) await this.options.grantFolder(dir);
    else this.options.start = { ...this.options.start, readDirs: [...new Set([...(this.options.start.readDirs ?? []), dir])] };
    await this.restart();
    if (!this.info?.readDirs?.includes(dir)) {
      throw new TenureError('engine.folderNotAllowed', `The engine could not be given read access to the folder ${dir}`, { file: dir, params: { folder: dir } });
    }
  }

  /** End the running process on purpose, start a new one (with the current start options) and rebuild. */
  async restart(): Promise<void> {
    const old = this.channel;
    if (old) {
      this.retired.add(old);
      const gone = new Promise<void>((resolve) => {
        old.onClose(() => resolve());
        setTimeout(resolve, 10_000);
      });
      // A running query is interrupted first (DuckDB closes only between queries); the process then exits.
      await this.send(old, { op: 'cancel' }).catch(() => undefined);
      void this.send(old, { op: 'close' }).catch(() => undefined);
      await gone;
      old.close();
      if (this.channel === old) this.channel = null;
      const failed = [...this.pending.values()];
      this.pending.clear();
      for (const p of failed) p.reject(new TenureError('engine.restarted', 'The DuckDB engine was restarted to open a folder; run the step again.'));
    }
    await this.ready();
    this.rebuilding = this.rebuild().catch(() => undefined).finally(() => (this.rebuilding = null));
    await this.rebuilding;
  }

  private inRebuild = false;

  private async rebuild(): Promise<void> {
    this.inRebuild = true;
    try {
      await this.options.onRestart?.();
    } finally {
      this.inRebuild = false;
    }
  }

  /** Resolves when a restart (and its rebuild) has finished; at once otherwise. */
  async settled(): Promise<void> {
    await this.rebuilding;
  }

  async registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    await this.call({ op: 'registerFileBuffer', name, bytes });
  }

  async registerFileHandle(name: string, handle: unknown): Promise<void> {
    if (typeof handle !== 'string') throw new Error('The native engine expects a file path');
    await this.call({ op: 'registerFileHandle', name, path: handle });
  }

  async attachReadOnly(name: string, alias: string): Promise<void> {
    await this.call({ op: 'attach', name, alias });
  }

  async dropFile(name: string): Promise<void> {
    await this.call({ op: 'dropFile', name });
  }

  async insertArrowTable(tableName: string, table: Table): Promise<void> {
    await this.call({ op: 'insertArrow', table: tableName, ipc: tableToIPC(table, 'stream') });
  }

  async query(sql: string): Promise<Table> {
    const r = await this.call({ op: 'query', sql });
    return tableFromIPC(r.ipc!);
  }

  async queryDenseGroups(sql: string): Promise<Table> {
    const r = await this.call({ op: 'query', sql, denseGroups: true });
    return tableFromIPC(r.ipc!);
  }

  async cancel(): Promise<boolean> {
    if (!this.channel) return false;
    const r = await this.send(this.channel, { op: 'cancel' });
    return r.value === true;
  }

  async close(): Promise<void> {
    this.closed = true;
    const channel = this.channel;
    this.channel = null;
    if (!channel) return;
    await this.send(channel, { op: 'close' }).catch(() => undefined);
    channel.close();
  }
}
