export type Cell = string | number | boolean | Date | null | undefined;

export interface TableData {
  columns: string[];
  rows: Cell[][];
}

const DANGEROUS = /^[=+\-@\t\r]/;
const NUMERIC = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?%?$/;

/**
 * Formula-injection guard (OWASP CSV injection): a text cell starting with = + - @ tab or CR is
 * prefixed with a single quote so a spreadsheet shows it as text instead of evaluating it.
 * `allowNumeric` leaves numeric-looking text such as "-12.5" or "+3" untouched.
 */
export function neutraliseCell(value: string, allowNumeric = false): string {
  if (!DANGEROUS.test(value)) return value;
  if (allowNumeric && NUMERIC.test(value.trim())) return value;
  return `'${value}`;
}

function csvField(v: Cell, guard: boolean, allowNumeric: boolean, delimiter: string): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (v instanceof Date) s = v.toISOString();
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = v ? 'true' : 'false';
  else s = guard ? neutraliseCell(v, allowNumeric) : v;
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV (CRLF), UTF-8 with BOM so Excel opens Chinese text correctly. */
export function toCsv(t: TableData, opts: { guard?: boolean; allowNumeric?: boolean; delimiter?: string; bom?: boolean } = {}): string {
  const guard = opts.guard ?? true;
  const d = opts.delimiter ?? ',';
  const lines = [t.columns.map((c) => csvField(c, guard, false, d)).join(d)];
  for (const row of t.rows) lines.push(row.map((v) => csvField(v, guard, opts.allowNumeric ?? false, d)).join(d));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** A file name safe on Windows, macOS and Linux, keeping Chinese characters. */
export function exportFileName(title: string, ext: string, date = new Date()): string {
  const stem = title
    .normalize('NFC')
    // Characters Windows forbids in file names, and control characters.
    .replace(/[<>:"/\\|?*]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 80) || 'export';
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? `${stem}_` : stem;
  const d = date.toISOString().slice(0, 10);
  return `${reserved} ${d}.${ext.replace(/^\./, '')}`;
}
