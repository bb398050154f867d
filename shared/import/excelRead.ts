import * as XLSX from '@e965/xlsx';
import { Table, type Vector } from 'apache-arrow';
import { boolVector, float64Vector, utf8Vector } from './arrowVectors';
import { TenureError } from '../errors';
import { zipSync } from 'fflate';
import { isCfb, isZip } from './fileKind';
import { assertZipWithinLimit, unzipParts } from './zipRead';
import { isSheetPart, neededPart, scanSheetXml, sheetPartNames, tooManyCells } from './excelParts';
import { LIMITS, assertColumns, assertSize } from './limits';
import type { FlagInfo } from './importTypes';

/** How a sheet column is stored: typed cells pass through; text goes through text detection. */
export type ExcelKind = 'integer' | 'number' | 'date' | 'datetime' | 'boolean' | 'text';

export interface ExcelColumn {
  header: string;
  kind: ExcelKind;
  /** Blank-string and error cells in a typed column (they become NULL). */
  coerced: number;
  errors: number;
  flag?: FlagInfo;
}

export interface ExcelSheet {
  sheet: string;
  sheets: string[];
  /** 1-based row of the (first) header row. */
  headerRow: number;
  /** Header rows that were merged into the names (1, or 2 for a merged two-level header). */
  headerRows: number;
  columns: ExcelColumn[];
  /** Columns c0…cN: Float64 (numbers, dates as epoch ms), Bool, or Utf8. */
  table: Table;
  rows: number;
}

type Cell = XLSX.CellObject | undefined;

/** Bounds of one workbook read (defaults in limits.ts). */
export interface ExcelLimits {
  maxUnzippedBytes: number;
  maxCells?: number;
  maxColumns?: number;
}

const PARSE = { type: 'array', dense: true, cellNF: true, cellDates: false, cellText: false } as const;

/** An opened workbook: its sheet names, and a way to parse one sheet (only that sheet is unpacked). */
interface OpenedBook {
  names: string[];
  sheet(name: string): XLSX.WorkBook;
}

function openWorkbook(bytes: Uint8Array, file: string, limits: ExcelLimits): OpenedBook {
  if (isZip(bytes)) return openXlsx(bytes, file, limits);
  if (!isCfb(bytes)) throw new TenureError('import.excelCorrupt', `${file}: not an Excel workbook (no XLSX or XLS signature)`, { file, params: { detail: 'no XLSX or XLS signature' } });
  assertNotEncrypted(bytes, file);
  // Legacy .xls has no compression: its size bounds the work (a BIFF cell takes ≥ 6 bytes, ~10 usually).
  const maxCells = limits.maxCells ?? LIMITS.maxCells;
  assertSize(file, bytes.length, maxCells * 10, 'legacy .xls workbooks');
  const names = sheetJs(file, () => XLSX.read(bytes, { ...PARSE, bookSheets: true })).SheetNames;
  return { names, sheet: (name) => sheetJs(file, () => XLSX.read(bytes, { ...PARSE, sheets: name })) };
}

/**
 * An .xlsx through zipRead.ts: the workbook-level parts are unpacked (counted, CRC-checked) for the
 * sheet names; a sheet's own part only when that sheet is read, after its cells are counted.
 * SheetJS gets a stored ZIP of those parts, so its inflater never runs.
 */
