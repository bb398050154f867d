/**
 * The native engine process as a forked Node child (CLI, tests, benchmarks): the same module Electron
 * main starts as a utilityProcess. From the bundled CLI the child is dist-cli/engineProcess.mjs;
 * from source it is engineProcess.ts under tsx.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EngineChannel, EngineRequest, EngineResponse, EngineStartOptions } from '../engineProtocol';
import { RemoteEngine } from '../remoteEngine';
import { holdOpen, takeChild } from './engineChild';

export { prestartEngineProcess } from './engineChild';

/** Start an engine child (or adopt the prestarted one) and wrap its IPC channel. `child` is exposed for tests (kill it). */
export function forkChannel(onChild?: (child: ChildProcess) => void): Promise<EngineChannel> {
  const child = takeChild();
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  onChild?.(child);
  const closeCbs: ((reason: string) => void)[] = [];
  child.on('exit', (code, signal) => {
    const lines = stderr.trim().split('\n');
    const last = lines.find((l) => /Error|error:|abort/i.test(l)) ?? lines.pop() ?? '';
    const reason = signal ? `signal ${signal}` : `exit code ${code}`;
    for (const cb of closeCbs) cb(last ? `${reason}: ${last}` : reason);
  });
  return Promise.resolve({
    post: (msg: EngineRequest) => void child.send(msg),
    onMessage: (cb: (msg: EngineResponse) => void) => void child.on('message', (m) => cb(m as EngineResponse)),
    onClose: (cb) => void closeCbs.push(cb),
    close: () => {
      if (child.connected) child.disconnect();
      // The child ends itself once disconnected (after closing DuckDB); the caller need not wait for it.
      holdOpen(child, false);
    },
  });
}

export interface ForkedEngineOptions extends Partial<EngineStartOptions> {
  onRestart?: () => Promise<void>;
  onChild?: (child: ChildProcess) => void;
}

/** A RemoteEngine on a forked child, with its own temp folder (removed on close). */
export function forkedNativeEngine(opts: ForkedEngineOptions = {}): RemoteEngine {
  const dir = opts.dir ?? mkdtempSync(path.join(tmpdir(), 'tenure-engine-'));
  const engine = new RemoteEngine({
    connect: () => forkChannel(opts.onChild),
    start: { dir, threads: opts.threads, memoryLimit: opts.memoryLimit, readDirs: opts.readDirs },
    onRestart: opts.onRestart,
  });
  if (!opts.dir) {
    const close = engine.close.bind(engine);
    engine.close = async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  return engine;
}
