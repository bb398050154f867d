/**
 * Byte-level checks that every field of a quote-free chunk is already in DuckDB's canonical form
 * for its column's type, so the chunk can go through DuckDB's typed CSV reader (its fastest path)
 * instead of text + strict SQL conversion. The typed reader is lenient — it reads 007 as 7, 3.5
 * into a BIGINT as 4, ' 5' as 5 — so only values whose reading is unambiguous pass:
 *   int  -?(0|[1-9][0-9]{0,17})          dec  -?(0|[1-9][0-9]*)(.[0-9]+)?
 *   date YYYY-MM-DD                      ts   YYYY-MM-DD HH:MM:SS
 * and empty fields (NULL either way). Anything else sends the chunk down the strict path, which
 * decides — so this check can only ever cost speed, never change a value.
 */
export type FieldShape = 'any' | 'int' | 'dec' | 'date' | 'ts';

const KIND: Record<FieldShape, number> = { any: 0, int: 1, dec: 2, date: 3, ts: 4 };
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const COLON = 58;
const SPACE = 32;

/** b[i] is a digit (out-of-range reads are undefined: not a digit). */
const digit = (b: Uint8Array, i: number): boolean => b[i] - ZERO <= 9 && b[i] >= ZERO;

function ymd(b: Uint8Array, i: number): boolean {
  return (
    digit(b, i) && digit(b, i + 1) && digit(b, i + 2) && digit(b, i + 3) && b[i + 4] === MINUS &&
    digit(b, i + 5) && digit(b, i + 6) && b[i + 7] === MINUS && digit(b, i + 8) && digit(b, i + 9)
  );
}

function hms(b: Uint8Array, i: number): boolean {
  return b[i] === SPACE && digit(b, i + 1) && digit(b, i + 2) && b[i + 3] === COLON && digit(b, i + 4) && digit(b, i + 5) && b[i + 6] === COLON && digit(b, i + 7) && digit(b, i + 8);
}

/**
 * The number of records in b[0, end) when every record (LF or CRLF line ends; the last may lack
 * one) has exactly shapes.length fields, each fitting its shape; -1 otherwise (blank lines too).
 * Fields are checked while they are walked: one pass, no per-field calls.
 */
export function shapesHold(b: Uint8Array, end: number, shapes: FieldShape[], delimiter: number): number {
  const kinds = shapes.map((s) => KIND[s]);
  const last = kinds.length - 1;
  let i = 0;
  let records = 0;
  while (i < end) {
    for (let col = 0; ; col++) {
      const k = kinds[col];
      const s = i;
      const c0 = b[i];
      const empty = i >= end || c0 === delimiter || c0 === LF || c0 === CR;
      if (empty) {
        if (last === 0) return -1; // a blank line, not an empty field
      } else if (k === 0) {
        for (; i < end; i++) {
          const c = b[i];
          if (c === delimiter || c === LF || c === CR) break;
        }
      } else if (k === 1 || k === 2) {
        if (b[i] === MINUS) i++;
        const first = i;
        if (b[i] === ZERO) i++;
        else while (digit(b, i)) i++;
        if (i === first || (k === 1 && i - first > 18)) return -1;
        if (k === 2 && b[i] === DOT) {
          const f = ++i;
          while (digit(b, i)) i++;
          if (i === f) return -1;
        }
      } else if (k === 3) {
        if (!ymd(b, i)) return -1;
        i += 10;
      } else {
        if (!ymd(b, i) || !hms(b, i + 10)) return -1;
        i += 19;
      }
      if (i > end || (s === i && !empty)) return -1;
      if (col < last) {
        if (b[i] !== delimiter || i >= end) return -1;
        i++;
        continue;
      }
      records++;
      if (i === end) return records; // the file's last record, without a line break
      if (b[i] === CR) i++;
      if (b[i] !== LF || i >= end) return -1;
      i++;
      break;
    }
  }
  return records;
}
