import type { i18n as I18n } from 'i18next';
import { asTenureError } from '../../../shared/errors';
import type { FileSource } from '../../../shared/import/FileSource';
import { adoptImport, importFile, pendingTableName, planImport, type ForcedType, type ImportProgress, type ImportResult } from '../../../shared/import/importFile';
import type { ColumnOverride } from '../../../shared/import/importTypes';
import { tableNameFor } from '../../../shared/import/tableName';
import { tableNames } from '../../../shared/import/tableInfo';
import { qi } from '../../../shared/engine/sqlQuote';
import type { WorkbenchServices } from '../../workbench/services';
import { reportError } from '../../workbench/actions/reportError';
import { useImportDialog, type DialogError } from './importDialogStore';
import { recallChoices, recallSessionChoices, rememberChoices, rememberSessionChoices, type DialogOptions } from './rememberedChoices';
import { errorTextKey } from '../../../shared/i18n/errorKey';
import { workerExcelReader } from './workerExcelReader';
import { rememberImport } from '../../engine/rebuildSources';
import { inForeground } from '../../engine/foreground';
import { COPY_WHOLE_BYTES, forgetWhole, prefetchWhole } from '../../engine/fileBytes';

/** Errors where there is nothing to choose in a dialog: reported straight to Problems. */
const FATAL = new Set(['import.empty', 'import.unsupported', 'import.tooLarge', 'import.binary', 'import.zipBomb', 'import.excelCorrupt', 'import.excelEncrypted', 'import.lineTooLong', 'import.excelNoSheets', 'import.timeLimit']);

interface Live {
  services: WorkbenchServices;
  src: FileSource;
  resolve(r: DialogImportResult | null): void;
  abort: AbortController | null;
  planAbort?: AbortController;
  planSeq: number;
  /** The import made ahead while the dialog is shown (adopted by Import when the choices are unchanged). */
  ahead?: Ahead;
}

/**
 * A CSV's import started as soon as its plan is shown, under a pending table name nothing lists
 * (the Explorer shows only tables the app added): Import with unchanged choices adopts it (renamed),
 * any change of choice, Cancel or a closed dialog discards it (cancelled, its table dropped).
 */
interface Ahead {
  key: string;
  table: string;
  abort: AbortController;
  done: Promise<ImportResult>;
  progress: ImportProgress | null;
  onProgress: ((p: ImportProgress) => void) | null;
}

/** Files the dialog imports ahead: CSVs read whole into the engine (fileBytes.ts), which load in seconds. */
const AHEAD_MAX_BYTES = COPY_WHOLE_BYTES;

/** The choices an import depends on (the table name is not one: adopting renames). */
const choicesKey = (s: { options: DialogOptions; columns: Record<number, ColumnOverride> }): string => JSON.stringify([s.options, s.columns]);

let live: Live | null = null;
let ids = 0;

export function translateError(i18n: I18n, err: unknown): DialogError {
  const e = asTenureError(err, 'import.failed');
  const key = errorTextKey((k) => i18n.exists(k), e.code);
  const text = key ? i18n.t(key, { detail: e.message.split('\n')[0], ...e.params, file: e.file, line: e.line, column: e.column, message: e.message }) : e.message;
  return { code: e.code, text, line: e.line, column: e.column };
}

/**
 * Show the import dialog for one file and resolve with the loaded table (null when the user
 * cancelled or the file cannot be read at all). One dialog at a time: files queue behind it.
 */
/** The loaded table and the choices it was loaded with (a study records them). */
export type DialogImportResult = ImportResult & { choices?: { options: DialogOptions; columns: Record<number, ColumnOverride> } };

