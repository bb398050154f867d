import type { QueryEngine } from '../engine/QueryEngine';
import { qi, qn } from '../engine/sqlQuote';
import { toRows } from '../engine/arrowRows';
import { newInternalTable } from '../engine/internalTables';
import { TenureError } from '../errors';
import { extensionOf, readAll, type FileSource } from './FileSource';
import { tableNameFor } from './tableName';
import { tableNames } from './tableInfo';
import { dataFileFormat, importDataFile } from './dataFiles';
import { bomLengthFor, normalizeEncoding } from './encoding';
import { sniffCsv } from './csvPlan';
import { GuessContradiction, loadCsvToStaging, stagingColumn, type CsvLoadResult, type CsvLoadSpec } from './csvLoad';
import { importCsvDirect } from './csvDirect';
import { SAMPLE_BYTES, rememberSample, sampleKey } from './sampleMemo';
import { inThreadExcelReader } from './excelReader';
import { uniqueHeaderNames } from './headerNames';
import { LIMITS, assertSize } from './limits';
import { cancelledError, throwIfAborted } from './abort';
import { applyOverrides, checkGuesses, forcedTypeLosses, type ForcedType, type GuessCheck, detectStagedTypes, excelKindType, redetectFull, selectList, type StagedColumn } from './stagedColumns';
import type { ColumnInfo, ImportOptions, ImportPlan, ImportResult, ImportWarning, PreviewRow } from './importTypes';

export type { ForcedType } from './stagedColumns';
export { describeTable } from './tableInfo';

/** What the import dialog shows before anything is loaded. */
export interface ImportPreview {
  plan: ImportPlan;
  preview: PreviewRow[];
  warnings: ImportWarning[];
  /** Columns whose type the user forced, with the values that will not convert. */
  forced: ForcedType[];
  /** Rows the counts cover when they come from a sample (a CSV's first rows); null = every row. */
  sampledRows: number | null;
}

export type {
  ColumnInfo, ImportOptions, ImportPlan, ImportResult, ImportWarning, PreviewRow, ImportProgress, PlanColumn, ColumnType, HeaderMapping,
} from './importTypes';

const TEXT_FORMATS = new Set(['csv', 'tsv', 'txt', 'tab']);
const EXCEL_FORMATS = new Set(['xlsx', 'xls', 'xlsm']);

interface Staged {
  plan: ImportPlan;
  staging: string;
  cols: StagedColumn[];
  rows: number;
  raggedLines: number[];
  warnings: ImportWarning[];
}

