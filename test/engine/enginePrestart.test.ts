import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toRows } from '../../shared/engine/arrowRows';
import { forkedNativeEngine, prestartEngineProcess } from '../../shared/engine/node/forkEngine';
import { ROOT } from '../helpers/paths';

const run = promisify(execFile);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the engine process started ahead of the CLI (bundled CLI start-up)', () => {
  it('is adopted by the next engine: same process, answers queries', async () => {
    const pid = prestartEngineProcess();
    expect(pid).toBeGreaterThan(0);
    let adopted: number | undefined;
    const engine = forkedNativeEngine({ onChild: (c) => (adopted = c.pid) });
    try {
      await engine.init();
      expect(adopted).toBe(pid);
      expect(toRows(await engine.query('SELECT 42 AS x'))).toEqual([{ x: 42 }]);
      // The next engine forks its own process.
      let second: number | undefined;
      const other = forkedNativeEngine({ onChild: (c) => (second = c.pid) });
      await other.init();
      expect(second).not.toBe(pid);
      await other.close();
    } finally {
      await engine.close();
    }
  }, 60_000);

  it('unused, it neither keeps the process alive nor outlives it', async () => {
    const script = `import('./shared/engine/node/forkEngine.ts').then((m) => console.log(m.prestartEngineProcess()))`;
    const t0 = Date.now();
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, timeout: 30_000 });
    const pid = Number(stdout.trim());
    expect(pid).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(30_000);
    // Killed at the parent's exit (the kill is delivered at once; give the OS a moment to reap it).
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(pid)).toBe(false);
  }, 60_000);
});
