import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './paths';

const exec = promisify(execFile);

/** The CLI as a user runs it (`node --import tsx shared/node/cli.ts …`): exit code, stdout, stderr. */
export async function cliText(args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'shared/node/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** As cliText, with stdout parsed as JSON on success (raw text, or null, on failure). */
export async function cliJson(args: string[]): Promise<{ code: number; out: unknown; err: string }> {
  const r = await cliText(args);
  return { code: r.code, out: r.code === 0 ? JSON.parse(r.out) : r.out || null, err: r.err };
}

/**
 * The CLI writing into a pipe whose reader is slow: on the first chunk the reader stops for
 * `pauseMs`, so a process that exits before its output drains loses everything past the pipe buffer.
 */
export function cliPiped(args: string[], pauseMs = 1500): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'shared/node/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let paused = false;
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (paused) return;
      paused = true;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), pauseMs);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8'), err: Buffer.concat(err).toString('utf8') }));
  });
}
