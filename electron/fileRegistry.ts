/**
 * Opaque file ids → paths the user chose (open dialog, command line, OS "open with", recent list).
 * The renderer only ever holds ids, so it cannot name a path on its own. Files are opened 'r'.
 */
import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { HostFile } from '../shared/host/HostApi';

interface Entry {
  path: string;
  name: string;
}

export class FileRegistry {
  private readonly byId = new Map<string, Entry>();
  private readonly idByPath = new Map<string, string>();

  /** Registers a regular file (stat'ed now) and returns its descriptor; the same path keeps its id. */
  async register(path: string): Promise<HostFile> {
    const abs = resolve(path);
    const info = await stat(abs);
    if (!info.isFile()) throw new Error(`not a regular file: ${abs}`);
    let id = this.idByPath.get(abs);
    if (!id) {
      id = randomUUID();
      this.byId.set(id, { path: abs, name: basename(abs) });
      this.idByPath.set(abs, id);
    }
    return { id, name: basename(abs), size: info.size, path: abs };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Bytes [start, end) clamped to the current file size (a file can shrink after it was chosen).
   * Callers validate the id and the range first.
   */
  async readRange(id: string, start: number, end: number): Promise<Uint8Array> {
    const entry = this.byId.get(id);
    if (!entry) throw new Error('unknown file id');
    const fh = await open(entry.path, 'r');
    try {
      const { size } = await fh.stat();
      const from = Math.min(start, size);
      const to = Math.min(end, size);
      const buf = new Uint8Array(to - from);
      let done = 0;
      while (done < buf.length) {
        const { bytesRead } = await fh.read(buf, done, buf.length - done, from + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buf.length ? buf : buf.subarray(0, done);
    } finally {
      await fh.close();
    }
  }
}