const randomId = (): string => `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;

function formatOf(src: FileSource): 'csv' | 'xlsx' | 'xls' {
  const ext = extensionOf(src.name);
  if (dataFileFormat(src.name)) {
    throw new TenureError('import.noChoices', `${src.name}: a ${ext === 'parquet' ? 'Parquet' : 'DuckDB'} file is read as it is; there are no import choices (encoding, sheet, column types) to make`, { file: src.name, params: { ext } });
  }
  if (EXCEL_FORMATS.has(ext)) return ext === 'xls' ? 'xls' : 'xlsx';
  if (TEXT_FORMATS.has(ext)) return 'csv';
  throw new TenureError('import.unsupported', `${src.name}: unsupported file type .${ext} (expected CSV, TSV, TXT, XLSX, XLS, Parquet or DuckDB)`, { file: src.name, params: { ext } });
}

/** Sheet names of a workbook (reads only the workbook's directory). */
export async function listSheets(src: FileSource, opts: Pick<ImportOptions, 'maxExcelBytes' | 'maxUnzippedBytes' | 'excelReader'> = {}): Promise<string[]> {
  if (formatOf(src) === 'csv') return [];
  assertSize(src.name, src.size, opts.maxExcelBytes ?? LIMITS.maxExcelBytes, 'workbooks');
  return (opts.excelReader ?? inThreadExcelReader).list(await readAll(src), { file: src.name, maxUnzippedBytes: opts.maxUnzippedBytes ?? LIMITS.maxUnzippedBytes });
}

/** Load the raw values into a staging table and decide every column's type. */
async function stage(engine: QueryEngine, src: FileSource, opts: ImportOptions, preview: boolean): Promise<Staged> {
  opts = withEngineLimits(engine, opts);
  const file = src.name;
  const format = formatOf(src);
  if (src.size === 0) throw new TenureError('import.empty', `${file} is empty`, { file });
  const staging = newInternalTable('stage', randomId());
  const warnings: ImportWarning[] = [];
  let plan: ImportPlan;
  let cols: StagedColumn[];
  let rows: number;
  let raggedLines: number[] = [];

  let sample: string | null = null;
  if (format === 'csv') {
    const sniffed = await csvPlanFor(src, opts);
    plan = sniffed.plan;
    // The preview stages the direct import's type sample, so the import can reuse what it finds (sampleMemo.ts).
    if (preview && sniffed.window <= SAMPLE_BYTES) sample = sampleKey(src, plan);
    try {
      const load = await loadCsvToStaging(engine, {
        ...csvSpec(src, plan, sniffed.bomLength, opts),
        staging,
        endByte: preview ? Math.max(sniffed.window, SAMPLE_BYTES) : undefined,
      });
      rows = load.rows;
      raggedLines = load.raggedLines;
      warnings.push(...loadWarnings(plan, load));
    } catch (err) {
      await dropQuietly(engine, staging);
      throw err;
    }
    cols = plan.columns.map((col, i) => ({ col, staged: stagingColumn(i), kind: 'text', preCoerced: 0 }));
  } else {
    assertSize(file, src.size, opts.maxExcelBytes ?? LIMITS.maxExcelBytes, 'workbooks');
    const sheetName = opts.plan?.sheet ?? opts.sheet;
    const sh = await (opts.excelReader ?? inThreadExcelReader).read(await readAll(src), {
      file, sheet: sheetName ?? undefined, headerRow: opts.plan?.headerRow ?? opts.headerRow, hasHeader: opts.plan?.hasHeader ?? opts.hasHeader,
      maxUnzippedBytes: opts.maxUnzippedBytes ?? LIMITS.maxUnzippedBytes, maxCells: opts.maxCells, maxColumns: opts.maxColumns,
    }, opts.signal);
    throwIfAborted(opts.signal, file);
    const { names } = uniqueHeaderNames(sh.columns.map((c) => c.header));
    plan = opts.plan ? structuredClone(opts.plan) : {
      file, format, size: src.size, encoding: null, encodingBasis: null, delimiter: null, quote: null, lineEnding: null,
      headerRow: sh.headerRow, hasHeader: opts.hasHeader ?? true, sheet: sh.sheet, sheets: sh.sheets, decimal: opts.decimal ?? 'dot',
      dateOrder: opts.dateOrder ?? 'MDY', ragged: 'pad',
      columns: sh.columns.map((c, index) => ({ index, source: c.header, name: names[index], type: excelKindType(c.kind), flag: c.flag })),
    };
    if (plan.columns.length !== sh.columns.length) {
      throw new TenureError('import.planMismatch', `${file}: the sheet has ${sh.columns.length} columns but the plan has ${plan.columns.length}`, { file });
    }
    applyOverrides(plan, opts.columns);
    await engine.insertArrowTable(staging, sh.table);
    rows = sh.rows;
    cols = plan.columns.map((col, i) => {
      // The staged vector's kind; a type the user chose is applied on top of it (finalExpr).
      const kind = sh.columns[i].kind;
      if (!col.userType) Object.assign(col, { type: excelKindType(kind), flag: sh.columns[i].flag });
      return { col, staged: stagingColumn(i), kind, preCoerced: sh.columns[i].coerced };
    });
    const errs = sh.columns.reduce((s, c) => s + c.errors, 0);
    if (errs) warnings.push({ code: 'import.warnings.excelErrors', message: `${errs} cell(s) held Excel errors (#N/A, #DIV/0!…) and were loaded as NULL`, params: { count: errs } });
  }
  // Final names stay unique even after the user renamed columns in the dialog.
  const finalNames = uniqueHeaderNames(plan.columns.map((c) => c.name)).names;
  plan.columns.forEach((c, i) => (c.name = finalNames[i]));
  try {
    if (rows === 0 && !preview) {
      throw new TenureError('import.noRows', `${file}: there is a header (line ${plan.headerRow}) but no data rows`, { file, line: plan.headerRow, params: { line: plan.headerRow } });
    }
    await detectStagedTypes(engine, staging, cols, plan);
    if (sample !== null && rows > 0) rememberSample(src, sample, cols);
  } catch (err) {
    await dropQuietly(engine, staging);
    throw err;
  }
  warnings.push(...ambiguityWarnings(plan));
  return { plan, staging, cols, rows, raggedLines, warnings };
}

