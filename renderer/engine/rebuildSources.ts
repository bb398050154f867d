/**
 * What the native engine needs to rebuild a study after its process died: each table imported from
 * a file, with the file and the choices it was imported with. Tables made from SQL are not kept
 * (the Explorer forgets them after the rebuild).
 */
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import type { FileSource } from '../../shared/import/FileSource';
import { importFile } from '../../shared/import/importFile';
import { useWorkbench } from '../store/workbenchStore';

type ImportOptions = NonNullable<Parameters<typeof importFile>[2]>;

const imports = new Map<string, { src: FileSource; options: ImportOptions }>();

export function rememberImport(table: string, src: FileSource, options: ImportOptions): void {
  const { signal: _signal, onProgress: _progress, ...kept } = options;
  imports.set(table, { src, options: kept });
}

/** Import every remembered file again under its table name; then prune what is gone. */
export async function rebuildSources(engine: QueryEngine): Promise<void> {
  for (const [table, { src, options }] of imports) {
    try {
      await importFile(engine, src, { ...options, tableName: table });
    } catch {
      imports.delete(table);
    }
  }
  useWorkbench.getState().pruneTables(new Set(imports.keys()));
}

/** A table renamed (Explorer → Rename) is rebuilt under its new name; a dropped one is not rebuilt. */
export function renameImport(from: string, to: string | null): void {
  const entry = imports.get(from);
  imports.delete(from);
  if (entry && to) imports.set(to, entry);
}
