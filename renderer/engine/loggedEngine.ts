import type { Table } from 'apache-arrow';
import type { QueryEngine, QueryLogEntry } from '../../shared/engine/QueryEngine';

export type EngineState = 'starting' | 'ready' | 'busy' | 'error';

export interface EngineEvents {
  onState(state: EngineState, error?: string): void;
  onQuery(entry: QueryLogEntry): void;
}

/**
 * Wraps any QueryEngine and reports every statement (SQL, duration, rows, error) for the Log panel
 * and the status bar, plus the engine's state. Everything else passes straight through.
 */
export class LoggedEngine implements QueryEngine {
  private inFlight = 0;

  /** Present when the inner engine has it (native: user SQL may not ATTACH). */
  readonly attachReadOnly?: (name: string, alias: string) => Promise<void>;
  /** Present when the inner engine has it (native: the perfect-hash connection), logged as query() is. */
  readonly queryDenseGroups?: (sql: string) => Promise<Table>;

  /**
   * `timeline`: every statement and file registration also becomes a performance measure ('sql',
   * 'engine'; detail = the SQL), for DevTools and `bench:browser --profile` (off by default: the
   * browser keeps every measure for the page's lifetime).
   */
  constructor(private readonly inner: QueryEngine, private readonly events: EngineEvents, private readonly timeline = false) {
    const attach = inner.attachReadOnly?.bind(inner);
    if (attach) {
      this.attachReadOnly = async (name, alias) => {
        const started = performance.now();
        await attach(name, alias);
        this.events.onQuery({ sql: `-- attach ${name} read-only as ${alias}`, ms: performance.now() - started, rows: null, at: Date.now() });
      };
    }
    const dense = inner.queryDenseGroups?.bind(inner);
    if (dense) this.queryDenseGroups = (sql) => this.logged(sql, () => dense(sql));
  }

  get name(): string {
    return this.inner.name;
  }

  get filesDir(): string | undefined {
    return this.inner.filesDir;
  }

  get maxTextBytes(): number | undefined {
    return this.inner.maxTextBytes;
  }

  get linksFiles(): boolean | undefined {
    return this.inner.linksFiles;
  }

  async init(): Promise<void> {
    this.events.onState('starting');
    try {
      await this.inner.init();
      this.events.onState('ready');
    } catch (err) {
      this.events.onState('error', (err as Error).message);
      throw err;
    }
  }

  query(sql: string): Promise<Table> {
    return this.logged(sql, () => this.inner.query(sql));
  }

  private async logged(sql: string, run: () => Promise<Table>): Promise<Table> {
    this.enter();
    const started = performance.now();
    try {
      const table = await run();
      this.events.onQuery({ sql, ms: performance.now() - started, rows: table.numRows, at: Date.now() });
      if (this.timeline) performance.measure('sql', { start: started, detail: sql.slice(0, 300) });
      return table;
    } catch (err) {
      this.events.onQuery({ sql, ms: performance.now() - started, rows: null, error: (err as Error).message, at: Date.now() });
      throw err;
    } finally {
      this.leave();
    }
  }

  private enter(): void {
    if (this.inFlight++ === 0) this.events.onState('busy');
  }

  private leave(): void {
    if (--this.inFlight === 0) this.events.onState('ready');
  }

  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void> {
    return this.timed(`registerFileBuffer ${name} ${bytes.length}`, this.inner.registerFileBuffer(name, bytes));
  }

  registerFileHandle(name: string, handle: unknown): Promise<void> {
    return this.timed(`registerFileHandle ${name}`, this.inner.registerFileHandle(name, handle));
  }

  dropFile(name: string): Promise<void> {
    return this.inner.dropFile(name);
  }

  async insertArrowTable(tableName: string, table: Table): Promise<void> {
    this.enter();
    const started = performance.now();
    try {
      await this.inner.insertArrowTable(tableName, table);
      this.events.onQuery({ sql: `-- insert Arrow table ${tableName}`, ms: performance.now() - started, rows: table.numRows, at: Date.now() });
    } finally {
      this.leave();
    }
  }

  /** A span in the performance timeline for an engine call that is not a statement. */
  private async timed<T>(detail: string, run: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run;
    } finally {
      if (this.timeline) performance.measure('engine', { start, detail });
    }
  }

  cancel(): Promise<boolean> {
    return this.inner.cancel();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
