import type { QueryEngine } from '../engine/QueryEngine';
import { aggregateRow } from './batchedAggregates';
import { toRows } from '../engine/arrowRows';
import { qi, ql, qn } from '../engine/sqlQuote';
import type { DecimalStyle, FlagInfo, PlanColumn } from './importTypes';
import { TRIM_CHARS, DATEISH_RE, DIGITS_RE, INT_RE, LEADING_ZERO_RE, NULL_TOKENS, NUMBER_RE, TEXT_DATE_STYLES, dateStyleRegex, isMissing, trimmed } from './valueParsing';

/** Result of detection for one text column. */
export type Detected = Pick<PlanColumn, 'type' | 'decimal' | 'date' | 'ambiguousDates' | 'flag' | 'textReason'>;

export interface InferContext {
  /** Preferred decimal style when both read every value (comma for ';'-separated files). */
  decimal: DecimalStyle;
  dateOrder: 'MDY' | 'DMY';
}

interface Stats {
  nb: number;
  intd: number;
  intc: number;
  numd: number;
  numc: number;
  lz: number;
  dig: number;
  dmin: number | null;
  dmax: number | null;
  tf: number;
  dt: number;
  tm: number;
  /** Values matching each text date style (TEXT_DATE_STYLES order). */
  ds: number[];
  nd: number;
  lo: string | null;
  hi: string | null;
}

const FLAG_PAIRS: [string, string][] = [['yes', 'no'], ['y', 'n'], ['true', 'false'], ['t', 'f'], ['是', '否'], ['1', '0'], ['1.0', '0.0']];
const ID_NAME = /(phone|mobile|\btel\b|fax|zip|postal|postcode|电话|手机|号码|邮编|身份证|证件)/i;
const fm = (t: string, re: string): string => `regexp_full_match(${t}, ${ql(re)})`;

// Guesses are verified on every row afterwards, so the sample only has to be representative.
const SAMPLE_ROWS = 2000;
const UNMEASURED = -1;

/** Every statistic for some columns (the sample pass, and the fallback when a guess fails). */
async function fullStats(engine: QueryEngine, inner: string, idx: number[], ctx: InferContext): Promise<Map<number, Stats>> {
  const withComma = ctx.decimal === 'comma';
  const aggs = idx.flatMap((i) => {
    const t = `t${i}`;
    const present = `NOT ${isMissing(t)}`;
    return [
      ...commonAggs(t, i, present),
      `count(*) FILTER (${fm(t, INT_RE.dot)}) AS intd${i}`,
      withComma ? `count(*) FILTER (${fm(t, INT_RE.comma)}) AS intc${i}` : `${UNMEASURED} AS intc${i}`,
      `count(*) FILTER (${fm(t, NUMBER_RE.dot)}) AS numd${i}`,
      withComma ? `count(*) FILTER (${fm(t, NUMBER_RE.comma)}) AS numc${i}` : `${UNMEASURED} AS numc${i}`,
      ...idAggs(t, i),
      `count(*) FILTER (lower(${t}) IN ('true', 'false')) AS tf${i}`,
      `count(*) FILTER (${fm(t, DATEISH_RE)}) AS dt${i}`,
      `count(*) FILTER (contains(${t}, ':')) AS tm${i}`,
      ...TEXT_DATE_STYLES.map((style, k) => `count(*) FILTER (${fm(t, dateStyleRegex(style))}) AS ds${i}_${k}`),
    ];
  });
  return readStats(await aggregateRow(engine, `(${inner}) s`, aggs), idx);
}

/** RE2 pattern → JS RegExp anchored like regexp_full_match. */
const jsRe = (re: string): RegExp => new RegExp(`^(?:${re.replaceAll('\\x{', '\\u{')})$`, 'u');
const MISSING = new Set(NULL_TOKENS);