/** A CSV's plan: sniffed, or the dialog's (encoding normalised); the user's column choices applied. */
async function csvPlanFor(src: FileSource, opts: ImportOptions): Promise<{ plan: ImportPlan; bomLength: number; window: number }> {
  assertSize(src.name, src.size, opts.maxTextBytes ?? LIMITS.maxTextBytes, 'text files');
  let out: { plan: ImportPlan; bomLength: number; window: number };
  if (opts.plan) {
    const plan = structuredClone(opts.plan);
    const enc = normalizeEncoding(plan.encoding ?? 'utf-8', src.name);
    plan.encoding = enc;
    out = { plan, bomLength: bomLengthFor(await src.read(0, 4), enc), window: LIMITS.sniffBytes };
  } else {
    out = await sniffCsv(src, opts);
  }
  applyOverrides(out.plan, opts.columns);
  // Final names stay unique even after the user renamed columns in the dialog.
  const names = uniqueHeaderNames(out.plan.columns.map((c) => c.name)).names;
  out.plan.columns.forEach((c, i) => (c.name = names[i]));
  return out;
}

function csvSpec(src: FileSource, plan: ImportPlan, bomLength: number, opts: ImportOptions): Omit<CsvLoadSpec, 'staging' | 'insert'> {
  return {
    src, encoding: plan.encoding!, bomLength, delimiter: plan.delimiter ?? ',', quote: plan.quote ?? '"', lineEnding: plan.lineEnding ?? 'lf', headerRow: plan.headerRow,
    hasHeader: plan.hasHeader, fields: plan.columns.length, ragged: plan.ragged,
    chunkBytes: opts.chunkBytes ?? LIMITS.chunkBytes, maxRecordBytes: LIMITS.maxRecordBytes, signal: opts.signal, onProgress: opts.onProgress,
  };
}

