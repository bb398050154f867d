import type { FileSource } from '../../../shared/import/FileSource';
import { workerExcelReader } from '../../editors/import/workerExcelReader';
import { importFile } from '../../../shared/import/importFile';
import { attachDatabase, dataFileFormat, databaseTables } from '../../../shared/import/dataFiles';
import type { HostFile } from '../../../shared/host/HostApi';
import { fileSourceFromFile, fileSourceFromHost } from '../../host/fileSource';
import { useWorkbench } from '../../store/workbenchStore';
import type { DataSource } from '../../store/types';
import type { WorkbenchServices } from '../services';
import { reportError } from './reportError';
import { runImportDialog } from '../../editors/import/importController';
import { describeFile, fingerprintOf } from '../../study/sourceFiles';
import { STUDY_FILE, openStudyFile } from '../../study/openStudy';
import { rememberImport } from '../../engine/rebuildSources';

export const OPENABLE = /\.(csv|tsv|txt|tab|xlsx|xls|parquet|duckdb|ddb)$/i;

/** Hosts that can remember dropped files as recent (the browser host). */
interface DropAdopter {
  adopt(files: File[]): HostFile[];
}

/** File → Open: the host's chooser, then import each file. */
export async function openFromHost(services: WorkbenchServices): Promise<void> {
  let files: HostFile[];
  try {
    files = await services.host.openFiles({ multiple: true });
  } catch (err) {
    reportError(services.i18n, err);
    return;
  }
  // A study chosen in Open opens as a study; data files are imported.
  const study = files.find((f) => STUDY_FILE.test(f.name));
  if (study) {
    await openStudyFile(services, study);
    return;
  }
  for (const f of files) await importSource(services, fileSourceFromHost(services.host, f), fileSourceMeta(f.name, f.path), { path: f.path, mtime: f.mtime });
}

/** Files dropped on the window: read straight from the File objects (lazily, no copy). */
export async function openDropped(services: WorkbenchServices, files: File[]): Promise<void> {
  const adopter = services.host as unknown as Partial<DropAdopter>;
  if (typeof adopter.adopt === 'function') adopter.adopt(files);
  for (const file of files) await importSource(services, fileSourceFromFile(file), fileSourceMeta(file.name), { mtime: file.lastModified });
}

export function fileSourceMeta(name: string, path?: string): Omit<DataSource, 'tables'> {
  return { id: `file:${path ?? name}:${Date.now()}`, label: name, icon: 'file' };
}

/**
 * One file → one DuckDB table, listed under `source` in the Explorer and opened in a data-grid
 * editor. Files the user opens go through the import dialog (preview, choices, progress, Cancel);
 * `dialog: false` loads straight away (the sample workspace). Failures land in Problems and a
 * notification; the workbench keeps going.
 */
export async function importSource(
  services: WorkbenchServices,
  src: FileSource,
  source: Omit<DataSource, 'tables'>,
  opts: { tableName?: string; open?: boolean; dialog?: boolean; path?: string; mtime?: number } = {},
): Promise<string | null> {
  const store = useWorkbench.getState();
  if (dataFileFormat(src.name)) return importDataSource(services, src, source, opts);
  if (opts.dialog !== false) {
    try {
      // Read while the dialog is shown: the fingerprint is not on the way to the loaded table.
      const fingerprint = fingerprintOf(src);
      const result = await runImportDialog(services, src);
      if (!result) return null;
      const file = await describeFile(src, { path: opts.path, mtime: opts.mtime, options: result.choices?.options, columns: result.choices?.columns, fingerprint });
      store.addTable({ ...source, file }, { name: result.table, rows: result.rows, columns: result.columns });
      if (opts.open !== false) openTable(result.table);
      return result.table;
    } catch (err) {
      reportError(services.i18n, err, 'import.failed');
      return null;
    }
  }
  const task = store.startTask(services.i18n.t('workbench.status.importing', { file: src.name }));
  try {
    await services.engine.init();
    const result = await importFile(services.engine, src, { tableName: opts.tableName, excelReader: workerExcelReader });
    rememberImport(result.table, src, { excelReader: workerExcelReader });
    store.addTable(source, { name: result.table, rows: result.rows, columns: result.columns });
    if (opts.open !== false) openTable(result.table);
    return result.table;
  } catch (err) {
    reportError(services.i18n, err, 'import.failed');
    return null;
  } finally {
    store.endTask(task);
  }
}

/**
 * A Parquet or DuckDB database file: nothing to choose, so no dialog. Parquet becomes one table; a
 * database is attached read-only and each of its tables is listed under the file as a table the
 * analyses can use (a view; its rows stay in the file).
 */
async function importDataSource(
  services: WorkbenchServices,
  src: FileSource,
  source: Omit<DataSource, 'tables'>,
  opts: { tableName?: string; open?: boolean; path?: string; mtime?: number },
): Promise<string | null> {
  const store = useWorkbench.getState();
  const task = store.startTask(services.i18n.t('workbench.status.importing', { file: src.name }));
  try {
    await services.engine.init();
    const engine = services.engine;
    const refs: (string | undefined)[] = dataFileFormat(src.name) === 'duckdb' ? (await databaseTables(engine, await attachDatabase(engine, src))).map((t) => t.ref) : [];
    const file = await describeFile(src, { path: opts.path, mtime: opts.mtime });
    let first: string | null = null;
    // An empty database still goes through importFile once, for its clear error.
    for (const dbTable of refs.length ? refs : [undefined]) {
      const result = await importFile(engine, src, { dbTable, tableName: refs.length > 1 ? undefined : opts.tableName });
      rememberImport(result.table, src, { dbTable });
      store.addTable({ ...source, file }, { name: result.table, rows: result.rows, columns: result.columns, ...(dbTable ? { dbTable } : {}) });
      first ??= result.table;
    }
    if (first && opts.open !== false) openTable(first);
    return first;
  } catch (err) {
    reportError(services.i18n, err, 'import.failed');
    return null;
  } finally {
    store.endTask(task);
  }
}

/** Open (or focus) the data-grid editor of a table. */
export function openTable(table: string): void {
  const store = useWorkbench.getState();
  store.openEditor({ id: `table:${table}`, kind: 'table', title: table, data: { table } });
  store.setLastTable(table);
}
