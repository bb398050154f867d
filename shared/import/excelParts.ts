import { TenureError } from '../errors';

/**
 * What is learnt about an .xlsx from its XML bytes before SheetJS builds a single cell object:
 * which part holds which sheet (so only the chosen sheet is inflated), and a sheet's cell count
 * and extent (so a sheet too big for an in-memory parse, or with a row or column beyond Excel's
 * grid, is refused at once instead of looping or exhausting memory).
 */

/** Excel's grid: 1,048,576 rows × 16,384 columns (A…XFD). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

/** Parts a table import never needs (images, embedded objects, pivot caches…). */
const SKIP = /^(?:xl\/)?(?:media|embeddings|printerSettings|drawings|charts|diagrams|pivotCache|pivotTables|externalLinks|activeX|ctrlProps|customXml|queryTables|slicers|slicerCaches|timelines|model|threadedComments|persons)\/|^customXml\/|^docProps\/thumbnail|\.bin$/i;
const SHEET_PART = /^(?:xl\/)?(?:worksheets|chartsheets|dialogsheets|macrosheets)\//i;

export const neededPart = (name: string): boolean => !SKIP.test(name);
export const isSheetPart = (name: string): boolean => SHEET_PART.test(name);

const text = (b: Uint8Array | undefined, max = 16 * 1024 * 1024): string | null => (b && b.length <= max ? new TextDecoder().decode(b) : null);
const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : null;
};
const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    const code = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : '';
  });

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') out.pop();
    else if (step !== '.' && step !== '') out.push(step);
  }
  return out.join('/');
}

function relTargets(rels: string | null, base: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) map.set(id, resolve(base, unescapeXml(target)));
  }
  return map;
}

/** The workbook part's path (from the package relationships), default xl/workbook.xml. */
export function workbookPath(parts: Map<string, Uint8Array>): string {
  for (const m of (text(parts.get('_rels/.rels')) ?? '').matchAll(/<(?:\w+:)?Relationship\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    if (/\/officeDocument$/.test(attr(m[0], 'Type') ?? '')) return resolve('', unescapeXml(attr(m[0], 'Target') ?? ''));
  }
  return 'xl/workbook.xml';
}

/** Sheet name → part path, from workbook.xml and its relationships; null when they cannot be read. */
export function sheetPartNames(parts: Map<string, Uint8Array>): Map<string, string> | null {
  const wbPath = workbookPath(parts);
  const wb = text(parts.get(wbPath));
  if (wb === null) return null;
  const relsPath = `${wbPath.split('/').slice(0, -1).join('/')}${wbPath.includes('/') ? '/' : ''}_rels/${wbPath.split('/').pop()}.rels`;
  const targets = relTargets(text(parts.get(relsPath)), wbPath);
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b(?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], '(?:\\w+:)?id');
    const part = id ? targets.get(id) : undefined;
    if (name !== null && part) out.set(unescapeXml(name), part);
  }
  return out;
}

export interface SheetExtent {
  /** <c> elements (cells, including empty styled ones). */
  cells: number;
  /** 1-based last row and column referenced. */
  rows: number;
  columns: number;
}

/** "XFD1048576" → [row, col] (1-based); null when not a cell reference. */
export function parseCellRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,15})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

