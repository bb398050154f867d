import { ql } from '../engine/sqlQuote';
import type { DateStyle, DecimalStyle, PlanColumn } from './importTypes';

/**
 * SQL text for reading typed values out of text: the regular expressions (RE2, as DuckDB uses)
 * that decide whether a column is numeric or a date, and the expressions that convert a trimmed
 * text value. Detection and conversion share these, so a column detected as numeric converts
 * every one of its values.
 */

/** Characters trimmed from every value before parsing (incl. no-break and ideographic spaces). */
export const TRIM_CHARS = ' \t\r\n\u00a0\u3000';
/** Values that mean "missing" in a numeric or date column (compared lower-cased). */
export const NULL_TOKENS = ['', 'na', 'n/a', 'null', 'none', 'nan', '#n/a', '-', '--', '—'];

const CUR = String.raw`(?:[$€£¥￥₩]|US\$|USD|RMB|CNY)`;
const NUM: Record<DecimalStyle, string> = {
  dot: String.raw`(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`,
  comma: String.raw`(?:(?:\d{1,3}(?:[. \x{00A0}']\d{3})+|\d+)(?:,\d*)?|,\d+)`,
};

export const INT_RE: Record<DecimalStyle, string> = {
  dot: String.raw`[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)`,
  comma: String.raw`[-+]?(?:\d{1,3}(?:[.\x{00A0}' ]\d{3})+|\d+)`,
};

function numberRe(style: DecimalStyle): string {
  const body = String.raw`[-+]?\s*${CUR}?\s*[-+]?\s*${NUM[style]}\s*(?:%|元|円|${CUR})?`;
  return String.raw`\(\s*${body}\s*\)|${body}`;
}
export const NUMBER_RE: Record<DecimalStyle, string> = { dot: numberRe('dot'), comma: numberRe('comma') };
export const LEADING_ZERO_RE = String.raw`[-+]?0\d+`;
export const DIGITS_RE = String.raw`\d+`;
export const DATEISH_RE = String.raw`\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?)?`;

const TIMES = ['', ' %H:%M', ' %H:%M:%S', ' %H:%M:%S.%f', ' %I:%M %p', ' %I:%M:%S %p'];
const withTimes = (date: string, times = TIMES): string[] => times.map((t) => date + t);

/** strptime formats per date style (date only, or with a time). */
export const DATE_FORMATS: Record<Exclude<DateStyle, 'excel-1900' | 'excel-1904'>, string[]> = {
  iso: [...withTimes('%Y-%m-%d'), ...withTimes('%Y-%m-%d', ['T%H:%M', 'T%H:%M:%S', 'T%H:%M:%S.%f'])],
  ymd: withTimes('%Y/%m/%d'),
  mdy: withTimes('%m/%d/%Y'),
  dmy: withTimes('%d/%m/%Y'),
  'dmy-dot': withTimes('%d.%m.%Y'),
  cjk: withTimes('%Y年%m月%d日'),
};
export const TEXT_DATE_STYLES = Object.keys(DATE_FORMATS) as (keyof typeof DATE_FORMATS)[];

/**
 * Constant lists as list_contains(): DuckDB rewrites a long `x IN (…)` into a join that runs on
 * every row, even inside a CASE branch no row takes (it made conversions ~10× slower).
 */
