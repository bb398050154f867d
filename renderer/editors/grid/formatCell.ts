import { numericKind } from './gridSql';

/** A cell as the grid shows it and as it is copied. */
export interface CellText {
  text: string;
  /** Full value for the tooltip and the clipboard. */
  raw: string;
  isNull: boolean;
  numeric: boolean;
}

interface LocaleFormat {
  int: Intl.NumberFormat;
  float: Intl.NumberFormat;
  group: string;
  decimal: string;
}

// Intl objects are costly to build and cells are formatted on every scroll frame: one set per locale.
const formatters = new Map<string, LocaleFormat>();

function fmt(locale: string): LocaleFormat {
  let f = formatters.get(locale);
  if (!f) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    f = {
      int: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      float: new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }),
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    formatters.set(locale, f);
  }
  return f;
}

/** How a column's numbers are shown: grouped (default), plain digits (identifiers), or as a percentage of 1. */
export type CellStyle = 'number' | 'plain' | 'percent';

const ID_NAME = /((^|[\s_.-])(id|no|nr|num|code|zip|zipcode|postcode|postal[\s_]?code|phone|tel)$|^(id|zip|zipcode|postcode)$|编号|编码|代码|邮编|邮政编码|电话|号码|工号|学号|账号|卡号)/i;
/** "CustomerId", "RowID": camel case, so case matters ("Paid" is not an id). */
const CAMEL_ID = /[a-z0-9](Id|ID)$/;

/** Identifier-like numbers (customer ids such as 15634602, …id, 编号, zip codes) are shown as plain digits. */
export function cellStyleFor(name: string, type: string, percentColumns: readonly string[] = []): CellStyle {
  if (percentColumns.includes(name)) return 'percent';
  if (numericKind(type) && (ID_NAME.test(name.trim()) || CAMEL_ID.test(name.trim()))) return 'plain';
  return 'number';
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * Values arrive as numbers (small ints, floats), booleans, or text (VARCHAR and everything the
 * window query casts, including exact BIGINT/DECIMAL digits, which are grouped here as text so
 * no precision is lost).
 */
export function formatCell(value: unknown, type: string, locale: string, nullText: string, style: CellStyle = 'number'): CellText {
  if (value === null || value === undefined) return { text: nullText, raw: '', isNull: true, numeric: false };
  const kind = numericKind(type);
  if (style === 'plain' && (typeof value === 'number' || typeof value === 'bigint' || kind === 'exact')) {
    const raw = String(value);
    return { text: raw, raw, isNull: false, numeric: true };
  }
  if (style === 'percent' && typeof value === 'number' && Number.isFinite(value)) {
    let f = percentFormats.get(locale);
    if (!f) percentFormats.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })));
    return { text: f.format(value), raw: String(value), isNull: false, numeric: true };
  }
  if (typeof value === 'number') {
    const raw = String(value);
    if (!Number.isFinite(value)) return { text: raw, raw, isNull: false, numeric: true };
    const abs = Math.abs(value);
    const text = Number.isInteger(value) && abs < 1e21
      ? fmt(locale).int.format(value)
      : abs !== 0 && (abs < 1e-4 || abs >= 1e15) ? value.toPrecision(6) : fmt(locale).float.format(value);
    return { text, raw, isNull: false, numeric: true };
  }
  if (typeof value === 'bigint') return { text: groupDigits(String(value), locale), raw: String(value), isNull: false, numeric: true };
  const raw = typeof value === 'string' ? value : String(value);
  if (kind === 'exact') return { text: groupDigits(raw, locale), raw, isNull: false, numeric: true };
  return { text: raw.length > 1000 ? `${raw.slice(0, 1000)}…` : raw, raw, isNull: false, numeric: false };
}

/** "-1234567.50" → "-1,234,567.50" with the locale's separators, digits untouched. */
export function groupDigits(s: string, locale: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  const { group, decimal } = fmt(locale);
  const int = m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${m[1]}${int}${m[3] !== undefined ? decimal + m[3] : ''}`;
}

/** Tab-separated text for a block of cells (spreadsheet paste); tabs/newlines inside values are quoted. */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map(tsvField).join('\t')).join('\n');
}

function tsvField(s: string): string {
  return /[\t\n\r"]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
