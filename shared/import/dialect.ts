import { parseSample, type SampleRecord } from './csvText';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface Dialect {
  delimiter: string;
  quote: string;
  /** 1-based physical line of the header record. */
  headerRow: number;
  hasHeader: boolean;
  /** Field count of the header (= expected per record). */
  fields: number;
  /** Sample records from the header on (header first), blank lines dropped. */
  records: SampleRecord[];
}

function mode(values: number[]): number {
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let bestN = 0;
  for (const [v, n] of freq) if (n > bestN || (n === bestN && v > best)) [best, bestN] = [v, n];
  return best;
}

interface Candidate {
  delimiter: string;
  score: number;
  fields: number;
  records: SampleRecord[];
}

function score(text: string, delimiter: string, quote: string, complete: boolean): Candidate {
  const records = parseSample(text, delimiter, quote, complete, 1000, MAX_SAMPLE_FIELDS).filter((r) => !r.blank);
  if (!records.length) return { delimiter, score: 0, fields: 1, records };
  // Title lines above the header have fewer fields: judge from the most common width.
  const k = mode(records.map((r) => r.width));
  const first = records.findIndex((r) => r.width === k);
  const tail = records.slice(first);
  const consistent = tail.filter((r) => r.width === k).length / tail.length;
  // Every skipped leading record costs a little: a header narrower than the data is suspicious.
  return { delimiter, score: k < 2 ? 0 : consistent * 1000 + Math.min(k, 100) - 5 * first, fields: k, records };
}

const NUMERIC = /^[-+]?[\d.,\s]+%?$/;
/** Fields kept per sample record: past the column limit the count is all that matters. */
const MAX_SAMPLE_FIELDS = 10_000;

/**
 * Delimiter (the one giving the most consistent multi-field records), header row (the first record
 * of the common width, so title and blank lines above it are skipped) and whether that row is a
 * header at all (not when every cell is a number).
 */
export function detectDialect(text: string, complete: boolean, opts: { delimiter?: string; quote?: string; headerRow?: number; hasHeader?: boolean }): Dialect {
  const quote = opts.quote ?? '"';
  const candidates = opts.delimiter !== undefined ? [opts.delimiter] : [...DELIMITERS];
  const best = candidates.map((d) => score(text, d, quote, complete)).reduce((a, b) => (b.score > a.score ? b : a));
  const all = best.records;
  let startIdx: number;
  if (opts.headerRow !== undefined) {
    startIdx = all.findIndex((r) => r.line >= opts.headerRow!);
    if (startIdx < 0) startIdx = all.length;
  } else {
    startIdx = Math.max(0, all.findIndex((r) => r.width === best.fields));
  }
  const records = all.slice(startIdx);
  const header = records[0];
  const fields = header ? header.width : best.fields;
  const hasHeader = opts.hasHeader ?? !(header && header.fields.every((f) => f.trim() !== '' && NUMERIC.test(f.trim())));
  return { delimiter: best.delimiter, quote, headerRow: header?.line ?? opts.headerRow ?? 1, hasHeader, fields, records };
}
