import type { FileSource } from '../../shared/import/FileSource';
import { fingerprint } from '../../shared/study/fingerprint';
import type { SourceFile } from '../store/types';

/** What a study records about an imported file: name, size, where, when, a fingerprint, the choices. */
export async function describeFile(
  src: FileSource,
  at: { path?: string; mtime?: number; options?: object; columns?: Record<number, object> },
): Promise<SourceFile> {
  let fp: string | null = null;
  try {
    fp = await fingerprint(src);
  } catch {
    // A fingerprint is a courtesy (it tells a changed file later); never fail an import over it.
  }
  const options = Object.fromEntries(Object.entries(at.options ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { fileName: src.name, size: src.size, path: at.path ?? null, mtime: at.mtime ?? null, fingerprint: fp, options, columns: (at.columns ?? {}) as SourceFile['columns'] };
}