/** Warnings about ragged records (skipped, padded, or cut to the header's width). */
function loadWarnings(plan: ImportPlan, load: CsvLoadResult): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const { raggedLines, truncatedLines } = load;
  if (plan.encodingBasis === 'scored' && plan.encoding && (plan.encodingConfidence ?? 0) < 0.9) {
    const confidence = Math.round((plan.encodingConfidence ?? 0) * 100);
    warnings.push({
      code: 'import.warnings.encodingGuessed',
      message: `The encoding was guessed from the bytes: read as ${plan.encoding.toUpperCase()} (confidence ${confidence}%); choose another encoding if the text looks wrong`,
      params: { encoding: plan.encoding.toUpperCase(), confidence },
    });
  }
  if (raggedLines.length) {
    const verb = plan.ragged === 'skip' ? 'skipped' : 'padded with NULL';
    warnings.push({
      code: plan.ragged === 'skip' ? 'import.warnings.raggedSkipped' : 'import.warnings.raggedPadded',
      message: `${raggedLines.length} line(s) with a different number of fields were ${verb} (lines ${raggedLines.slice(0, 20).join(', ')}${raggedLines.length > 20 ? ', …' : ''})`,
      line: raggedLines[0],
      params: { count: raggedLines.length, lines: raggedLines.slice(0, 20).join(', ') },
    });
  }
  if (load.repairedLines.length) {
    const lines = load.repairedLines;
    warnings.push({
      code: 'import.warnings.invalidUtf8',
      message: `${lines.length} line(s) held bytes that are not valid UTF-8; they were read as � (lines ${lines.slice(0, 20).join(', ')}${lines.length > 20 ? ', …' : ''})`,
      line: lines[0],
      params: { count: lines.length, lines: lines.slice(0, 20).join(', ') },
    });
  }
  if (truncatedLines.length) {
    warnings.push({
      code: 'import.warnings.raggedTruncated',
      message: `${truncatedLines.length} line(s) had more fields than the header; the extra fields were dropped (first: line ${truncatedLines[0]})`,
      line: truncatedLines[0],
      params: { count: truncatedLines.length, line: truncatedLines[0] },
    });
  }
  return warnings;
}

function ambiguityWarnings(plan: ImportPlan): ImportWarning[] {
  return plan.columns
    .filter((c) => c.ambiguousDates)
    .map((c) => ({ code: 'import.warnings.ambiguousDates', message: `Column "${c.name}": dates could be month/day or day/month; read as ${plan.dateOrder === 'DMY' ? 'day/month' : 'month/day'}`, column: c.name, params: { column: c.name } }));
}

async function dropQuietly(engine: QueryEngine, table: string): Promise<void> {
  await engine.query(`DROP TABLE IF EXISTS ${qi(table)}`).catch(() => undefined);
}

/**
 * Sniff a file and return the plan the import dialog shows (every field can be overridden and the
 * plan passed back as opts.plan) with the first rows exactly as they will be loaded.
 */
export async function planImport(engine: QueryEngine, src: FileSource, opts: ImportOptions = {}): Promise<ImportPreview> {
  const st = await stage(engine, src, opts, true).catch((err: unknown) => {
    throw asImportError(err, src);
  });
  try {
    const preview = toRows(await engine.query(`SELECT ${selectList(st.cols)} FROM ${qi(st.staging)} LIMIT ${qn(LIMITS.previewRows)}`));
    // Forced types: values that will not convert, counted over what was staged (a CSV's first
    // rows, a whole sheet), so the dialog can show them and ask before most of a column is lost.
    const forced = await forcedTypeLosses(engine, st.staging, st.cols);
    return { plan: st.plan, preview, warnings: st.warnings, forced, sampledRows: st.plan.format === 'csv' ? st.rows : null };
  } finally {
    await dropQuietly(engine, st.staging);
  }
}

/** An engine that spills to disk (native) takes text files beyond the wasm heap's limit. */
function withEngineLimits(engine: QueryEngine, opts: ImportOptions): ImportOptions {
  return opts.maxTextBytes === undefined && engine.maxTextBytes !== undefined ? { ...opts, maxTextBytes: engine.maxTextBytes } : opts;
}

