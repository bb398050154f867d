/**
 * Crash-recovery session files in userData: each write goes to a temp file that is fsync'ed, then the
 * generations rotate (session.json → session.1.json → session.2.json) and the temp file is renamed into
 * place. A crash at any point leaves at least the previous generation whole; reading takes the newest
 * generation that parses as JSON, so a torn or damaged file never hides an older good one.
 */
import * as fsp from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const SESSION_GENERATIONS = 3;

/** The file operations used (a test injects a crash between write and rename). */
export interface SessionFs {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  readFile: typeof fsp.readFile;
  mkdir: typeof fsp.mkdir;
}

const realFs: SessionFs = { open: fsp.open, rename: fsp.rename, readFile: fsp.readFile, mkdir: fsp.mkdir };

export function generationPath(dir: string, n: number): string {
  return join(dir, n === 0 ? 'session.json' : `session.${n}.json`);
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export async function writeSession(dir: string, text: string, fs: SessionFs = realFs): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `session.${process.pid}.tmp`);
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  for (let n = SESSION_GENERATIONS - 1; n > 0; n--) {
    await fs.rename(generationPath(dir, n - 1), generationPath(dir, n)).catch((err: unknown) => {
      if (!isMissing(err)) throw err;
    });
  }
  await fs.rename(tmp, generationPath(dir, 0));
  // Make the renames themselves durable where the platform allows syncing a directory.
  const d = await fs.open(dirname(generationPath(dir, 0)), 'r').catch(() => null);
  if (d) await d.sync().catch(() => undefined).finally(() => void d.close());
}

export async function readSession(dir: string, fs: SessionFs = realFs): Promise<string | null> {
  for (let n = 0; n < SESSION_GENERATIONS; n++) {
    let text: string;
    try {
      text = await fs.readFile(generationPath(dir, n), 'utf8');
    } catch (err) {
      if (isMissing(err)) continue;
      throw err;
    }
    try {
      JSON.parse(text);
      return text;
    } catch {
      // torn or damaged: try the previous generation
    }
  }
  return null;
}

/**
 * "Don't Save" on closing: the newest autosaved session is written again marked as without unsaved work,
 * so the next start does not offer to restore what the user chose to discard.
 */
export async function markSessionClean(dir: string, fs: SessionFs = realFs): Promise<void> {
  const text = await readSession(dir, fs);
  if (!text) return;
  const record = JSON.parse(text) as { dirty?: unknown };
  if (!record || typeof record !== 'object' || record.dirty !== true) return;
  await writeSession(dir, JSON.stringify({ ...record, dirty: false }), fs);
}
