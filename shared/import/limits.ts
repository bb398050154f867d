import { TenureError } from '../errors';

/**
 * Defaults sized for duckdb-wasm's 4 GiB heap (NOTES.md): a CSV normally goes straight into its
 * typed table (csvDirect.ts), but one whose data contradicts the sampled types is staged as text
 * and then typed, when both copies must fit; Excel workbooks are parsed whole in JS memory by SheetJS.
 */
export const LIMITS = {
  maxTextBytes: 1.5 * 1024 ** 3,
  maxExcelBytes: 200 * 1024 ** 2,
  /** Real inflated bytes of the workbook parts read (SheetJS holds several copies of each as text). */
  maxUnzippedBytes: 256 * 1024 ** 2,
  /** Cells of one sheet parsed into SheetJS cell objects (~300 bytes and ~2 µs each). */
  maxCells: 3_000_000,
  /** Columns of one table (a 10 MiB line of commas must not become 2.6 million columns). */
  maxColumns: 4096,
  /** Unpacking a workbook stops after this long (a safety net behind the byte limits). */
  maxUnzipMillis: 8000,
  chunkBytes: 16 * 1024 ** 2,
  maxRecordBytes: 8 * 1024 ** 2,
  sniffBytes: 64 * 1024,
  previewRows: 100,
};

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(2)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export function assertSize(file: string, size: number, limit: number, what: string): void {
  if (size > limit) {
    throw new TenureError('import.tooLarge', `${file} is ${formatBytes(size)}; ${what} up to ${formatBytes(limit)} can be loaded into the in-memory engine`, {
      file,
      params: { size: formatBytes(size), limit: formatBytes(limit) },
    });
  }
}

/** A table wider than the limit (a runaway line, a hostile sheet) is refused with the count. */
export function assertColumns(file: string, columns: number, limit: number, line?: number): void {
  if (columns > limit) {
    throw new TenureError('import.tooManyColumns', `${file}${line ? `, line ${line}` : ''}: ${columns.toLocaleString('en-US')} columns, more than the ${limit.toLocaleString('en-US')} a table can have here (is this a table?)`, {
      file, line, params: { columns: columns.toLocaleString('en-US'), limit: limit.toLocaleString('en-US'), line },
    });
  }
}