/** Load a user's file into a new DuckDB table. Existing tables are never touched on failure. */
export async function importFile(engine: QueryEngine, src: FileSource, opts: ImportOptions = {}): Promise<ImportResult> {
  opts = withEngineLimits(engine, opts);
  const file = src.name;
  const dataFormat = dataFileFormat(file);
  if (dataFormat) return importDataFile(engine, src, opts, dataFormat).catch((err: unknown) => Promise.reject(asImportError(err, src)));
  formatOf(src);
  const { table, clash } = nameFor(src, opts, await tableNames(engine));
  throwIfAborted(opts.signal, file);
  const onAbort = (): void => void engine.cancel().catch(() => undefined);
  opts.signal?.addEventListener('abort', onAbort);
  const started = Date.now();
  const target = clash ? newInternalTable('new', randomId()) : table;
  let st: Staged | null = null;
  let created = false;
  try {
    let conv = formatOf(src) === 'csv' ? await tryDirect(engine, src, opts, target) : null;
    const method = conv ? 'direct' : 'staged';
    if (!conv) {
      st = await stage(engine, src, opts, false);
      throwIfAborted(opts.signal, file);
      opts.onProgress?.({ phase: 'converting', bytesRead: src.size, totalBytes: src.size, rows: st.rows, elapsedMs: Date.now() - started, bytesPerSecond: 0 });
      created = true;
      // One conversion pass, then cheap counts verify the sample's guesses; a rare failing column is
      // measured over every row and the table is converted again.
      await engine.query(`CREATE TABLE ${qi(target)} AS SELECT ${selectList(st.cols)} FROM ${qi(st.staging)}`);
      throwIfAborted(opts.signal, file);
      let check = await checkGuesses(engine, st.staging, target, st.cols);
      if (check.suspects.length) {
        await redetectFull(engine, st.staging, check.suspects, st.plan);
        await engine.query(`DROP TABLE ${qi(target)}`);
        await engine.query(`CREATE TABLE ${qi(target)} AS SELECT ${selectList(st.cols)} FROM ${qi(st.staging)}`);
        throwIfAborted(opts.signal, file);
        check = await checkGuesses(engine, st.staging, target, st.cols);
      }
      await dropQuietly(engine, st.staging);
      conv = { plan: st.plan, cols: st.cols, check, warnings: st.warnings, raggedLines: st.raggedLines };
    }
    created = true;
    const check = conv.check;
    const rows = check.rows;
    const coercion = check.coercion;
    const columns: ColumnInfo[] = conv.cols.map((s) => ({ name: s.col.name, type: check.types.get(s.col.name) ?? s.col.type, nulls: check.nulls.get(s.col.name) ?? 0 }));
    if (clash) {
      await engine.query(`DROP TABLE ${qi(table)}`);
      await engine.query(`ALTER TABLE ${qi(target)} RENAME TO ${qi(table)}`);
    }
    created = false;
    const warnings = conv.warnings;
    let nullsCoerced = 0;
    const byName = new Map(conv.plan.columns.map((c) => [c.name, c]));
    const infos: ColumnInfo[] = columns.map((c) => {
      const pc = byName.get(c.name);
      const co = coercion.get(c.name);
      nullsCoerced += co?.coerced ?? 0;
      if (co?.invalid) {
        warnings.push({ code: 'import.warnings.invalidValues', message: `Column "${c.name}": ${co.invalid} value(s) could not be read as ${c.type} and were loaded as NULL`, column: c.name, params: { column: c.name, count: co.invalid, type: c.type } });
      }
      return {
        ...c, nullsCoerced: co?.coerced ?? 0, invalid: co?.invalid ?? 0, source: pc?.source, flag: pc?.flag, ambiguousDates: pc?.ambiguousDates, date: pc?.date,
        decimal: pc?.type === 'DOUBLE' || pc?.type === 'BIGINT' ? pc.decimal : undefined, textReason: pc?.textReason,
      };
    });
    opts.onProgress?.({ phase: 'done', bytesRead: src.size, totalBytes: src.size, rows, elapsedMs: Date.now() - started, bytesPerSecond: (src.size / Math.max(1, Date.now() - started)) * 1000 });
    const p = conv.plan;
    return {
      table, file, format: p.format, encoding: p.encoding, delimiter: p.delimiter, headerRow: p.headerRow, sheet: p.sheet, sheets: p.sheets,
      rows, columns: infos, nullsCoerced,
      headerMapping: p.columns.map((c) => ({ index: c.index, original: c.source, name: c.name })),
      raggedLines: conv.raggedLines, warnings, plan: p, method,
    };
  } catch (err) {
    if (st) await dropQuietly(engine, st.staging);
    if (created) await dropQuietly(engine, target);
    if (opts.signal?.aborted) throw cancelledError(file);
    throw asImportError(err, src);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/** The new table's name (the user's, else one made from the file name) and whether it replaces a table; refused when taken without `replace`. */
function nameFor(src: FileSource, opts: Pick<ImportOptions, 'tableName' | 'replace'>, existing: string[]): { table: string; clash: boolean } {
  const table = opts.tableName ?? tableNameFor(src.name, existing);
  const clash = existing.some((n) => n.toLowerCase() === table.toLowerCase());
  if (clash && !opts.replace) throw new TenureError('import.tableExists', `A table named "${table}" already exists`, { file: src.name, params: { table } });
  return { table, clash };
}

/** Tables of imports made ahead of the user's Import (adoptImport): a name no file gets (tableNameFor never starts one with "__"). */
export const PENDING_TABLE_PREFIX = '__tenure_pending_';

/** A name for an import made ahead of the user's Import: registered internal, so the Explorer never lists it before Import. */
export const pendingTableName = (): string => newInternalTable('pending', randomId());

/**
 * Adopt an import made ahead under a pending name (the dialog imports while the user reads it): the
 * table is renamed to what importFile would have called it with `opts`, the same clash rule applied.
 * On a refused name the pending table stays, so a corrected name can adopt it.
 */
export async function adoptImport(engine: QueryEngine, pending: ImportResult, src: FileSource, opts: Pick<ImportOptions, 'tableName' | 'replace'> = {}): Promise<ImportResult> {
  const existing = (await tableNames(engine)).filter((n) => n !== pending.table);
  const { table, clash } = nameFor(src, opts, existing);
  if (clash) await engine.query(`DROP TABLE ${qi(table)}`);
  await engine.query(`ALTER TABLE ${qi(pending.table)} RENAME TO ${qi(table)}`);
  return { ...pending, table };
}

/** Any failure as a TenureError naming the file (engine errors keep their first line as the detail). */
function asImportError(err: unknown, src: FileSource): TenureError {
  if (err instanceof TenureError) return err;
  const file = src.name;
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  if (/Out of Memory/i.test(message)) {
    return new TenureError('import.outOfMemory', `${file} (${(src.size / 1024 ** 2).toFixed(1)} MiB) does not fit in the engine's memory: ${message}`, { file });
  }
  return new TenureError('import.failed', `${file}: ${message}`, { file, params: { detail: message } });
}

/** A converted table's plan, columns and checks, whichever way it was made. */
interface Converted {
  plan: ImportPlan;
  cols: StagedColumn[];
  check: GuessCheck;
  warnings: ImportWarning[];
  raggedLines: number[];
}

/**
 * The direct CSV import (csvDirect.ts): null when the data contradicts the sampled types, after
 * dropping the partial table, so the caller imports through staging instead.
 */
async function tryDirect(engine: QueryEngine, src: FileSource, opts: ImportOptions, target: string): Promise<Converted | null> {
  const file = src.name;
  if (src.size === 0) throw new TenureError('import.empty', `${file} is empty`, { file });
  const { plan, bomLength } = await csvPlanFor(src, opts);
  try {
    const d = await importCsvDirect(engine, plan, csvSpec(src, plan, bomLength, opts), target, randomId());
    if (d.check.rows === 0) {
      throw new TenureError('import.noRows', `${file}: there is a header (line ${plan.headerRow}) but no data rows`, { file, line: plan.headerRow, params: { line: plan.headerRow } });
    }
    return { plan, cols: d.cols, check: d.check, warnings: [...loadWarnings(plan, d.load), ...ambiguityWarnings(plan)], raggedLines: d.load.raggedLines };
  } catch (err) {
    await dropQuietly(engine, target);
    if (err instanceof GuessContradiction) return null;
    throw err;
  }
}