function openXlsx(bytes: Uint8Array, file: string, limits: ExcelLimits): OpenedBook {
  const deadline = Date.now() + LIMITS.maxUnzipMillis;
  const entries = assertZipWithinLimit(bytes, file, limits.maxUnzippedBytes).filter((e) => neededPart(e.name));
  const book = unzipParts(bytes, file, entries.filter((e) => !isSheetPart(e.name)), { maxTotalBytes: limits.maxUnzippedBytes, deadline });
  const used = [...book.values()].reduce((n, b) => n + b.length, 0);
  const names = sheetJs(file, () => XLSX.read(storedZip(book), { ...PARSE, bookSheets: true })).SheetNames;
  return {
    names,
    sheet(name) {
      const part = sheetPartNames(book)?.get(name);
      // The part named by the workbook, or every sheet part when the relationships cannot be read.
      const wanted = entries.filter((e) => isSheetPart(e.name) && !e.name.includes('/_rels/') && (part === undefined || e.name === part));
      const sheets = unzipParts(bytes, file, wanted, { maxTotalBytes: limits.maxUnzippedBytes - used, deadline });
      for (const xml of sheets.values()) scanSheetXml(xml, file, name, limits.maxCells ?? LIMITS.maxCells);
      const all = new Map([...book, ...sheets]);
      return sheetJs(file, () => XLSX.read(storedZip(all), { ...PARSE, sheets: name }));
    },
  };
}

function storedZip(parts: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 0 });
}

/** SheetJS's own failures as a workbook error a person can read (never a raw JS message). */
function sheetJs<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof TenureError) throw err;
    const msg = String((err as Error)?.message ?? err).split('\n')[0];
    if (/password|encrypt/i.test(msg)) throw encrypted(file);
    const raw = err instanceof TypeError || err instanceof RangeError || /undefined|null|Namespace|properties|is not/i.test(msg);
    const detail = raw ? 'a part of the workbook is missing or malformed' : msg.slice(0, 200);
    throw new TenureError('import.excelCorrupt', `${file}: the workbook is damaged or not a workbook (${detail})`, { file, params: { detail } });
  }
}

function encrypted(file: string): TenureError {
  return new TenureError('import.excelEncrypted', `${file} is password-protected; save an unprotected copy in Excel and import that`, { file });
}

/** An encrypted .xlsx is an OLE container holding EncryptionInfo + EncryptedPackage. */
function assertNotEncrypted(bytes: Uint8Array, file: string): void {
  const cfb = sheetJs(file, () => XLSX.CFB.read(bytes, { type: 'array' }) as { FullPaths: string[] });
  const names = cfb.FullPaths.map((p) => p.replace(/\/$/, '').split('/').pop() ?? '');
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw encrypted(file);
}

export function listExcelSheets(bytes: Uint8Array, file: string, limits: ExcelLimits): string[] {
  return openWorkbook(bytes, file, limits).names;
}

const isBlank = (c: Cell): boolean => !c || c.t === 'z' || c.v === undefined || c.v === null || (c.t === 's' && String(c.v).trim() === '');

/** Excel serial day number → epoch milliseconds (1900 system keeps Lotus's phantom 29 Feb 1900). */
export function excelSerialToMs(serial: number, date1904: boolean): number {
  const days = date1904 ? serial + 1462 - 25569 : (serial < 60 ? serial + 1 : serial) - 25569;
  return Math.round(days * 86_400_000);
}

/**
 * One sheet as staged columns: the header row found (or given), merged header cells spread over
 * their columns (a merged group over a second header row becomes "Group Sub"), empty trailing
 * rows/columns and fully empty rows dropped, cached values of formula cells, dates from the number
 * format in the workbook's 1900 or 1904 system.
 */
