import { TenureError } from '../errors';
import type { FileSource } from './FileSource';
import { bomLengthFor, detectEncoding, normalizeEncoding, type Encoding } from './encoding';
import { assertTextLike } from './fileKind';
import { detectDialect } from './dialect';
import { lineEndingOf } from './csvText';
import { uniqueHeaderNames } from './headerNames';
import { LIMITS, assertColumns, formatBytes } from './limits';
import type { ImportOptions, ImportPlan } from './importTypes';

export interface CsvSniff {
  plan: ImportPlan;
  bomLength: number;
  /** Bytes the sniff looked at (the preview loads the same window). */
  window: number;
}

/**
 * Sniff a delimited text file from its first 64 KiB (more only when no line ends in that window):
 * encoding, delimiter, quote, line ending, header row and header names. Column types are left to
 * detection over the loaded values.
 */
export async function sniffCsv(src: FileSource, opts: ImportOptions): Promise<CsvSniff> {
  const file = src.name;
  let window = Math.min(src.size, LIMITS.sniffBytes);
  let head = await src.read(0, window);
  const guess = opts.encoding ? null : detectEncoding(head);
  const encoding: Encoding = opts.encoding ? normalizeEncoding(opts.encoding, file) : guess!.encoding;
  const bomLength = bomLengthFor(head, encoding);
  assertTextLike(head.subarray(bomLength), file, encoding.startsWith('utf-16'));
  let text = decode(head, bomLength, encoding);
  while (!/[\r\n]/.test(text)) {
    if (window >= LIMITS.maxRecordBytes) {
      throw new TenureError('import.lineTooLong', `${file}, line 1: no line break in the first ${formatBytes(window)} (is this a text table?)`, {
        file,
        line: 1,
        params: { line: 1, limit: formatBytes(window) },
      });
    }
    if (window >= src.size) break;
    window = Math.min(src.size, window * 4);
    head = await src.read(0, window);
    text = decode(head, bomLength, encoding);
  }
  const complete = window >= src.size;
  if (!text.trim()) throw new TenureError('import.empty', `${file} contains no data`, { file });
  const d = detectDialect(text, complete, { delimiter: opts.delimiter, quote: opts.quote, headerRow: opts.headerRow, hasHeader: opts.hasHeader });
  if (!d.records.length) throw new TenureError('import.empty', `${file} contains no data below line ${opts.headerRow ?? 1}`, { file });
  assertColumns(file, d.fields, opts.maxColumns ?? LIMITS.maxColumns, d.headerRow);
  const raw = d.hasHeader ? d.records[0].fields : d.records[0].fields.map(() => '');
  const { names } = uniqueHeaderNames(raw);
  const plan: ImportPlan = {
    file,
    format: 'csv',
    size: src.size,
    encoding,
    encodingBasis: guess ? guess.basis : 'user',
    encodingConfidence: guess ? Math.round(guess.confidence * 100) / 100 : 1,
    delimiter: d.delimiter,
    quote: d.quote,
    lineEnding: lineEndingOf(text, d.quote),
    headerRow: d.headerRow,
    hasHeader: d.hasHeader,
    sheet: null,
    sheets: [],
    decimal: opts.decimal ?? (d.delimiter === ';' ? 'comma' : 'dot'),
    dateOrder: opts.dateOrder ?? 'MDY',
    ragged: opts.ragged ?? 'stop',
    columns: names.map((name, index) => ({ index, source: raw[index], name, type: 'VARCHAR' })),
  };
  return { plan, bomLength, window };
}

function decode(head: Uint8Array, bom: number, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(head.subarray(bom), { stream: true });
}
