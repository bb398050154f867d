import * as XLSX from '@e965/xlsx';
import { Table, vectorFromArray, Float64, Utf8, TimestampMillisecond, type Vector } from 'apache-arrow';
import { TenureError } from '../errors';

/**
 * First (or the named) sheet of an .xlsx/.xls workbook as a typed Arrow table: numeric columns as
 * doubles, date columns as timestamps, everything else as text; blank or whitespace cells are NULL.
 */
export function excelToArrow(bytes: Uint8Array, opts: { sheet?: string; file?: string } = {}): { table: Table; sheet: string } {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: true, dense: true });
  } catch (err) {
    throw new TenureError('import.excel', `${opts.file ?? 'workbook'}: cannot read the workbook (${(err as Error).message})`, { file: opts.file });
  }
  const sheet = opts.sheet ?? wb.SheetNames[0];
  const ws = wb.Sheets[sheet];
  if (!ws) throw new TenureError('import.sheet', `${opts.file ?? 'workbook'}: no sheet named "${sheet}" (sheets: ${wb.SheetNames.join(', ')})`, { file: opts.file });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: false });
  const header = (rows[0] ?? []).map((h, i) => (h === null || String(h).trim() === '' ? `column_${i + 1}` : String(h).trim()));
  const names = uniqueNames(header);
  const body = rows.slice(1);
  const vectors: Record<string, Vector> = {};
  names.forEach((name, c) => {
    const vals = body.map((r) => {
      const v = r[c];
      return typeof v === 'string' && v.trim() === '' ? null : (v ?? null);
    });
    const nonNull = vals.filter((v) => v !== null);
    if (nonNull.length && nonNull.every((v) => typeof v === 'number')) vectors[name] = vectorFromArray(vals as (number | null)[], new Float64());
    else if (nonNull.length && nonNull.every((v) => v instanceof Date))
      vectors[name] = vectorFromArray(vals.map((v) => (v === null ? null : (v as Date).getTime())), new TimestampMillisecond());
    else vectors[name] = vectorFromArray(vals.map((v) => (v === null ? null : v instanceof Date ? v.toISOString() : String(v))), new Utf8());
  });
  return { table: new Table(vectors), sheet };
}

export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const key = n.toLowerCase();
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    return k === 0 ? n : `${n}_${k + 1}`;
  });
}
