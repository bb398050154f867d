import { TenureError } from '../errors';

/** A record whose field count differs from the header's. Offsets are relative to the scanned bytes. */
export interface OddRecord {
  start: number;
  /** Offset just past the record's line break (or the end of the bytes). */
  end: number;
  line: number;
  fields: number;
}

export interface ScanResult {
  /** Bytes [0, consumed) hold whole records; the rest is an incomplete record to carry over. */
  consumed: number;
  /** Physical line number at `consumed`. */
  nextLine: number;
  records: number;
  odd: OddRecord[];
}

export interface ScanOptions {
  delimiter: number;
  /** Quote byte, or -1 for none. */
  quote: number;
  expectedFields: number;
  maxRecordBytes: number;
  file: string;
  /** Stop after this many records (finding where the header ends). */
  stopAfter?: number;
}

const CR = 13;
const LF = 10;

/**
 * Walk UTF-8 bytes record by record (quote-aware, LF/CRLF/CR), counting fields and physical lines,
 * so that chunks can be cut on record boundaries, ragged rows are known by line number before
 * DuckDB sees them, and an unclosed quote or a runaway line fails with the line it started on.
 * Blank lines are not records (DuckDB skips them too). `final` = these bytes end the file.
 */
export function scanRecords(bytes: Uint8Array, startLine: number, opts: ScanOptions, final: boolean): ScanResult {
  const { delimiter, quote, expectedFields, maxRecordBytes } = opts;
  const stopAfter = opts.stopAfter ?? Infinity;
  const n = bytes.length;
  const odd: OddRecord[] = [];
  let line = startLine;
  let records = 0;
  let consumed = 0;
  let consumedLine = startLine;
  let recStart = 0;
  let recLine = startLine;
  let fields = 1;
  let empty = true;
  let inQuote = false;
  let quoteLine = 0;
  let afterClose = false;
  let fieldStart = true;
  let i = 0;

  const endRecord = (end: number): void => {
    if (!empty) {
      records++;
      if (fields !== expectedFields) odd.push({ start: recStart, end, line: recLine, fields });
    }
    consumed = end;
    consumedLine = line;
    recStart = end;
    recLine = line;
    fields = 1;
    empty = true;
    fieldStart = true;
    afterClose = false;
  };

  while (i < n) {
    const b = bytes[i];
    if (inQuote) {
      if (b === quote) {
        inQuote = false;
        afterClose = true;
      } else if (b === LF || (b === CR && bytes[i + 1] !== LF)) {
        line++;
      }
      i++;
    } else if (b === LF || b === CR) {
      if (b === CR && i + 1 < n && bytes[i + 1] === LF) i++;
      else if (b === CR && i + 1 >= n && !final) break; // CR at the chunk end may be half of CRLF
      line++;
      i++;
      endRecord(i);
      if (records >= stopAfter) return { consumed, nextLine: consumedLine, records, odd };
    } else {
      if (afterClose) {
        afterClose = false;
        if (b === quote) {
          inQuote = true; // "" inside a quoted field
          i++;
          continue;
        }
        if (b !== delimiter) {
          throw new TenureError('import.badQuote', `${opts.file}, line ${recLine}: unexpected text after a closing quote (expected a delimiter or the end of the line)`, {
            file: opts.file,
            line: recLine,
            params: { line: recLine },
          });
        }
      }
      empty = false;
      if (b === delimiter) {
        fields++;
        fieldStart = true;
      } else if (b === quote && fieldStart) {
        inQuote = true;
        quoteLine = line;
        fieldStart = false;
      } else {
        fieldStart = false;
      }
      i++;
    }
    if (i - recStart > maxRecordBytes) {
      if (inQuote) throw unclosed(opts.file, quoteLine);
      const mib = (maxRecordBytes / 1048576).toFixed(0);
      throw new TenureError('import.lineTooLong', `${opts.file}, line ${recLine}: a line is longer than ${mib} MiB (is this a text table?)`, {
        file: opts.file,
        line: recLine,
        params: { line: recLine, limit: `${mib} MiB` },
      });
    }
  }
  if (final && recStart < n) {
    if (inQuote) throw unclosed(opts.file, quoteLine);
    endRecord(n);
  } else if (final && inQuote) {
    throw unclosed(opts.file, quoteLine);
  }
  return { consumed, nextLine: consumedLine, records, odd };
}

function unclosed(file: string, line: number): TenureError {
  return new TenureError('import.unclosedQuote', `${file}, line ${line}: a quoted field is never closed (missing ")`, { file, line, params: { line } });
}

/** Byte offset just past the end of the first `lines` physical lines (title lines above a header). */
export function skipPhysicalLines(bytes: Uint8Array, lines: number): number {
  let i = 0;
  for (let k = 0; k < lines && i < bytes.length; k++) {
    while (i < bytes.length && bytes[i] !== LF && bytes[i] !== CR) i++;
    if (bytes[i] === CR && bytes[i + 1] === LF) i++;
    i++;
  }
  return Math.min(i, bytes.length);
}

/** The bytes without the given records (records must be sorted and inside `bytes`). */
export function withoutRecords(bytes: Uint8Array, drop: OddRecord[]): Uint8Array {
  if (!drop.length) return bytes;
  const out = new Uint8Array(bytes.length - drop.reduce((s, r) => s + (r.end - r.start), 0));
  let from = 0;
  let at = 0;
  for (const r of drop) {
    out.set(bytes.subarray(from, r.start), at);
    at += r.start - from;
    from = r.end;
  }
  out.set(bytes.subarray(from), at);
  return out;
}
