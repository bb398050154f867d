/**
 * The two engines under test behind one small interface. Both are the app's QueryEngine: duckdb-wasm
 * through WasmNodeEngine (boundary casts and the Arrow IPC hop included: that is what the app pays),
 * native DuckDB through NativeQueryEngine with an explicit thread count.
 */
import { toRows } from '../shared/engine/arrowRows';
import type { QueryEngine } from '../shared/engine/QueryEngine';
import { WasmNodeEngine } from '../shared/engine/node/wasmNodeEngine';
import { ql } from '../shared/engine/sqlQuote';
import { registeredPath } from '../shared/engine/engineFiles';
import { NativeQueryEngine } from './nativeQueryEngine';

export interface BenchEngine {
  readonly kind: 'wasm' | 'native';
  /** The app-facing engine: pass it to shared/analysis compute functions. */
  readonly qe: QueryEngine;
  /** A SQL expression naming the CSV for read_csv (a lazily registered file, or a path). */
  csvRef(file: string): Promise<string>;
  /** Run SQL; the result rows as plain objects (results here are small). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function wrap(kind: 'wasm' | 'native', qe: QueryEngine, csvRef: (file: string) => Promise<string>): BenchEngine {
  return { kind, qe, csvRef, rows: async (sql) => toRows(await qe.query(sql)), close: () => qe.close() };
}

export async function openWasm(): Promise<BenchEngine & { app: WasmNodeEngine }> {
  const app = new WasmNodeEngine();
  await app.init();
  let n = 0;
  const engine = wrap('wasm', app, async (file) => {
    // The app's UTF-8 path: registered lazily, read in ranges from disk.
    const name = `bench_${n++}.csv`;
    await app.registerFileHandle(name, file);
    return ql(registeredPath(app, name));
  });
  return { ...engine, app };
}

export async function openNative(threads: number | null): Promise<BenchEngine> {
  const qe = new NativeQueryEngine(threads);
  await qe.init();
  return wrap('native', qe, async (file) => ql(file));
}