export async function runImportDialog(services: WorkbenchServices, src: FileSource): Promise<DialogImportResult | null> {
  while (live) await new Promise((r) => setTimeout(r, 100));
  await services.engine.init();
  // Choices left by Cancel in this session come first: reopening the file picks up where the user was.
  const remembered = recallSessionChoices(src.name, src.size) ?? recallChoices(src.name, src.size);
  const existing = await inForeground(() => tableNames(services.engine));
  const excel = /\.(xlsx|xls|xlsm)$/i.test(src.name);
  // A CSV's import reads the whole file (csvWhole.ts): start reading it while the dialog is shown.
  if (!excel && src.handle instanceof Blob) prefetchWhole(src.handle);
  return new Promise<DialogImportResult | null>((resolve) => {
    live = { services, src, resolve, abort: null, planSeq: 0 };
    useImportDialog.getState().open({
      id: ++ids, file: src.name, size: src.size, excel,
      options: remembered?.options ?? {}, columns: remembered?.columns ?? {},
      tableName: remembered?.tableName && !existing.some((n) => n.toLowerCase() === remembered.tableName!.toLowerCase()) ? remembered.tableName : tableNameFor(src.name, existing),
      plan: null, preview: [], warnings: [], forced: [], sampledRows: null, ask: null, error: null, status: 'planning', progress: null, remembered: !!remembered,
    });
    void replan(true);
  });
}

/** Detect again with the current choices and refresh the preview (stale answers are dropped). */
async function replan(first = false): Promise<void> {
  const l = live;
  const s = useImportDialog.getState().session;
  if (!l || !s) return;
  const seq = ++l.planSeq;
  discardAhead(l);
  useImportDialog.getState().set({ status: 'planning' });
  try {
    // A newer preview (or closing the dialog) ends this one's workbook parse.
    l.planAbort?.abort();
    const planAbort = new AbortController();
    l.planAbort = planAbort;
    const r = await inForeground(() => planImport(l.services.engine, l.src, { ...s.options, columns: s.columns, excelReader: workerExcelReader, signal: planAbort.signal }));
    if (live !== l || seq !== l.planSeq) return;
    useImportDialog.getState().set({ plan: r.plan, preview: r.preview, warnings: r.warnings, forced: r.forced, sampledRows: r.sampledRows, error: null, status: 'ready' });
    importAhead(l, s);
  } catch (err) {
    if (live !== l || seq !== l.planSeq) return;
    const e = translateError(l.services.i18n, err);
    if (first && FATAL.has(e.code)) {
      reportError(l.services.i18n, err, 'import.failed');
      finish(null);
      return;
    }
    // No stale headers under a failed re-read: Import stays off until a plan fits the choices.
    useImportDialog.getState().set({ error: e, status: 'ready', plan: null, preview: [], forced: [] });
  }
}

/** Options that change how the file is cut into columns: column choices no longer apply. */
const RESHAPING: (keyof DialogOptions)[] = ['encoding', 'delimiter', 'quote', 'headerRow', 'hasHeader', 'sheet'];

export function setOptions(patch: DialogOptions): void {
  const s = useImportDialog.getState().session;
  if (!s) return;
  const reshaped = RESHAPING.some((k) => k in patch && patch[k] !== s.options[k]);
  // A new encoding, delimiter or header row makes other columns: the old headers go at once.
  useImportDialog.getState().set({
    options: { ...s.options, ...patch },
    columns: reshaped ? {} : s.columns,
    ...(reshaped ? { plan: null, preview: [], forced: [], warnings: [], ask: null, error: null } : {}),
  });
  void replan();
}

export function setColumn(index: number, patch: ColumnOverride): void {
  const s = useImportDialog.getState().session;
  if (!s) return;
  const next = { ...s.columns, [index]: { ...s.columns[index], ...patch } };
  useImportDialog.getState().set({ columns: next, ask: null });
  void replan();
}

/** Drop the forced types the dialog asked about: those columns keep the detected type. */
export function keepDetectedTypes(): void {
  const s = useImportDialog.getState().session;
  if (!s?.ask) return;
  const next = { ...s.columns };
  for (const f of s.ask) next[f.index] = { ...next[f.index], type: undefined };
  useImportDialog.getState().set({ columns: next, ask: null });
  void replan();
}

export function setTableName(tableName: string): void {
  useImportDialog.getState().set({ tableName });
}

/** A forced type that would turn more than half of a column's values into NULL. */
export const losesMost = (f: ForcedType): boolean => f.present > 0 && f.lost * 2 > f.present;

/**
 * Load the table with the current choices; progress and Cancel stay live in the dialog. When a
 * forced type would lose most of a column, ask first (`anyway` = the user confirmed).
 */
