import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';

export type EngineKind = 'wasm' | 'native';

/**
 * The engine a test file runs on: vitest.config.ts runs the files in BOTH_ENGINES twice, as project
 * engine-wasm and engine-native (TENURE_TEST_ENGINE), and expects the same numbers from each.
 */
export function testEngineKind(): EngineKind {
  return process.env.TENURE_TEST_ENGINE === 'native' ? 'native' : 'wasm';
}

/** A started engine (native = the engine process, forked as the CLI and main start it). */
export async function startEngine(kind: EngineKind = testEngineKind()): Promise<QueryEngine> {
  const engine = kind === 'wasm' ? new WasmNodeEngine() : forkedNativeEngine({ threads: 2 });
  await engine.init();
  return engine;
}