export function readExcelSheet(
  bytes: Uint8Array,
  opts: { file: string; sheet?: string; headerRow?: number; hasHeader?: boolean } & ExcelLimits,
): ExcelSheet {
  const { file } = opts;
  const book = openWorkbook(bytes, file, opts);
  const names = book.names;
  if (!names.length) throw new TenureError('import.excelNoSheets', `${file}: the workbook has no sheets`, { file });
  const sheet = opts.sheet ?? names[0];
  if (!names.includes(sheet)) {
    throw new TenureError('import.sheet', `${file}: no sheet named "${sheet}" (sheets: ${names.join(', ')})`, { file, params: { sheet, sheets: names.join(', ') } });
  }
  const wb = book.sheet(sheet);
  const ws = wb.Sheets?.[sheet];
  if (!ws) throw new TenureError('import.excelCorrupt', `${file}: the workbook is damaged (sheet "${sheet}" has no data part)`, { file, params: { detail: `sheet "${sheet}" has no data part` } });
  const date1904 = Boolean((wb.Workbook as { WBProps?: { date1904?: boolean } } | undefined)?.WBProps?.date1904);
  const data = ((ws as unknown as { '!data'?: Cell[][] })['!data'] ?? []) as Cell[][];
  // Real extent: the last row/column holding a non-blank cell (formatting alone extends !ref).
  let maxRow = -1;
  let maxCol = -1;
  let filledRows = 0;
  data.forEach((row, r) => {
    let any = false;
    row?.forEach((c, k) => {
      if (!isBlank(c)) {
        any = true;
        maxRow = Math.max(maxRow, r);
        maxCol = Math.max(maxCol, k);
      }
    });
    if (any) filledRows++;
  });
  if (maxRow < 0) throw new TenureError('import.empty', `${file}: sheet "${sheet}" is empty`, { file, params: { sheet } });
  // Columns are built rows × columns wide: a stray cell at XFD1048576 must not make 16,384 full columns.
  const maxCells = opts.maxCells ?? LIMITS.maxCells;
  if (filledRows * (maxCol + 1) > maxCells) throw tooManyCells(file, sheet, filledRows * (maxCol + 1), maxCells);
  assertColumns(file, maxCol + 1, opts.maxColumns ?? LIMITS.maxColumns);
  const filled = (r: number): number => (data[r] ?? []).slice(0, maxCol + 1).filter((c) => !isBlank(c)).length;

  // Only merges among the first rows can shape the header (a hostile sheet may hold millions).
  const merges = ((ws['!merges'] ?? []) as XLSX.Range[]).filter((g) => g.s.r <= 31).slice(0, 10_000);
  const cellAt = (r: number, c: number): Cell => {
    const m = merges.find((g) => g.s.r <= r && r <= g.e.r && g.s.c <= c && c <= g.e.c);
    return m ? data[m.s.r]?.[m.s.c] : data[r]?.[c];
  };
  const value = (r: number, c: number): string => {
    const cell = cellAt(r, c);
    return isBlank(cell) ? '' : headerText(cell!, date1904);
  };
  // Header: the first row (of the first 30) nearly as wide as the widest, merged cells counting as filled.
  let r0: number;
  if (opts.headerRow !== undefined) r0 = opts.headerRow - 1;
  else {
    const width = (r: number): number => Array.from({ length: maxCol + 1 }, (_, c) => cellAt(r, c)).filter((v) => !isBlank(v)).length;
    const firstRows = Array.from({ length: Math.min(maxRow + 1, 30) }, (_, r) => width(r));
    const most = Math.max(...firstRows);
    r0 = firstRows.findIndex((n) => n >= Math.max(1, most * 0.8));
  }
  const hasHeader = opts.hasHeader ?? true;
  const twoLevel = hasHeader && merges.some((g) => g.s.r === r0 && g.e.r === r0 && g.e.c > g.s.c) && r0 + 1 <= maxRow;
  const headerRows = hasHeader ? (twoLevel ? 2 : 1) : 0;
  const headers = Array.from({ length: maxCol + 1 }, (_, c) => {
    if (!hasHeader) return '';
    const top = value(r0, c);
    if (!twoLevel) return top;
    const sub = value(r0 + 1, c);
    return sub && sub !== top ? (top ? `${top} ${sub}` : sub) : top;
  });

  const rows: Cell[][] = [];
  for (let r = r0 + headerRows; r <= maxRow; r++) if (filled(r) > 0) rows.push(data[r] ?? []);
  const vectors: Record<string, Vector> = {};
  const columns = headers.map((header, c) => {
    const { column, vector } = buildColumn(header, rows.map((row) => row[c]), date1904);
    vectors[`c${c}`] = vector;
    return column;
  });
  return { sheet, sheets: names, headerRow: r0 + 1, headerRows, columns, table: new Table(vectors), rows: rows.length };
}