export async function confirmImport(anyway = false): Promise<void> {
  const l = live;
  const s = useImportDialog.getState().session;
  if (!l || !s || s.status === 'loading') return;
  const risky = s.forced.filter(losesMost);
  if (risky.length && !anyway) {
    useImportDialog.getState().set({ ask: risky });
    return;
  }
  useImportDialog.getState().set({ ask: null });
  const ahead = l.ahead?.key === choicesKey(s) ? l.ahead : undefined;
  if (!ahead) discardAhead(l);
  l.ahead = undefined;
  const abort = ahead?.abort ?? new AbortController();
  l.abort = abort;
  useImportDialog.getState().set({ status: 'loading', progress: ahead?.progress ?? null, error: null });
  const tableName = s.tableName.trim() || undefined;
  const onProgress = (p: ImportProgress) => useImportDialog.getState().set({ progress: p });
  try {
    let result: ImportResult;
    if (ahead) {
      ahead.onProgress = onProgress;
      const pending = await ahead.done;
      // A name already taken is refused as importFile refuses it; the pending table waits for a corrected name.
      result = await inForeground(() => adoptImport(l.services.engine, pending, l.src, { tableName })).catch((err: unknown) => {
        if (live === l && !abort.signal.aborted) l.ahead = Object.assign(ahead, { onProgress: null });
        else void dropPending(l.services, ahead.table);
        throw err;
      });
    } else {
      result = await inForeground(() =>
        importFile(l.services.engine, l.src, { ...s.options, columns: s.columns, tableName, signal: abort.signal, excelReader: workerExcelReader, onProgress }),
      );
    }
    rememberChoices(l.src.name, l.src.size, { options: s.options, columns: s.columns, tableName });
    rememberImport(result.table, l.src, { ...s.options, columns: s.columns, excelReader: workerExcelReader });
    finish({ ...result, choices: { options: s.options, columns: s.columns } });
  } catch (err) {
    if (abort.signal.aborted) {
      finish(null);
      return;
    }
    reportError(l.services.i18n, err, 'import.failed');
    useImportDialog.getState().set({ status: 'ready', progress: null, error: translateError(l.services.i18n, err) });
  } finally {
    l.abort = null;
  }
}

/**
 * Cancel: stops a running import (no table is left) or closes the dialog. Either way the choices
 * stay for this session: opening the same file again shows them (as a user expects of Cancel).
 */
export function cancelImport(): void {
  if (!live) return;
  const s = useImportDialog.getState().session;
  if (s) rememberSessionChoices(live.src.name, live.src.size, { options: s.options, columns: s.columns, tableName: s.tableName.trim() || undefined });
  if (live.abort) live.abort.abort();
  else finish(null);
}

/**
 * Start importing a CSV while its dialog is shown (see Ahead). It holds the foreground like the
 * user's own import, so background work (profiles, the warm-up) waits for it.
 */
function importAhead(l: Live, s: { options: DialogOptions; columns: Record<number, ColumnOverride> }): void {
  if (l.src.size > AHEAD_MAX_BYTES || !(l.src.handle instanceof Blob) || /\.(xlsx|xls|xlsm)$/i.test(l.src.name)) return;
  const abort = new AbortController();
  const table = pendingTableName();
  const watch: Pick<Ahead, 'progress' | 'onProgress'> = { progress: null, onProgress: null };
  const done = inForeground(() =>
    importFile(l.services.engine, l.src, {
      ...s.options, columns: s.columns, tableName: table, signal: abort.signal,
      onProgress: (p) => {
        watch.progress = p;
        watch.onProgress?.(p);
      },
    }),
  );
  // Its failure is reported only if Import adopts it (the same importFile, the same error).
  done.catch(() => undefined);
  l.ahead = Object.assign(watch, { key: choicesKey(s), table, abort, done });
}

/** Stop an import made ahead and drop its table (whenever it ends). */
function discardAhead(l: Live): void {
  const ahead = l.ahead;
  if (!ahead) return;
  l.ahead = undefined;
  ahead.abort.abort();
  void ahead.done.then((r) => dropPending(l.services, r.table), () => undefined);
}

async function dropPending(services: WorkbenchServices, table: string): Promise<void> {
  await services.engine.query(`DROP TABLE IF EXISTS ${qi(table)}`).catch(() => undefined);
}

function finish(result: DialogImportResult | null): void {
  const l = live;
  live = null;
  if (l) discardAhead(l);
  l?.planAbort?.abort();
  if (l?.src.handle instanceof Blob) forgetWhole(l.src.handle);
  useImportDialog.getState().close();
  l?.resolve(result);
}
