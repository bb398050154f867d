/**
 * File → Open Folder…: a folder of Parquet files as one table (a view over every file, read where it
 * lies: shared/import/parquetFolder.ts). Desktop only: main shows the folder dialog and grants the folder,
 * the engine process restarts with it allowed and the open tables are rebuilt. The browser's DuckDB-Wasm
 * has no Parquet reader offline, so there the command says so.
 */
import { TenureError } from '../../../shared/errors';
import type { HostFolder } from '../../../shared/host/HostApi';
import { folderName, importParquetFolder, splitFolderInput, type ParquetFolderResult } from '../../../shared/import/parquetFolder';
import { rememberFolder } from '../../engine/rebuildSources';
import { useWorkbench } from '../../store/workbenchStore';
import type { DataSource, SourceFile } from '../../store/types';
import type { WorkbenchServices } from '../services';
import { openTable } from './openFiles';
import { reportError } from './reportError';

/** What the Explorer and a study keep about an opened folder (never its rows). */
export function describeFolder(r: ParquetFolderResult): SourceFile {
  return { fileName: folderName(r.folder), size: r.size, path: r.folder, mtime: null, fingerprint: r.fingerprint, options: {}, columns: {}, folder: { pattern: r.pattern, files: r.files.length } };
}

export function folderSourceMeta(folder: HostFolder): Omit<DataSource, 'tables'> {
  return { id: `folder:${folder.path}:${Date.now()}`, label: folder.name, icon: 'folder' };
}

export async function openFolderFromHost(services: WorkbenchServices): Promise<void> {
  if (!services.host.openFolder) {
    reportError(services.i18n, new TenureError('import.parquetFolderBrowser', "Opening a folder of Parquet files needs the Tenure desktop app or the CLI: the browser's DuckDB-Wasm has no Parquet reader offline"));
    return;
  }
  const folder = await services.host.openFolder().catch((err: unknown) => {
    reportError(services.i18n, err);
    return null;
  });
  if (folder) await openFolder(services, folder);
}

/** Open a granted folder as a table (a view) in the Explorer and a grid. */
export async function openFolder(services: WorkbenchServices, folder: HostFolder, opts: { open?: boolean } = {}): Promise<string | null> {
  const store = useWorkbench.getState();
  const task = store.startTask(services.i18n.t('workbench.status.openingFolder', { folder: folder.name }));
  try {
    await services.engine.init();
    const input = splitFolderInput(folder.path);
    const r = await importParquetFolder(services.engine, input);
    // After an engine restart (a crash, another folder) the view is made again over the same files.
    rememberFolder(r.table, input);
    store.addTable({ ...folderSourceMeta(folder), file: describeFolder(r) }, { name: r.table, rows: r.rows, columns: r.columns });
    if (opts.open !== false) openTable(r.table);
    return r.table;
  } catch (err) {
    reportError(services.i18n, err, 'import.failed');
    return null;
  } finally {
    store.endTask(task);
  }
}