/** The same statistics as fullStats, computed in JS on the first rows (cheap for many columns). */
function sampleStats(rows: Record<string, string | null>[], idx: number[], ctx: InferContext): Map<number, Stats> {
  const re = {
    intd: jsRe(INT_RE.dot), intc: jsRe(INT_RE.comma), numd: jsRe(NUMBER_RE.dot), numc: jsRe(NUMBER_RE.comma), lz: jsRe(LEADING_ZERO_RE),
    dig: jsRe(DIGITS_RE), dt: jsRe(DATEISH_RE), ds: TEXT_DATE_STYLES.map((st) => jsRe(dateStyleRegex(st))),
  };
  const out = new Map<number, Stats>();
  for (const i of idx) {
    const st: Stats = { nb: 0, intd: 0, intc: 0, numd: 0, numc: 0, lz: 0, dig: 0, dmin: null, dmax: null, tf: 0, dt: 0, tm: 0, nd: 0, lo: null, hi: null, ds: TEXT_DATE_STYLES.map(() => 0) };
    const distinct = new Set<string>();
    for (const r of rows) {
      const v = r[`t${i}`];
      if (v === null || v === undefined) continue;
      const low = v.toLowerCase();
      if (!MISSING.has(low)) {
        st.nb++;
        distinct.add(low);
        if (st.lo === null || v < st.lo) st.lo = v;
        if (st.hi === null || v > st.hi) st.hi = v;
      }
      if (re.intd.test(v)) st.intd++;
      if (ctx.decimal === 'comma' && re.intc.test(v)) st.intc++;
      if (re.numd.test(v)) st.numd++;
      if (ctx.decimal === 'comma' && re.numc.test(v)) st.numc++;
      if (re.lz.test(v)) st.lz++;
      if (re.dig.test(v)) {
        st.dig++;
        st.dmin = Math.min(st.dmin ?? Infinity, v.length);
        st.dmax = Math.max(st.dmax ?? 0, v.length);
      }
      if (low === 'true' || low === 'false') st.tf++;
      if (re.dt.test(v)) {
        st.dt++;
        re.ds.forEach((d, k) => d.test(v) && st.ds[k]++);
      }
      if (v.includes(':')) st.tm++;
    }
    if (ctx.decimal !== 'comma') st.intc = st.numc = UNMEASURED;
    st.nd = distinct.size;
    out.set(i, st);
  }
  return out;
}

function commonAggs(t: string, i: number | string, present: string): string[] {
  return [
    `count(*) FILTER (${present}) AS nb${i}`,
    // Exact: HyperLogLog counts Telco's three Contract values as 2, and nd ≤ 2 makes a flag.
    `count(DISTINCT lower(${t})) FILTER (${present}) AS nd${i}`,
    `min(${t}) FILTER (${present}) AS lo${i}`,
    `max(${t}) FILTER (${present}) AS hi${i}`,
  ];
}

function idAggs(t: string, i: number): string[] {
  return [
    `count(*) FILTER (${fm(t, LEADING_ZERO_RE)}) AS lz${i}`,
    `count(*) FILTER (${fm(t, DIGITS_RE)}) AS dig${i}`,
    `min(length(${t})) FILTER (${fm(t, DIGITS_RE)}) AS dmin${i}`,
    `max(length(${t})) FILTER (${fm(t, DIGITS_RE)}) AS dmax${i}`,
  ];
}

function readStats(row: Record<string, unknown>, idx: number[]): Map<number, Stats> {
  const out = new Map<number, Stats>();
  for (const i of idx) {
    const g = (k: string): number => (row[`${k}${i}`] === undefined ? UNMEASURED : Number(row[`${k}${i}`] ?? 0));
    const n = (k: string): number | null => (row[`${k}${i}`] == null ? null : Number(row[`${k}${i}`]));
    const s = (k: string): string | null => (row[`${k}${i}`] == null ? null : String(row[`${k}${i}`]));
    out.set(i, {
      nb: g('nb'), intd: g('intd'), intc: g('intc'), numd: g('numd'), numc: g('numc'), lz: g('lz'), dig: g('dig'), dmin: n('dmin'), dmax: n('dmax'),
      tf: g('tf'), dt: g('dt'), tm: g('tm'), nd: g('nd'), lo: s('lo'), hi: s('hi'),
      ds: TEXT_DATE_STYLES.map((_, k) => (row[`ds${i}_${k}`] === undefined ? UNMEASURED : Number(row[`ds${i}_${k}`]))),
    });
  }
  return out;
}

/** Trimmed raw text of every named column as t0…tN (what every statistic looks at). */
function innerSelect(from: string, names: string[], limit?: number): string {
  return `SELECT ${names.map((n, i) => `${trimmed(`CAST(${qi(n)} AS VARCHAR)`)} AS t${i}`).join(', ')} FROM ${from}${limit ? ` LIMIT ${limit}` : ''}`;
}

const TRIM_JS = new RegExp(`^[${TRIM_CHARS}]+|[${TRIM_CHARS}]+$`, 'g');
const trimJs = (v: string): string => v.replace(TRIM_JS, '');

