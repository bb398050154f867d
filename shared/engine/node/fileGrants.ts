/**
 * Which absolute paths the engine process may link in for a renderer. The renderer holds file ids,
 * never the right to name a path: main grants each file the user chose (dialog, command line,
 * recent list) over the engine's parent port, and a renderer port's registerFileHandle is refused
 * for any other path (it would otherwise copy /etc/passwd into the engine's folder for read_csv).
 */
import path from 'node:path';
import { TenureError } from '../../errors';

export class FileGrants {
  private readonly paths = new Set<string>();

  add(p: string): void {
    if (path.isAbsolute(p)) this.paths.add(path.resolve(p));
  }

  has(p: unknown): boolean {
    return typeof p === 'string' && path.isAbsolute(p) && this.paths.has(path.resolve(p));
  }

  check(p: unknown): void {
    if (!this.has(p)) throw new TenureError('engine.fileNotGranted', 'The engine may only open files you chose in Tenure', { params: {} });
  }
}

/** A control message from main (parent port only): a path the user chose. */
export interface GrantMessage {
  type: 'grant';
  path: string;
}
