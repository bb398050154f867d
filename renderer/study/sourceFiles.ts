import type { FileSource } from '../../shared/import/FileSource';
import { fingerprint } from '../../shared/study/fingerprint';
import type { SourceFile } from '../store/types';

/** What a study records about an imported file: name, size, where, when, a fingerprint, the choices. */
export async function describeFile(
  src: FileSource,
  at: { path?: string; mtime?: number; options?: object; columns?: Record<number, object>; fingerprint?: Promise<string | null> },
): Promise<SourceFile> {
  const fp = await (at.fingerprint ?? fingerprintOf(src));
  const options = Object.fromEntries(Object.entries(at.options ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { fileName: src.name, size: src.size, path: at.path ?? null, mtime: at.mtime ?? null, fingerprint: fp, options, columns: (at.columns ?? {}) as SourceFile['columns'] };
}

/** The file's fingerprint, or null when it cannot be read: a courtesy (it tells a changed file later), never an import failure. */
export function fingerprintOf(src: FileSource): Promise<string | null> {
  return fingerprint(src).catch(() => null);
}
