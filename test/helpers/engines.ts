import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';

export type EngineKind = 'wasm' | 'native';

/** Both engines: every engine and golden test runs on each and expects the same numbers. */
export const ENGINE_KINDS: EngineKind[] = ['wasm', 'native'];

/** A started engine of that kind (native = the engine process, forked as the CLI and main start it). */
export async function startEngine(kind: EngineKind): Promise<QueryEngine> {
  const engine = kind === 'wasm' ? new WasmNodeEngine() : forkedNativeEngine({ threads: 2 });
  await engine.init();
  return engine;
}
