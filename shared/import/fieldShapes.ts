/**
 * Byte-level checks that every field of a chunk is already in DuckDB's canonical form
 * for its column's type, so the chunk can go through DuckDB's typed CSV reader (its fastest path)
 * instead of text + strict SQL conversion. The typed reader is lenient — it reads 007 as 7, 3.5
 * into a BIGINT as 4, ' 5' as 5 — so only values whose reading is unambiguous pass:
 *   int  -?(0|[1-9][0-9]{0,17})          dec  -?(0|[1-9][0-9]*)(.[0-9]+)?
 *   date YYYY-MM-DD                      ts   YYYY-MM-DD HH:MM[:SS]
 * and empty fields (NULL either way); text fields may be quoted (the same reader options read them
 * on either path). Anything else sends the chunk down the strict path, which
 * decides — so this check can only ever cost speed, never change a value.
 */
export type FieldShape = 'any' | 'int' | 'dec' | 'date' | 'ts';

const KIND: Record<FieldShape, number> = { any: 0, int: 1, dec: 2, date: 3, ts: 4 };
const LF = 10;
const CR = 13;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const COLON = 58;
const SPACE = 32;

/** 1 for the bytes '0'..'9'. */
const DIGIT = new Uint8Array(256);
for (let c = ZERO; c <= NINE; c++) DIGIT[c] = 1;

/** b[i] is a digit (beyond the end: not a digit, without reading out of range). */
const digit = (b: Uint8Array, i: number): boolean => i < b.length && DIGIT[b[i]] === 1;

function ymd(b: Uint8Array, i: number): boolean {
  return (
    digit(b, i) && digit(b, i + 1) && digit(b, i + 2) && digit(b, i + 3) && b[i + 4] === MINUS &&
    digit(b, i + 5) && digit(b, i + 6) && b[i + 7] === MINUS && digit(b, i + 8) && digit(b, i + 9)
  );
}

function hm(b: Uint8Array, i: number): boolean {
  return b[i] === SPACE && digit(b, i + 1) && digit(b, i + 2) && b[i + 3] === COLON && digit(b, i + 4) && digit(b, i + 5);
}

/** Where a chunk can be cut for the typed reader: whole records only, with their physical lines. */
export interface ShapesCut {
  /** Bytes of whole records (the rest waits for the next chunk). */
  consumed: number;
  records: number;
  /** Line breaks in b[0, consumed), including those inside quoted fields. */
  lines: number;
}

/**
 * Walk the records of b while every record (LF or CRLF line ends; at the end of the file the last
 * may lack one) has exactly shapes.length fields, each fitting its shape; a text field ('any') may be
 * quoted (doubled quotes inside, delimiters and line breaks too), a typed one may not. Returns the
 * whole records, or null when some field does not fit (blank lines, ragged records, a quote in an
 * unquoted field, an unclosed quote at the end of the file: the strict path names those). A record
 * cut off by the end of a chunk that is not the file's last is left for the next chunk.
 * One pass, no per-field calls.
 */
export function shapesCut(b: Uint8Array, shapes: FieldShape[], delimiter: number, quote: number, final: boolean): ShapesCut | null {
  const kinds = shapes.map((s) => KIND[s]);
  // Bytes that end an unquoted text field or make it need the strict path: one table look-up per byte.
  const stops = new Uint8Array(256);
  for (const c of [delimiter, LF, CR]) stops[c] = 1;
  if (quote >= 0) stops[quote] = 2;
  const last = kinds.length - 1;
  const end = b.length;
  let i = 0;
  let records = 0;
  let lines = 0;
  // A check failed at i: the chunk's end cut the record short (no line break after i), or the data does not fit.
  const stop = (recStart: number, recLines: number, at: number): ShapesCut | null =>
    !final && b.indexOf(LF, at) < 0 ? { consumed: recStart, records, lines: recLines } : null;
  while (i < end) {
    const recStart = i;
    const recLines = lines;
    for (let col = 0; ; col++) {
      const k = kinds[col];
      const s = i;
      const c0 = b[i];
      const empty = i >= end || c0 === delimiter || c0 === LF || c0 === CR;
      if (empty) {
        if (last === 0) return stop(recStart, recLines, i); // a blank line, not an empty field
      } else if (k === 0) {
        if (c0 === quote) {
          for (i++; ; i += 2) {
            const q = b.indexOf(quote, i);
            if (q < 0) return stop(recStart, recLines, end); // unclosed here: the next chunk, or the exact scan
            for (let j = b.indexOf(LF, i); j >= 0 && j < q; j = b.indexOf(LF, j + 1)) lines++;
            i = q;
            if (b[q + 1] !== quote) break;
          }
          i++;
          if (i >= end && !final) return { consumed: recStart, records, lines: recLines };
        } else {
          while (i < end && stops[b[i]] === 0) i++;
          if (i < end && stops[b[i]] === 2) return null;
        }
      } else if (k === 1 || k === 2) {
        if (b[i] === MINUS) i++;
        const first = i;
        if (b[i] === ZERO) i++;
        else while (i < end && DIGIT[b[i]] === 1) i++;
        if (i === first || (k === 1 && i - first > 18)) return stop(recStart, recLines, s);
        if (k === 2 && b[i] === DOT) {
          const f = ++i;
          while (i < end && DIGIT[b[i]] === 1) i++;
          if (i === f) return stop(recStart, recLines, s);
        }
      } else if (k === 3) {
        if (!ymd(b, i)) return stop(recStart, recLines, s);
        i += 10;
      } else {
        if (!ymd(b, i) || !hm(b, i + 10)) return stop(recStart, recLines, s);
        i += 16;
        // Seconds are optional: DuckDB reads 2010-12-01 08:26 as 08:26:00, as the strict conversion does.
        if (b[i] === COLON) {
          if (!digit(b, i + 1) || !digit(b, i + 2)) return stop(recStart, recLines, s);
          i += 3;
        }
      }
      if (i > end || (s === i && !empty)) return stop(recStart, recLines, s);
      if (col < last) {
        if (i >= end) return stop(recStart, recLines, s);
        if (b[i] !== delimiter) return stop(recStart, recLines, s);
        i++;
        continue;
      }
      records++;
      if (i >= end) {
        // The file's last record, without a line break; in a middle chunk, wait for the rest.
        if (final) return { consumed: end, records, lines };
        return { consumed: recStart, records: records - 1, lines: recLines };
      }
      if (b[i] === CR) i++;
      if (b[i] !== LF || i >= end) return stop(recStart, recLines, s);
      i++;
      lines++;
      break;
    }
  }
  return { consumed: i, records, lines };
}