const sqlList = (words: string[]): string => `[${words.map(ql).join(', ')}]`;
export const NULL_TOKEN_LIST = sqlList(NULL_TOKENS);
const TRUE_WORDS = ['true', 't', 'yes', 'y', '1', '是', '真'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0', '否', '假'];

/** `t` trimmed: `trim(raw, chars)`. */
export function trimmed(raw: string): string {
  return `trim(${raw}, ${ql(TRIM_CHARS)})`;
}

/** A value counts as missing: NULL, blank or an NA token. */
export function isMissing(t: string): string {
  return `(${t} IS NULL OR list_contains(${NULL_TOKEN_LIST}, lower(${t})))`;
}

const FORMAT_PARTS: Record<string, string> = {
  '%Y': String.raw`\d{4}`,
  '%m': String.raw`(?:0?[1-9]|1[0-2])`,
  '%d': String.raw`(?:0?[1-9]|[12]\d|3[01])`,
  '%H': String.raw`(?:[01]?\d|2[0-3])`,
  '%I': String.raw`(?:0?[1-9]|1[0-2])`,
  '%M': String.raw`[0-5]\d`,
  '%S': String.raw`[0-5]\d`,
  '%f': String.raw`\d{1,6}`,
  '%p': '[AaPp][Mm]',
};

/** A strict regular expression for one strptime format (month 1-12, day 1-31, hour 0-23…). */
export function formatRegex(format: string): string {
  return format.replace(/%[A-Za-z]|[^%]/g, (tok) => FORMAT_PARTS[tok] ?? tok.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
}

/** One regular expression matching any format of a date style (detection without strptime). */
export function dateStyleRegex(style: keyof typeof DATE_FORMATS): string {
  return `(?:${DATE_FORMATS[style].map(formatRegex).join('|')})`;
}

/**
 * Parse with the one format whose shape matches: a failing strptime is very slow in duckdb-wasm
 * (an exception per value), so strptime only ever sees values of its own shape.
 */
export function dateStrptime(t: string, style: keyof typeof DATE_FORMATS): string {
  const arms = DATE_FORMATS[style].map((f) => `WHEN regexp_full_match(${t}, ${ql(formatRegex(f))}) THEN TRY_STRPTIME(${t}, ${ql(f)})`);
  return `CASE ${arms.join(' ')} END`;
}

/** No decimal point, exponent, hex prefix or digit grouping underscore (cheap contains() calls). */
function integerShaped(x: string): string {
  return `NOT (${['.', 'e', 'E', 'x', 'X', '_'].map((c) => `contains(${x}, ${ql(c)})`).join(' OR ')})`;
}

/** Thousands separators removed with plain replace() calls. */
function stripSeparators(t: string, style: DecimalStyle): string {
  const seps = style === 'dot' ? [','] : ['.', ' ', '\u00a0', "'"];
  return seps.reduce((acc, sep) => `replace(${acc}, ${ql(sep)}, '')`, t);
}

/**
 * ISO dates: DuckDB's own cast (fast) for values shaped YYYY-…, without a zone or sign it would
 * silently drop; anything else (12-hour times) through the strict strptime arms.
 */
function isoTimestamp(t: string, raw: string): string {
  const fast = `TRY_CAST(${raw} AS TIMESTAMP)`;
  const plain = `(length(${raw}) BETWEEN 8 AND 26 AND substr(${raw}, 5, 1) = '-' AND NOT contains(${raw}, '+') AND NOT contains(${raw}, 'Z') AND isfinite(${fast}))`;
  return `CASE WHEN ${plain} THEN ${fast} ELSE ${dateStrptime(t, 'iso')} END`;
}

/** Excel serial day numbers → TIMESTAMP (1900 system keeps Lotus's phantom 29 Feb 1900). */
function excelSerial(t: string, system: 'excel-1900' | 'excel-1904'): string {
  const x = `TRY_CAST(${t} AS DOUBLE)`;
  const days = system === 'excel-1904' ? `(${x} + 1462 - 25569)` : `(CASE WHEN ${x} < 60 THEN ${x} + 1 ELSE ${x} END - 25569)`;
  // Only Excel's own range (serial 0 … 9999-12-31): a larger number overflowed the timestamp cast
  // ("Could not convert Timestamp(MS) to Timestamp(US)") and failed the whole import.
  return `CASE WHEN ${x} >= 0 AND ${x} < 2958466 THEN epoch_ms(CAST(round(${days} * 86400000) AS BIGINT)) END`;
}

/**
 * The expression that turns trimmed text `t` (raw value `raw`) into the column's type; NULL for
 * missing values and for values that do not parse.
 */
export function convertExpr(t: string, raw: string, col: Pick<PlanColumn, 'type' | 'decimal' | 'date'>): string {
  const style = col.decimal ?? 'dot';
  switch (col.type) {
    case 'VARCHAR':
      return raw;
    case 'BIGINT': {
      // Fast path first: DuckDB's own cast of the untrimmed value (the multi-character trim is ~10×
      // slower); CASE, not coalesce, which evaluates every argument on every row. Separators go
      // with plain replace(), not a regex. The cast rounds 3.5 and reads 1e3, 0x1F, 1_000: those
      // must fail so that the check after the conversion sees a non-integer and re-detects.
      const stripped = stripSeparators(t, style);
      const slow = `CASE WHEN ${isMissing(t)} THEN NULL WHEN ${integerShaped(stripped)} THEN TRY_CAST(${stripped} AS BIGINT) END`;
      if (style === 'comma') return slow; // 1.000 is a thousand here, not 1
      const fast = `TRY_CAST(${raw} AS BIGINT)`;
      return `CASE WHEN ${integerShaped(raw)} AND ${fast} IS NOT NULL THEN ${fast} ELSE ${slow} END`;
    }
    case 'DOUBLE': {
      const core =
        style === 'dot'
          ? `regexp_replace(${t}, '[^0-9.eE+-]', '', 'g')`
          : `replace(regexp_replace(${t}, '[^0-9,+-]', '', 'g'), ',', '.')`;
      const slow = `CASE WHEN regexp_full_match(${t}, ${ql(NUMBER_RE[style])}) THEN (CASE WHEN starts_with(${t}, '(') THEN -1 ELSE 1 END) * TRY_CAST(${core} || CASE WHEN contains(${t}, '%') THEN 'e-2' ELSE '' END AS DOUBLE) END`;
      if (style === 'comma') return slow;
      // Fast path: a plain number DuckDB reads itself (no trim, no regex); only the rest (1,234 ·
      // $5 · 12% · (3)) takes the regex path. Infinity, NaN, 1_000 are not plain numbers here.
      const d = `TRY_CAST(${raw} AS DOUBLE)`;
      return `CASE WHEN isfinite(${d}) AND NOT contains(${raw}, '_') THEN ${d} ELSE ${slow} END`;
    }
    case 'BOOLEAN':
      return `CASE WHEN list_contains(${sqlList(TRUE_WORDS)}, lower(${t})) THEN TRUE WHEN list_contains(${sqlList(FALSE_WORDS)}, lower(${t})) THEN FALSE END`;
    case 'DATE':
    case 'TIMESTAMP': {
      const d = col.date ?? 'iso';
      const ts =
        d === 'excel-1900' || d === 'excel-1904' ? `CASE WHEN ${isMissing(t)} THEN NULL ELSE ${excelSerial(t, d)} END` : d === 'iso' ? isoTimestamp(t, raw) : dateStrptime(t, d);
      return col.type === 'DATE' ? `CAST(${ts} AS DATE)` : ts;
    }
  }
}
