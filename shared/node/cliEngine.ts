/**
 * The CLI's engine: native DuckDB in its engine process by default (all cores, spills to disk),
 * `--engine wasm` for duckdb-wasm; `--memory-limit 4GB` and `--threads N` pass through. The engine
 * that ran is recorded so the JSON result can say so.
 */
import type { QueryEngine } from '../engine/QueryEngine';
import { MEMORY_LIMIT_RE } from '../engine/engineProtocol';
import { TenureError } from '../errors';
import type { CliContext, CliOptions } from './cliTypes';

export type CliEngineKind = 'native' | 'wasm';

export const ENGINE_OPTIONS: CliOptions = {
  engine: { type: 'string' },
  'memory-limit': { type: 'string' },
  threads: { type: 'string' },
};

let used: CliEngineKind | null = null;

/** The engine the last command started (null: none). */
export function engineUsed(): CliEngineKind | null {
  return used;
}

export async function startCliEngine(ctx: CliContext, opts: { readDirs?: string[] } = {}): Promise<QueryEngine> {
  const kind = (ctx.values.engine as string | undefined) ?? 'native';
  if (kind !== 'native' && kind !== 'wasm') throw new TenureError('engine.unknown', `Unknown engine "${kind}" (native or wasm)`, { params: { engine: kind } });
  const memoryLimit = ctx.values['memory-limit'] as string | undefined;
  if (memoryLimit !== undefined && !MEMORY_LIMIT_RE.test(memoryLimit)) {
    const message = `--memory-limit expects a size such as 4GB or 512MB, got "${memoryLimit}"`;
    throw new TenureError('cli.badOption', message, { params: { message } });
  }
  const threads = ctx.values.threads !== undefined ? Number(ctx.values.threads) : undefined;
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    const message = `--threads expects a positive whole number, got "${ctx.values.threads}"`;
    throw new TenureError('cli.badOption', message, { params: { message } });
  }
  // Each engine's code loads only when chosen (duckdb-wasm alone costs ~0.3 s of start-up).
  const engine =
    kind === 'native'
      ? (await import('../engine/node/forkEngine')).forkedNativeEngine({ memoryLimit, threads, readDirs: opts.readDirs })
      : new (await import('../engine/node/wasmNodeEngine')).WasmNodeEngine({ memoryLimit, threads });
  await engine.init();
  used = kind;
  return engine;
}
