/**
 * The two engines under test behind one small interface. duckdb-wasm goes through the app's own
 * WasmNodeEngine (boundary casts, Arrow IPC hop included: that is what the app pays); native DuckDB
 * through @duckdb/node-api with an explicit thread count.
 */
import { toRows } from '../shared/engine/arrowRows';
import { WasmNodeEngine } from '../shared/engine/node/wasmNodeEngine';
import { ql } from '../shared/engine/sqlQuote';

export interface BenchEngine {
  readonly kind: 'wasm' | 'native';
  /** A SQL expression naming the CSV for read_csv (a registered virtual file or a path). */
  csvRef(file: string): Promise<string>;
  /** Run SQL; returns the result rows as plain objects (results here are small). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function openWasm(): Promise<BenchEngine & { app: WasmNodeEngine }> {
  const app = new WasmNodeEngine();
  await app.init();
  let n = 0;
  return {
    kind: 'wasm',
    app,
    async csvRef(file) {
      // The app's UTF-8 path: registered lazily, read in ranges from disk.
      const name = `bench_${n++}.csv`;
      await app.registerFileHandle(name, file);
      return ql(name);
    },
    async rows(sql) {
      return toRows(await app.query(sql));
    },
    close: () => app.close(),
  };
}

export async function openNative(threads: number | null): Promise<BenchEngine> {
  // Dev dependency, loaded only in the native child process.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
  const conn = await instance.connect();
  return {
    kind: 'native',
    async csvRef(file) {
      return ql(file);
    },
    async rows(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
