import type { QueryEngine } from '../engine/QueryEngine';
import { qi, ql, qn } from '../engine/sqlQuote';
import { registeredPath } from '../engine/engineFiles';
import { TenureError } from '../errors';
import type { FileSource } from './FileSource';
import { invalidUtf8Lines, type Encoding } from './encoding';
import type { ImportProgress, RaggedRows } from './importTypes';
import { scanRecords, skipPhysicalLines, withoutRecords } from './csvScan';
import { throwIfAborted, yieldToHost } from './abort';
import { shapesCut, type FieldShape } from './fieldShapes';
import { loadWholeTyped } from './csvWhole';

export interface CsvLoadSpec {
  src: FileSource;
  encoding: Encoding;
  bomLength: number;
  delimiter: string;
  quote: string;
  /** Given to DuckDB: it would otherwise guess from the first line break, even one inside quotes. */
  lineEnding: 'lf' | 'crlf' | 'cr';
  headerRow: number;
  hasHeader: boolean;
  /** Number of fields per record (the header's). */
  fields: number;
  ragged: RaggedRows;
  /** Temporary table to create: columns c0…cN as VARCHAR (also names the chunk files). */
  staging: string;
  /**
   * Instead of the staging table: the statement that consumes one chunk, given the read_csv(…)
   * call yielding c0…cN as VARCHAR (the direct import converts while reading).
   */
  insert?: (readCsv: string) => string;
  /**
   * DuckDB's typed reader for chunks whose every field is already canonical for its
   * column (fieldShapes.ts): `insert` gets a read_csv(…) yielding c0…cN in the given types.
   */
  typed?: { shapes: FieldShape[]; types: string[]; insert: (readCsv: string) => string; clear?: string };
  /** Run once before the chunk-by-chunk load, when the whole-file typed read did not take the file. */
  beforeChunks?: () => Promise<void>;
  chunkBytes: number;
  maxRecordBytes: number;
  /** Read only the first bytes (preview); the cut last record is left out. */
  endByte?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface CsvLoadResult {
  rows: number;
  raggedLines: number[];
  /** Ragged records whose extra fields were dropped (pad mode). */
  truncatedLines: number[];
  /** Lines of a UTF-8 file holding invalid bytes, read as U+FFFD. */
  repairedLines: number[];
}

export const stagingColumn = (i: number): string => `c${i}`;

/** What a direct-load expression raises (SQL error()) when a value contradicts its column's guess. */
export const guessMark = (column: number): string => `tenure-guess:${column}:`;
const GUESS_MARK = /tenure-guess:(\d+):/;

/** A value the sample-based type guess did not allow for: the import falls back to staging. */
export class GuessContradiction extends Error {
  constructor(readonly column: number) {
    super(`column ${column}: a value contradicts the sampled type`);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * Stream a delimited text file into a VARCHAR staging table: read a chunk, decode it (non-UTF-8
 * through a streaming TextDecoder, so no second full copy of the file ever exists), cut it on a
 * record boundary, deal with ragged records, hand the chunk to DuckDB's CSV reader with explicit
 * options, repeat. Progress and cancellation are checked between chunks.
 */
export async function loadCsvToStaging(engine: QueryEngine, spec: CsvLoadSpec): Promise<CsvLoadResult> {
  // A UTF-8 file DuckDB can read itself, canonical throughout: one typed read_csv of the whole file.
  const whole = await loadWholeTyped(engine, spec);
  if (whole) return whole;
  await spec.beforeChunks?.();
  const { src, fields, staging } = spec;
  const file = src.name;
  const end = Math.min(src.size, spec.endByte ?? src.size);
  const cols = Array.from({ length: fields }, (_, i) => stagingColumn(i));
  if (!spec.insert) await engine.query(`CREATE TEMP TABLE ${qi(staging)} (${cols.map((c) => `${qi(c)} VARCHAR`).join(', ')})`);
  const insert = spec.insert ?? ((readCsv: string) => `INSERT INTO ${qi(staging)} SELECT * FROM ${readCsv}`);
  const utf8 = spec.encoding === 'utf-8';
  const decoder = new TextDecoder(spec.encoding, { fatal: true });
  const encoder = new TextEncoder();
  const delimiterByte = encoder.encode(spec.delimiter)[0];
  const quoteByte = spec.quote ? encoder.encode(spec.quote)[0] : -1;
  const newlineByte = spec.lineEnding === 'cr' ? CR : LF;
  const started = Date.now();
  const result: CsvLoadResult = { rows: 0, raggedLines: [], truncatedLines: [], repairedLines: [] };
  let pos = spec.bomLength;
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let headerDone = false;
  let chunkNo = 0;

  for (;;) {
    throwIfAborted(spec.signal, file);
    const readTo = Math.min(end, pos + spec.chunkBytes);
    const raw = await src.read(pos, readTo);
    pos = readTo;
    const final = pos >= src.size;
    const lastRead = pos >= end;
    let bytes: Uint8Array;
    try {
      // UTF-8 goes to DuckDB as is (its reader validates it: duckCsvError names the line); other
      // encodings are decoded here, streaming, and re-encoded as UTF-8.
      bytes = concat(carry, utf8 ? raw : encoder.encode(decoder.decode(raw, { stream: !final })));
    } catch {
      throw new TenureError('import.decode', `${file}, after line ${line}: the bytes are not valid ${spec.encoding} (choose another encoding)`, {
        file,
        line,
        params: { line, encoding: spec.encoding },
      });
    }
    let off = 0;
    if (!headerDone) {
      off = skipPhysicalLines(bytes, spec.headerRow - 1);
      let lineAfter = spec.headerRow;
      if (spec.hasHeader && off < bytes.length) {
        const h = scanRecords(bytes.subarray(off), lineAfter, { ...scanOpts(spec, delimiterByte, quoteByte), expectedFields: fields, stopAfter: 1 }, final);
        off += h.consumed;
        lineAfter = h.nextLine;
        if (h.records === 0 && !final) {
          if (lastRead) break;
          carry = bytes;
          continue;
        }
      }
      if (off >= bytes.length && !final) {
        if (lastRead) break;
        carry = bytes;
        continue;
      }
      headerDone = true;
      line = lineAfter;
    }
    const body = bytes.subarray(off);
    const chunkLine = line;
    const insertChunk = async (part: Uint8Array, pad: boolean, lineEnding = spec.lineEnding, typed = false): Promise<void> => {
      const vfile = `tenure_chunk_${staging}_${chunkNo++}.csv`;
      await engine.registerFileBuffer(vfile, part);
      const opts = readCsvOptions(spec, typed, lineEnding);
      if (pad) opts.push('null_padding = true', 'strict_mode = false');
      try {
        await engine.query((typed ? spec.typed!.insert : insert)(`read_csv(${ql(registeredPath(engine, vfile))}, ${opts.join(', ')})`));
      } catch (err) {
        if (err instanceof Error && GUESS_MARK.test(err.message)) throw new GuessContradiction(Number(GUESS_MARK.exec(err.message)![1]));
        throw duckCsvError(err, file, chunkLine, spec.encoding);
      } finally {
        await engine.dropFile(vfile).catch(() => undefined);
      }
    };
    // Quote-free chunks (most exports) are cut at their last line break and handed to DuckDB, which
    // checks the field counts itself; only when it objects, or quotes make cutting subtle, does the
    // exact record scan run (it names the ragged line, the unclosed quote…).
    let quick: QuickCut | null = null;
    let quickDone = false;
    // A quick insert that DuckDB refuses is not an error yet: the next way (or the exact scan) says
    // what is wrong. A contradicted type guess and a cancel end the load at once.
    const attempt = async (part: Uint8Array, lineEnding = spec.lineEnding, typed = false): Promise<boolean> => {
      try {
        await insertChunk(part, false, lineEnding, typed);
        return true;
      } catch (err) {
        if (err instanceof GuessContradiction) throw err;
        throwIfAborted(spec.signal, file);
        return false;
      }
    };
    // Copies (slice): the browser engine transfers (detaches) the buffer it is given, and `body` is
    // still needed for the carry and, if DuckDB objects, for the next attempt.
    // Canonical values only (most machine-made exports, quoted text included): DuckDB's typed reader,
    // its fastest path; the shape walk also finds the cut and counts records and lines in one pass.
    const typedCut = spec.typed && newlineByte === LF ? shapesCut(body, spec.typed.shapes, delimiterByte, quoteByte, final) : null;
    if (typedCut && typedCut.records > 0 && (await attempt(body.slice(0, typedCut.consumed), spec.lineEnding, true))) {
      quick = { consumed: typedCut.consumed, records: typedCut.records, nextLine: line + typedCut.lines };
      quickDone = true;
    }
    if (!quickDone) {
      quick = quickCut(body, line, spec.lineEnding, quoteByte, final, { delimiter: delimiterByte, fields });
      quickDone =
        quick !== null &&
        (quick.records === 0 ||
          (await attempt(body.slice(0, quick.consumed))) ||
          // Mixed CRLF and LF lines (files pasted together) stop DuckDB's reader: as LF, they read.
          (spec.lineEnding !== 'cr' && body.indexOf(CR) >= 0 && (await attempt(crlfToLf(body.subarray(0, quick.consumed)), 'lf'))));
    }
    if (quick && quickDone) {
      line = quick.nextLine;
      carry = body.slice(quick.consumed);
      result.rows += quick.records;
    } else {
      const scan = scanRecords(body, line, { ...scanOpts(spec, delimiterByte, quoteByte), expectedFields: fields }, final);
      line = scan.nextLine;
      carry = body.slice(scan.consumed);
      let part = body.subarray(0, scan.consumed);
      let records = scan.records;
      let pad = false;
      if (scan.odd.length) {
        if (spec.ragged === 'stop') {
          const r = scan.odd[0];
          throw new TenureError('import.ragged', `${file}, line ${r.line}: expected ${fields} fields (as in the header), found ${r.fields}`, {
            file,
            line: r.line,
            params: { line: r.line, expected: fields, found: r.fields },
          });
        }
        result.raggedLines.push(...scan.odd.map((r) => r.line));
        if (spec.ragged === 'skip') {
          part = withoutRecords(part, scan.odd);
          records -= scan.odd.length;
        } else {
          pad = true;
          result.truncatedLines.push(...scan.odd.filter((r) => r.fields > fields).map((r) => r.line));
        }
      }
      if (records > 0) {
        try {
          await insertChunk(part, pad);
        } catch (err) {
          // A UTF-8 file with a few damaged bytes: read them as U+FFFD and say on which lines.
          const bad = utf8 && err instanceof TenureError && err.code === 'import.decode' ? invalidUtf8Lines(body.subarray(0, scan.consumed), chunkLine) : [];
          if (!bad.length) throw err;
          result.repairedLines.push(...bad);
          await insertChunk(encoder.encode(new TextDecoder('utf-8').decode(part)), pad);
        }
        result.rows += records;
      }
    }
    const elapsedMs = Date.now() - started;
    spec.onProgress?.({ phase: 'reading', bytesRead: pos, totalBytes: end, rows: result.rows, elapsedMs, bytesPerSecond: elapsedMs ? (pos / elapsedMs) * 1000 : 0 });
    if (lastRead) break;
    await yieldToHost();
  }
  return result;
}

/** DuckDB's read_csv options for a chunk (or the whole file): explicit everything, VARCHAR or the typed columns. */
export function readCsvOptions(spec: CsvLoadSpec, typed: boolean, lineEnding = spec.lineEnding, maxLineBytes = spec.maxRecordBytes + 1024): string[] {
  const cols = Array.from({ length: spec.fields }, (_, i) => stagingColumn(i));
  const columns = `{${cols.map((c, i) => `${ql(c)}: ${typed ? ql(spec.typed!.types[i]) : "'VARCHAR'"}`).join(', ')}}`;
  return [
    'header = false', ...(typed ? [] : ['all_varchar = true']), 'auto_detect = false', `delim = ${ql(spec.delimiter)}`,
    `quote = ${ql(spec.quote)}`, `escape = ${ql(spec.quote)}`, `columns = ${columns}`, 'allow_quoted_nulls = false',
    `max_line_size = ${qn(maxLineBytes)}`, `new_line = ${ql({ lf: '\\n', crlf: '\\r\\n', cr: '\\r' }[lineEnding])}`,
  ];
}

function scanOpts(spec: CsvLoadSpec, delimiter: number, quote: number) {
  return { delimiter, quote, maxRecordBytes: spec.maxRecordBytes, file: spec.src.name };
}

export interface QuickCut {
  consumed: number;
  nextLine: number;
  records: number;
}

/** Just past the last line break of a quote-free chunk (everything at the end of the file); -1 with quotes. */
function cutPoint(body: Uint8Array, nl: number, quote: number, final: boolean): number {
  if (quote >= 0 && body.indexOf(quote) >= 0) return -1;
  return final ? body.length : body.lastIndexOf(nl) + 1;
}

/**
 * Where a quote-free chunk can be cut (just past its last line break; the whole chunk at the end of
 * the file), with its physical lines and non-blank records counted; null when the chunk has a quote
 * character or no line break at all (the exact scan handles those). With `check`, also null unless
 * the chunk holds exactly records × (fields − 1) delimiters: DuckDB's reader takes a line of a
 * million empty fields under a 3-column header as one all-NULL row, the exact scan names it.
 */
export function quickCut(
  body: Uint8Array, startLine: number, lineEnding: CsvLoadSpec['lineEnding'], quote: number, final: boolean, check?: { delimiter: number; fields: number },
): QuickCut | null {
  const nl = lineEnding === 'cr' ? CR : LF;
  const consumed = cutPoint(body, nl, quote, final);
  if (consumed < 0) return null;
  if (consumed === 0) return body.length === 0 ? { consumed: 0, nextLine: startLine, records: 0 } : null;
  // indexOf runs natively: ~1.5× faster than a byte loop over a 16 MiB chunk.
  let lines = 0;
  let records = 0;
  let prev = -1;
  for (;;) {
    const i = body.indexOf(nl, prev + 1);
    if (i < 0 || i >= consumed) break;
    lines++;
    if (!blankLine(body, prev + 1, i)) records++;
    prev = i;
  }
  if (!blankLine(body, prev + 1, consumed)) records++;
  if (check && countByte(body, check.delimiter, consumed) !== records * (check.fields - 1)) return null;
  return { consumed, nextLine: startLine + lines, records };
}

const LF = 10;
const CR = 13;

/** Occurrences of one byte in b[0, end) (a plain loop: ~1 ns a byte, faster than indexOf per hit). */
function countByte(b: Uint8Array, byte: number, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (b[i] === byte) n++;
  return n;
}

/** A copy with every CR that precedes an LF removed (a quote-free chunk: no field holds a line break). */
export function crlfToLf(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) if (!(b[i] === CR && b[i + 1] === LF)) out[n++] = b[i];
  return out.subarray(0, n);
}

/** A line of no bytes, or only the other line-break byte (the CR of CRLF): not a record. */
const blankLine = (b: Uint8Array, from: number, to: number): boolean => to - from === 0 || (to - from === 1 && (b[from] === CR || b[from] === LF));

/** DuckDB's CSV error with the line made absolute (its count starts at the chunk). */
function duckCsvError(err: unknown, file: string, chunkLine: number, encoding: Encoding): TenureError {
  const message = err instanceof Error ? err.message : String(err);
  if (/Out of Memory/i.test(message)) return new TenureError('import.outOfMemory', `${file}: the engine ran out of memory while loading (${message.split('\n')[0]})`, { file });
  const m = /on Line: (\d+)/i.exec(message);
  const line = m ? chunkLine + Number(m[1]) - 1 : undefined;
  if (/invalid unicode/i.test(message)) {
    return new TenureError('import.decode', `${file}${line ? `, line ${line}` : ''}: the bytes are not valid ${encoding} (choose another encoding)`, { file, line, params: { line, encoding } });
  }
  const first = message.split('\n').find((l) => l.trim() && !/^CSV Error|^Original Line/.test(l)) ?? message.split('\n')[0];
  return new TenureError('import.csv', `${file}${line ? `, line ${line}` : ''}: ${first.trim()}`, { file, line, params: { line, detail: first.trim() } });
}