/** A sample-based guess, and whether the full data could still turn it into a flag. */
export interface SampleGuess extends Detected {
  /** A sampled flag, or a single sampled value: the full data decides the flag. */
  flagCandidate: boolean;
}

/**
 * Guess every column's type from the first rows only, in JS: one small query, no regular
 * expressions in the engine (RE2 over every row is what made imports slow in duckdb-wasm).
 * The import then converts everything in one pass and checks the guess by counting values that
 * failed to convert (checkGuesses in stagedColumns.ts); only failing columns are measured in full.
 */
export async function inferFromSample(engine: QueryEngine, from: string, names: string[], ctx: InferContext, labels = names, rows = SAMPLE_ROWS): Promise<Map<string, SampleGuess>> {
  const out = new Map<string, SampleGuess>();
  if (!names.length) return out;
  const all = names.map((_, i) => i);
  // Raw values, trimmed here: the engine's multi-character trim is slow even on a sample.
  const raw = `SELECT ${names.map((n, i) => `CAST(${qi(n)} AS VARCHAR) AS t${i}`).join(', ')} FROM ${from} LIMIT ${rows}`;
  const data = toRows<Record<string, string | null>>(await engine.query(raw));
  for (const r of data) for (const k in r) if (r[k] != null) r[k] = trimJs(r[k]!);
  const sample = sampleStats(data, all, ctx);
  for (const i of all) {
    const st = sample.get(i)!;
    const d = decide(labels[i], st, ctx);
    // Two sampled values that are not a yes/no pair never become one; one value may.
    out.set(names[i], { ...d, flagCandidate: st.nd === 1 || (st.nd === 2 && d.flag !== undefined) });
  }
  return out;
}

/** Every statistic over every row, for columns whose sample guess did not hold. `labels` = the columns' names (identifier hints). */
export async function inferFull(engine: QueryEngine, from: string, names: string[], ctx: InferContext, labels = names): Promise<Map<string, Detected>> {
  const out = new Map<string, Detected>();
  if (!names.length) return out;
  const all = names.map((_, i) => i);
  const stats = await fullStats(engine, innerSelect(from, names), all, ctx);
  for (const i of all) out.set(names[i], decide(labels[i], stats.get(i)!, ctx));
  return out;
}

/**
 * The flag statistics (nb, nd, lo, hi, as fullStats names them) of many columns without a single
 * count(DISTINCT …): one pass for counts and the smallest and largest (lower-cased) values, one
 * pass counting values that are neither. nd is then 1, 2, or 3 for "more than two" — all a flag
 * needs — and no hash table per column is built (a hundred 0/1 columns ran out of memory).
 */
export async function flagStats(engine: QueryEngine, from: string, items: { t: string; key: string; numeric?: boolean }[]): Promise<Record<string, unknown>> {
  if (!items.length) return {};
  const present = (t: string, numeric?: boolean): string => (numeric ? `${t} IS NOT NULL` : `NOT ${isMissing(t)}`);
  // Numbers need no text at all: their own min and max (a 0/1 column is compared as numbers).
  const low = (t: string, numeric?: boolean): string => (numeric ? t : `lower(${t})`);
  const first = await aggregateRow(engine, from, items.flatMap(({ t, key, numeric }) => [
    `count(*) FILTER (${present(t, numeric)}) AS nb${key}`, `min(${t}) FILTER (${present(t, numeric)}) AS lo${key}`, `max(${t}) FILTER (${present(t, numeric)}) AS hi${key}`,
    ...(numeric ? [] : [`min(lower(${t})) FILTER (${present(t)}) AS llo${key}`, `max(lower(${t})) FILTER (${present(t)}) AS lhi${key}`]),
  ]));
  const lowered = (key: string, k: 'llo' | 'lhi', numeric?: boolean): unknown => first[`${numeric ? (k === 'llo' ? 'lo' : 'hi') : k}${key}`] ?? null;
  const literal = (v: unknown, numeric?: boolean): string => (numeric ? qn(Number(v)) : ql(String(v)));
  const others = await aggregateRow(engine, from, items.map(({ t, key, numeric }) => {
    const [a, b] = [lowered(key, 'llo', numeric), lowered(key, 'lhi', numeric)];
    if (a === null) return `0 AS o${key}`;
    return `count(*) FILTER (${present(t, numeric)} AND ${low(t, numeric)} <> ${literal(a, numeric)} AND ${low(t, numeric)} <> ${literal(b ?? a, numeric)}) AS o${key}`;
  }));
  const out: Record<string, unknown> = {};
  for (const { key, numeric } of items) {
    const [a, b] = [lowered(key, 'llo', numeric), lowered(key, 'lhi', numeric)];
    out[`nb${key}`] = first[`nb${key}`];
    out[`lo${key}`] = first[`lo${key}`];
    out[`hi${key}`] = first[`hi${key}`];
    out[`nd${key}`] = a === null ? 0 : Number(others[`o${key}`]) > 0 ? 3 : String(a) === String(b) ? 1 : 2;
  }
  return out;
}

