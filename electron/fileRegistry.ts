/**
 * Opaque file ids → files the user chose (open dialog, command line, OS "open with", recent list).
 * The renderer only ever holds ids, so it cannot name a path on its own.
 *
 * A file is opened once, read-only, when it is registered, and the type check runs on that open
 * handle (fstat): every later read goes through the same descriptor. So there is no check-then-open
 * race — swapping the path for a symlink, a FIFO or another file after it was chosen changes nothing
 * we read. O_NONBLOCK keeps a FIFO or device from hanging the open before it is refused.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { HostFile } from '../shared/host/HostApi';

interface Entry {
  path: string;
  name: string;
  handle: FileHandle;
  /** Identity of the open file, to notice that the path now names another one. */
  dev: number;
  ino: number;
}

/** Read-only; non-blocking so a FIFO cannot stall the open (a no-op for regular files; 0 on Windows). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class FileRegistry {
  private readonly byId = new Map<string, Entry>();
  private readonly idByPath = new Map<string, string>();

  /**
   * Opens a regular file read-only, checks it through the open handle, and returns its descriptor.
   * The same path keeps its id; if the path now names another file (the monthly export replaced),
   * the id moves to the new file's handle.
   */
  async register(path: string): Promise<HostFile> {
    const abs = resolve(path);
    const handle = await open(abs, OPEN_FLAGS);
    let info;
    try {
      info = await handle.stat();
      if (!info.isFile()) throw new Error(`not a regular file: ${abs}`);
    } catch (err) {
      await handle.close();
      throw err;
    }
    const fresh: Entry = { path: abs, name: basename(abs), handle, dev: info.dev, ino: info.ino };
    let id = this.idByPath.get(abs);
    const old = id ? this.byId.get(id) : undefined;
    if (id && old && old.dev === info.dev && old.ino === info.ino) {
      await handle.close(); // same file: keep the handle we already hold
    } else {
      id ??= randomUUID();
      this.byId.set(id, fresh);
      this.idByPath.set(abs, id);
      if (old) await old.handle.close().catch(() => undefined);
    }
    return { id, name: basename(abs), size: info.size, path: abs };
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Bytes [start, end) clamped to the current file size (a file can shrink after it was chosen),
   * read through the handle opened at registration. Callers validate the id and the range first.
   */
  async readRange(id: string, start: number, end: number): Promise<Uint8Array> {
    const entry = this.byId.get(id);
    if (!entry) throw new Error('unknown file id');
    const fh = entry.handle;
    const { size } = await fh.stat();
    const from = Math.min(start, size);
    const to = Math.min(end, size);
    const buf = new Uint8Array(Math.max(0, to - from));
    let done = 0;
    while (done < buf.length) {
      // Positional reads: concurrent ranges on one handle do not move a shared offset.
      const { bytesRead } = await fh.read(buf, done, buf.length - done, from + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === buf.length ? buf : buf.subarray(0, done);
  }

  /** Closes every handle (app quit). */
  async closeAll(): Promise<void> {
    const entries = [...this.byId.values()];
    this.byId.clear();
    this.idByPath.clear();
    await Promise.all(entries.map((e) => e.handle.close().catch(() => undefined)));
  }
}