export const columnLetters = (col: number): string => {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

const LT = 0x3c;
const GT = 0x3e;

/**
 * One pass over a worksheet's XML bytes: count <c> cells and find the last row and column (from
 * r attributes, or by position where they are left out). A row or cell beyond Excel's grid is
 * an error naming it; more than maxCells cells is refused before any cell object exists.
 */
export function scanSheetXml(xml: Uint8Array, file: string, sheet: string, maxCells: number): SheetExtent {
  let cells = 0;
  let row = 0;
  let col = 0;
  let rows = 0;
  let columns = 0;
  let i = xml.indexOf(LT);
  const beyond = (where: string): TenureError =>
    new TenureError('import.excelCellRange', `${file}: sheet "${sheet}" has a cell at ${where}, beyond Excel's last row (1,048,576) or column (XFD); the workbook is damaged`, {
      file, params: { sheet, cell: where },
    });
  while (i >= 0 && i < xml.length) {
    let j = i + 1;
    if (xml[j] === 0x2f || xml[j] === 0x3f || xml[j] === 0x21) {
      i = xml.indexOf(LT, j);
      continue;
    }
    // Skip a namespace prefix (x:c, x:row).
    let k = j;
    while (k < xml.length && k - j < 32 && xml[k] !== 0x3a && xml[k] !== 0x20 && xml[k] !== GT && xml[k] !== 0x2f && xml[k] !== 0x0a && xml[k] !== 0x0d && xml[k] !== 0x09) k++;
    if (xml[k] === 0x3a) j = k + 1;
    const isCell = xml[j] === 0x63 && isEnd(xml[j + 1]);
    const isRow = xml[j] === 0x72 && xml[j + 1] === 0x6f && xml[j + 2] === 0x77 && isEnd(xml[j + 3]);
    if (!isCell && !isRow) {
      i = xml.indexOf(LT, j);
      continue;
    }
    const end = xml.indexOf(GT, j);
    if (end < 0) break;
    const r = rAttribute(xml, j + (isCell ? 1 : 3), end);
    if (isRow) {
      const n = r === null ? row + 1 : Number(r);
      if (!Number.isInteger(n) || n < 1 || n > EXCEL_MAX_ROWS) throw beyond(`row ${r}`);
      row = n;
      col = 0;
      rows = Math.max(rows, row);
    } else {
      cells++;
      if (cells > maxCells) throw tooManyCells(file, sheet, cells, maxCells);
      const ref = r === null ? null : parseCellRef(r);
      if (r !== null && !ref) throw beyond(r.slice(0, 40));
      const [cr, cc] = ref ?? [row || 1, col + 1];
      if (cr > EXCEL_MAX_ROWS || cc > EXCEL_MAX_COLS) throw beyond(r ?? `${columnLetters(cc)}${cr}`);
      col = cc;
      rows = Math.max(rows, cr);
      columns = Math.max(columns, cc);
    }
    i = xml.indexOf(LT, end);
  }
  return { cells, rows, columns };
}

/** The value of an ` r="…"` attribute in xml[from, end) (bytes, no string per tag), or null. */
function rAttribute(xml: Uint8Array, from: number, end: number): string | null {
  for (let k = from; k + 3 < end; k++) {
    if (xml[k] !== 0x72 || (xml[k - 1] !== 0x20 && xml[k - 1] !== 0x0a && xml[k - 1] !== 0x0d && xml[k - 1] !== 0x09)) continue;
    let q = k + 1;
    while (xml[q] === 0x20) q++;
    if (xml[q] !== 0x3d) continue;
    q++;
    while (xml[q] === 0x20) q++;
    const quote = xml[q];
    if (quote !== 0x22 && quote !== 0x27) continue;
    const close = xml.indexOf(quote, q + 1);
    if (close < 0 || close > end) return null;
    let s = '';
    for (let c = q + 1; c < close && c < q + 41; c++) s += String.fromCharCode(xml[c]);
    return s;
  }
  return null;
}

const isEnd = (b: number | undefined): boolean => b === 0x20 || b === GT || b === 0x2f || b === 0x0a || b === 0x0d || b === 0x09;

export function tooManyCells(file: string, sheet: string, cells: number, maxCells: number): TenureError {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return new TenureError(
    'import.excelTooLarge',
    `${file}: sheet "${sheet}" has more than ${fmt(maxCells)} cells (found ${fmt(cells)} so far); a workbook is read whole in memory. Save the sheet as CSV and import that`,
    { file, params: { sheet, cells: fmt(cells), limit: fmt(maxCells) } },
  );
}