/** The flag of a column from the full data's nb/nd/lo/hi (fullStats or flagStats). */
export function flagFromRow(row: Record<string, unknown>, key: string, type: Detected['type']): FlagInfo | undefined {
  const v = (k: string): unknown => row[`${k}${key}`];
  const st = { nb: Number(v('nb') ?? 0), nd: Number(v('nd') ?? 0), lo: v('lo') == null ? null : String(v('lo')), hi: v('hi') == null ? null : String(v('hi')) } as Stats;
  if (type === 'BOOLEAN') return st.nd <= 2 ? { trueValue: true, falseValue: false } : undefined;
  if (type === 'DATE' || type === 'TIMESTAMP') return undefined;
  return flagOf(st, type === 'VARCHAR' ? (x) => x : (x) => Number(x));
}

/** Whether a column name hints at an identifier (phone, zip…): digits stay text from 5 digits on. */
export const idNameHint = (name: string): boolean => ID_NAME.test(name);

function decide(name: string, st: Stats, ctx: InferContext): Detected {
  if (st.nb === 0) return { type: 'VARCHAR' };
  if (st.dt === st.nb) {
    const full = TEXT_DATE_STYLES.filter((_, k) => st.ds[k] === st.nb);
    const type = st.tm > 0 ? 'TIMESTAMP' : 'DATE';
    if (full.includes('mdy') && full.includes('dmy')) return { type, date: ctx.dateOrder === 'DMY' ? 'dmy' : 'mdy', ambiguousDates: true };
    if (full.length) return { type, date: full[0] };
  }
  if (st.tf === st.nb) return { type: 'BOOLEAN', flag: { trueValue: true, falseValue: false } };
  const intStyle = pick(st.intd === st.nb, st.intc === st.nb, ctx.decimal);
  const numStyle = pick(st.numd === st.nb, st.numc === st.nb, ctx.decimal);
  const allDigits = st.dig === st.nb;
  if (intStyle || numStyle) {
    // Identifiers that look like numbers stay text: 0001, phone numbers, 18-digit ID numbers.
    if (st.lz > 0) return textCol(st, 'leadingZeros');
    if (allDigits && (st.dmax ?? 0) >= 16) return textCol(st, 'longDigits');
    if (allDigits && (st.dmin ?? 0) >= 10 && st.dmin === st.dmax) return textCol(st, 'fixedWidthDigits');
    if (allDigits && ID_NAME.test(name) && (st.dmax ?? 0) >= 5) return textCol(st, 'nameHint');
  }
  if (intStyle) return { type: 'BIGINT', decimal: intStyle, flag: flagOf(st, (v) => Number(v)) };
  if (numStyle) return { type: 'DOUBLE', decimal: numStyle, flag: flagOf(st, (v) => Number(v)) };
  return { type: 'VARCHAR', flag: flagOf(st, (v) => v) };
}

function textCol(st: Stats, textReason: Detected['textReason']): Detected {
  return { type: 'VARCHAR', textReason, flag: flagOf(st, (v) => v) };
}

function pick(dot: boolean, comma: boolean, preferred: DecimalStyle): DecimalStyle | undefined {
  if (dot && comma) return preferred;
  return dot ? 'dot' : comma ? 'comma' : undefined;
}

function flagOf(st: Stats, typed: (v: string) => string | number): FlagInfo | undefined {
  if (st.nd > 2 || st.lo === null || st.hi === null || st.lo.toLowerCase() === st.hi.toLowerCase()) return undefined;
  const lo = st.lo.toLowerCase();
  const hi = st.hi.toLowerCase();
  for (const [yes, no] of FLAG_PAIRS) {
    if (lo === yes && hi === no) return { trueValue: typed(st.lo), falseValue: typed(st.hi) };
    if (hi === yes && lo === no) return { trueValue: typed(st.hi), falseValue: typed(st.lo) };
  }
  return undefined;
}
