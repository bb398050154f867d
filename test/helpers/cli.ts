import { execFile } from 'node:child_process';
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
