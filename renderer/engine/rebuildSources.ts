/**
 * What the native engine needs to rebuild a study after its process died: each table imported from
 * a file, with the file and the choices it was imported with, then the statements that changed the
 * database from the SQL editor (sqlRecipes.ts), run again in their order. Tables that still cannot
 * be rebuilt are named to the user, and the Explorer forgets them.
 */
import type { TFunction } from 'i18next';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { SqlRecipes, lostTables } from '../../shared/engine/sqlRecipes';
import type { FileSource } from '../../shared/import/FileSource';
import { importFile } from '../../shared/import/importFile';
import { importParquetFolder, type ParquetFolderInput } from '../../shared/import/parquetFolder';
import { tableNames } from '../../shared/import/tableInfo';
import { allTables } from '../store/sourcesSlice';
import { useWorkbench } from '../store/workbenchStore';
import { refreshCatalog } from '../workbench/actions/catalog';

type ImportOptions = NonNullable<Parameters<typeof importFile>[2]>;

const imports = new Map<string, { src: FileSource; options: ImportOptions }>();
/** Parquet folders by table: their views are made again over the same folder and glob. */
const folders = new Map<string, ParquetFolderInput>();

/** Statements run from the SQL editor that changed the database (recorded by the SQL editor). */
export const sqlRecipes = new SqlRecipes();

export function rememberFolder(table: string, folder: ParquetFolderInput): void {
  folders.set(table, folder);
}

export function rememberImport(table: string, src: FileSource, options: ImportOptions): void {
  const { signal: _signal, onProgress: _progress, ...kept } = options;
  imports.set(table, { src, options: kept });
}

/** Import every remembered file again under its table name, replay the SQL editor's statements, report what is lost. */
export async function rebuildSources(engine: QueryEngine, t?: TFunction): Promise<void> {
  const before = allTables(useWorkbench.getState().sources).map((x) => x.name);
  for (const [table, { src, options }] of imports) {
    try {
      await importFile(engine, src, { ...options, tableName: table });
    } catch {
      imports.delete(table);
    }
  }
  for (const [table, folder] of folders) {
    try {
      await importParquetFolder(engine, folder, { tableName: table, replace: true });
    } catch {
      folders.delete(table);
    }
  }
  useWorkbench.getState().pruneTables(new Set([...imports.keys(), ...folders.keys()]));
  const replay = await sqlRecipes.replay(engine);
  const lost = lostTables(before, await tableNames(engine));
  await refreshCatalog(engine).catch(() => undefined);
  if (!t) return;
  const store = useWorkbench.getState();
  if (lost.length) {
    const detail = replay.failed.length ? t('workbench.status.restart.lostDetail', { statements: replay.failed.map((f) => `${f.sql} — ${f.message}`).join('\n') }) : undefined;
    store.notify('warning', t('workbench.status.restart.lost', { tables: lost.join(', ') }), detail);
  } else if (replay.replayed) {
    store.notify('info', t('workbench.status.restart.rebuilt', { count: replay.replayed }));
  }
}

/** A table renamed (Explorer → Rename) is rebuilt under its new name; a dropped one is not rebuilt. */
export function renameImport(from: string, to: string | null): void {
  const entry = imports.get(from);
  imports.delete(from);
  if (entry && to) imports.set(to, entry);
  const folder = folders.get(from);
  folders.delete(from);
  if (folder && to) folders.set(to, folder);
}
