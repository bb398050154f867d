import type { QueryEngine } from '../engine/QueryEngine';
import { qi, ql, qn } from '../engine/sqlQuote';
import { TenureError } from '../errors';
import type { FileSource } from './FileSource';
import type { Encoding } from './encoding';
import type { ImportProgress, RaggedRows } from './importTypes';
import { scanRecords, skipPhysicalLines, withoutRecords } from './csvScan';
import { throwIfAborted, yieldToHost } from './abort';

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
  /** Temporary table to create: columns c0…cN as VARCHAR. */
  staging: string;
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
}

export const stagingColumn = (i: number): string => `c${i}`;

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
  const { src, fields, staging } = spec;
  const file = src.name;
  const end = Math.min(src.size, spec.endByte ?? src.size);
  const cols = Array.from({ length: fields }, (_, i) => stagingColumn(i));
  await engine.query(`CREATE TEMP TABLE ${qi(staging)} (${cols.map((c) => `${qi(c)} VARCHAR`).join(', ')})`);
  const utf8 = spec.encoding === 'utf-8';
  const decoder = new TextDecoder(spec.encoding, { fatal: true });
  const encoder = new TextEncoder();
  const delimiterByte = encoder.encode(spec.delimiter)[0];
  const quoteByte = spec.quote ? encoder.encode(spec.quote)[0] : -1;
  const columnsSql = `{${cols.map((c) => `${ql(c)}: 'VARCHAR'`).join(', ')}}`;
  const started = Date.now();
  const result: CsvLoadResult = { rows: 0, raggedLines: [], truncatedLines: [] };
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
      // UTF-8 is validated here (a cheap native decode) so a wrong encoding fails with its line.
      const text = decoder.decode(raw, { stream: !final });
      bytes = concat(carry, utf8 ? raw : encoder.encode(text));
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
    const scan = scanRecords(body, line, { ...scanOpts(spec, delimiterByte, quoteByte), expectedFields: fields }, final);
    const chunkLine = line;
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
      const vfile = `tenure_chunk_${staging}_${chunkNo++}.csv`;
      await engine.registerFileBuffer(vfile, part);
      const opts = [
        'header = false', 'all_varchar = true', 'auto_detect = false', `delim = ${ql(spec.delimiter)}`,
        `quote = ${ql(spec.quote)}`, `escape = ${ql(spec.quote)}`, `columns = ${columnsSql}`, 'allow_quoted_nulls = false',
        `max_line_size = ${qn(spec.maxRecordBytes + 1024)}`, `new_line = ${ql({ lf: '\\n', crlf: '\\r\\n', cr: '\\r' }[spec.lineEnding])}`,
      ];
      if (pad) opts.push('null_padding = true', 'strict_mode = false');
      try {
        await engine.query(`INSERT INTO ${qi(staging)} SELECT * FROM read_csv(${ql(vfile)}, ${opts.join(', ')})`);
      } catch (err) {
        throw duckCsvError(err, file, chunkLine);
      } finally {
        await engine.dropFile(vfile).catch(() => undefined);
      }
      result.rows += records;
    }
    const elapsedMs = Date.now() - started;
    spec.onProgress?.({ phase: 'reading', bytesRead: pos, totalBytes: end, rows: result.rows, elapsedMs, bytesPerSecond: elapsedMs ? (pos / elapsedMs) * 1000 : 0 });
    if (lastRead) break;
    await yieldToHost();
  }
  return result;
}

function scanOpts(spec: CsvLoadSpec, delimiter: number, quote: number) {
  return { delimiter, quote, maxRecordBytes: spec.maxRecordBytes, file: spec.src.name };
}

/** DuckDB's CSV error with the line made absolute (its count starts at the chunk). */
function duckCsvError(err: unknown, file: string, chunkLine: number): TenureError {
  const message = err instanceof Error ? err.message : String(err);
  if (/Out of Memory/i.test(message)) return new TenureError('import.outOfMemory', `${file}: the engine ran out of memory while loading (${message.split('\n')[0]})`, { file });
  const m = /on Line: (\d+)/i.exec(message);
  const line = m ? chunkLine + Number(m[1]) - 1 : undefined;
  const first = message.split('\n').find((l) => l.trim() && !/^CSV Error|^Original Line/.test(l)) ?? message.split('\n')[0];
  return new TenureError('import.csv', `${file}${line ? `, line ${line}` : ''}: ${first.trim()}`, { file, line, params: { line, detail: first.trim() } });
}
