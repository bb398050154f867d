import { openSync, readSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileSource } from '../import/FileSource';
import { TenureError } from '../errors';

/** A file on disk as a FileSource, opened read-only for each range read. */
export function nodeFileSource(filePath: string): FileSource {
  const abs = path.resolve(filePath);
  let size: number;
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new TenureError('file.notFile', `${filePath} is not a file`, { file: filePath });
    size = st.size;
  } catch (err) {
    if (err instanceof TenureError) throw err;
    throw new TenureError('file.notFound', `${filePath}: no such file`, { file: filePath });
  }
  return {
    name: path.basename(abs),
    size,
    handle: abs,
    async read(start: number, end: number): Promise<Uint8Array> {
      const len = Math.max(0, Math.min(end, size) - start);
      const buf = new Uint8Array(len);
      const fd = openSync(abs, 'r');
      try {
        let off = 0;
        while (off < len) {
          const n = readSync(fd, buf, off, len - off, start + off);
          if (n === 0) break;
          off += n;
        }
      } finally {
        closeSync(fd);
      }
      return buf;
    },
  };
}
