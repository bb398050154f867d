import type { QueryEngine } from '../engine/QueryEngine';
import { registeredPath } from '../engine/engineFiles';
import { ql, qn } from '../engine/sqlQuote';
import { toRows } from '../engine/arrowRows';
import { throwIfAborted, yieldToHost } from './abort';
import { scanRecords, skipPhysicalLines } from './csvScan';
import { shapesCut } from './fieldShapes';
import { readCsvOptions, type CsvLoadResult, type CsvLoadSpec } from './csvLoad';

/**
 * The direct import's fastest way: when a UTF-8 file is canonical for its guessed types from the
 * first record to the last (fieldShapes.ts; quoted text included) and the engine can read the file
 * itself (a path for native DuckDB, a browser File or a Node path for duckdb-wasm), DuckDB's typed
 * reader takes the whole file in one statement — in parallel on native DuckDB — instead of chunk by
 * chunk through JS. JS still walks every byte first (one pass, no copy kept), so nothing DuckDB's
 * lenient reader would read differently gets in. Returns null, with nothing loaded, whenever that
 * does not hold (a field that needs the strict path, a ragged record, invalid UTF-8 that DuckDB
 * refuses, an engine that cannot open the file): the chunked loader then decides, with its exact
 * line-numbered messages.
 */
export async function loadWholeTyped(engine: QueryEngine, spec: CsvLoadSpec): Promise<CsvLoadResult | null> {
  const { src, typed } = spec;
  if (!typed?.clear || spec.encoding !== 'utf-8' || spec.lineEnding === 'cr' || spec.endByte !== undefined || src.handle == null) return null;
  const first = await src.read(spec.bomLength, Math.min(src.size, spec.bomLength + spec.chunkBytes));
  const skip = linesBeforeData(first, spec);
  if (skip === null) return null;
  const vfile = `tenure_whole_${spec.staging}.csv`;
  try {
    await engine.registerFileHandle(vfile, src.handle);
  } catch {
    return null;
  }
  try {
    // DuckDB reads (in its worker or process) while JS walks the same bytes; the rows stay only if the walk agrees.
    // DuckDB's own default line limit, not the import's 8 MiB: its parallel reader sizes its buffers by
    // it (~1 s less CPU at 10M rows). A longer record makes this read fail, and the chunked loader,
    // with the full limit, takes the file.
    const opts = [...readCsvOptions(spec, true, spec.lineEnding, Math.min(WHOLE_MAX_LINE, spec.maxRecordBytes + 1024)), `skip = ${qn(skip)}`];
    const insert = engine.query(typed.insert(`read_csv(${ql(registeredPath(engine, vfile))}, ${opts.join(', ')})`)).then(
      (t) => {
        const r = toRows<{ Count?: number; count?: number }>(t)[0];
        return Number(r?.Count ?? r?.count ?? NaN);
      },
      () => null,
    );
    const rows = await walk(spec, first, skip).catch(async (err) => {
      await insert;
      throw err;
    });
    const inserted = await insert;
    if (rows !== null && inserted === rows) return { rows, raggedLines: [], truncatedLines: [], repairedLines: [] };
    throwIfAborted(spec.signal, src.name);
    // The walk refused a field, or DuckDB saw the file differently: undo, and let the chunked loader decide.
    if (inserted !== null) await engine.query(typed.clear);
    return null;
  } finally {
    await engine.dropFile(vfile).catch(() => undefined);
  }
}

/** max_line_size of the whole-file read: DuckDB's default. */
const WHOLE_MAX_LINE = 2 * 1024 ** 2;

/** Physical lines before the first data record (BOM, lines above the header, the header), or null when not plain. */
function linesBeforeData(bytes: Uint8Array, spec: CsvLoadSpec): number | null {
  const encoder = new TextEncoder();
  const quote = spec.quote ? encoder.encode(spec.quote)[0] : -1;
  let off = skipPhysicalLines(bytes, spec.headerRow - 1);
  let lines = spec.headerRow - 1;
  if (spec.hasHeader) {
    const opts = { delimiter: encoder.encode(spec.delimiter)[0], quote, maxRecordBytes: spec.maxRecordBytes, file: spec.src.name, expectedFields: spec.fields, stopAfter: 1 };
    const h = scanRecords(bytes.subarray(off), spec.headerRow, opts, bytes.length + spec.bomLength >= spec.src.size);
    if (h.records !== 1 || h.odd.length) return null;
    off += h.consumed;
    lines = h.nextLine - 1;
  }
  // DuckDB's `skip` counts these lines: only plain ones (no quote, so no line break inside a field)
  // are trusted to match, and a BOM must sit on a skipped line (not trusted to leave a data field).
  if ((quote >= 0 && bytes.subarray(0, off).includes(quote)) || (spec.bomLength > 0 && lines === 0)) return null;
  return lines;
}

/** Every data record canonical for its column (shapesCut), chunk by chunk: the row count, or null. */
async function walk(spec: CsvLoadSpec, first: Uint8Array, skip: number): Promise<number | null> {
  const { src, typed } = spec;
  const encoder = new TextEncoder();
  const delimiter = encoder.encode(spec.delimiter)[0];
  const quote = spec.quote ? encoder.encode(spec.quote)[0] : -1;
  const started = Date.now();
  let pos = spec.bomLength + first.length;
  let bytes = first.subarray(skipPhysicalLines(first, skip));
  let rows = 0;
  for (;;) {
    throwIfAborted(spec.signal, src.name);
    const final = pos >= src.size;
    const cut = shapesCut(bytes, typed!.shapes, delimiter, quote, final);
    if (!cut) return null;
    rows += cut.records;
    const carry = bytes.length - cut.consumed;
    const elapsedMs = Date.now() - started;
    spec.onProgress?.({ phase: 'reading', bytesRead: pos, totalBytes: src.size, rows, elapsedMs, bytesPerSecond: elapsedMs ? (pos / elapsedMs) * 1000 : 0 });
    if (final) return carry ? null : rows;
    // A record longer than a chunk cannot be cut here: the chunked loader deals with it.
    if (carry > spec.maxRecordBytes || cut.consumed === 0) return null;
    await yieldToHost();
    // The unfinished record is read again with the next chunk (no copy of the chunk).
    const from = pos - carry;
    pos = Math.min(src.size, from + spec.chunkBytes);
    bytes = await src.read(from, pos);
  }
}
