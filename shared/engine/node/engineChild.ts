/**
 * Forking the engine process (dist-cli/engineProcess.mjs from the bundle, engineProcess.ts under tsx
 * from the sources). Apart from forkEngine.ts so that the bundled CLI's entry can fork it before
 * loading anything heavy (forkEngine's RemoteEngine brings apache-arrow).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function entry(): { file: string; execArgv: string[] } {
  // The bundle: dist-cli/engineProcess.mjs, beside cli.mjs or one level above its chunk.
  for (const dir of [here, path.dirname(here)]) {
    const bundled = path.join(dir, 'engineProcess.mjs');
    if (existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  return { file: path.join(here, 'engineProcess.ts'), execArgv: ['--import', 'tsx'] };
}

function forkChild(): ChildProcess {
  const { file, execArgv } = entry();
  return fork(file, [], { execArgv, serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
}

let prestarted: ChildProcess | null = null;

/**
 * Fork the engine process now, before the CLI has loaded its own code, so Node's start-up and
 * DuckDB's library load (≈ 0.5 s) overlap with the CLI's: the next forkChannel adopts it. Unused, it
 * neither keeps the CLI alive nor outlives it.
 */
export function prestartEngineProcess(): number | undefined {
  if (prestarted) return prestarted.pid;
  const child = forkChild();
  holdOpen(child, false);
  child.on('exit', () => {
    if (prestarted === child) prestarted = null;
  });
  process.once('exit', () => {
    if (prestarted === child) child.kill();
  });
  prestarted = child;
  return child.pid;
}

/** The prestarted child if it is still usable, else a new one. */
export function takeChild(): ChildProcess {
  const child = prestarted;
  prestarted = null;
  if (!child || child.exitCode !== null || child.signalCode !== null || !child.connected) return forkChild();
  holdOpen(child, true);
  return child;
}

/** Whether the child (its handle, IPC channel and stderr pipe) keeps this process's event loop alive. */
export function holdOpen(child: ChildProcess, hold: boolean): void {
  const handles = [child, child.channel, child.stderr] as unknown as ({ ref?(): void; unref?(): void } | null | undefined)[];
  for (const h of handles) (hold ? h?.ref : h?.unref)?.call(h);
}