function isDateCell(c: XLSX.CellObject): boolean {
  return c.t === 'n' && typeof c.z === 'string' && XLSX.SSF.is_date(c.z);
}

/** Excel's dates run from serial 0 to 2,958,465 (9999-12-31); anything else is not a date. */
const EXCEL_LAST_SERIAL = 2_958_466;
const validSerial = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < EXCEL_LAST_SERIAL;

/** Error cells, and numbers no column can hold (NaN, ±Infinity, dates outside Excel's range): NULL, counted. */
const unreadable = (c: XLSX.CellObject): boolean => c.t === 'e' || (c.t === 'n' && (typeof c.v !== 'number' || !Number.isFinite(c.v) || (isDateCell(c) && !validSerial(c.v))));

/** A header cell's text: error cells (#N/A, #REF!) and impossible dates name nothing (column_N). */
function headerText(c: XLSX.CellObject, date1904: boolean): string {
  if (unreadable(c)) return '';
  return cellText(c, date1904);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Text of a cell as a text column holds it: numbers raw (0.125, not "12.5%"), dates ISO. */
function cellText(c: XLSX.CellObject, date1904: boolean): string {
  if (isDateCell(c)) {
    const d = new Date(excelSerialToMs(c.v as number, date1904));
    const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    const ms = d.getTime() % 86_400_000;
    return ms === 0 ? day : `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  }
  if (c.t === 'b') return c.v ? 'true' : 'false';
  return String(c.v);
}

function buildColumn(header: string, cells: Cell[], date1904: boolean): { column: ExcelColumn; vector: Vector } {
  let nums = 0;
  let dates = 0;
  let bools = 0;
  let texts = 0;
  let blankText = 0;
  let errors = 0;
  for (const c of cells) {
    if (!c || c.t === 'z' || c.v === undefined || c.v === null) continue;
    if (unreadable(c)) errors++;
    else if (c.t === 's' || c.t === 'd') {
      if (String(c.v).trim() === '') blankText++;
      else texts++;
    } else if (c.t === 'b') bools++;
    else if (isDateCell(c)) dates++;
    else nums++;
  }
  const kinds = [nums > 0, dates > 0, bools > 0].filter(Boolean).length;
  const coerced = blankText + errors;
  if (texts === 0 && kinds === 1) {
    if (bools) {
      const vals = cells.map((c) => (c && c.t === 'b' ? Boolean(c.v) : null));
      return { column: { header, kind: 'boolean', coerced, errors, flag: { trueValue: true, falseValue: false } }, vector: boolVector(vals) };
    }
    const vals = cells.map((c) => (c && c.t === 'n' && !unreadable(c) ? (dates ? excelSerialToMs(c.v as number, date1904) : (c.v as number)) : null));
    let kind: ExcelKind;
    if (dates) kind = vals.every((v) => v === null || v % 86_400_000 === 0) ? 'date' : 'datetime';
    else kind = vals.every((v) => v === null || (Number.isInteger(v) && Math.abs(v) < 2 ** 53)) ? 'integer' : 'number';
    const distinct = new Set(vals.filter((v) => v !== null));
    const flag = !dates && distinct.size === 2 && distinct.has(0) && distinct.has(1) ? { trueValue: 1, falseValue: 0 } : undefined;
    return { column: { header, kind, coerced, errors, flag }, vector: float64Vector(vals) };
  }
  const vals = cells.map((c) => (!c || c.t === 'z' || c.v === undefined || c.v === null || unreadable(c) ? null : cellText(c, date1904)));
  return { column: { header, kind: 'text', coerced: 0, errors }, vector: utf8Vector(vals) };
}
