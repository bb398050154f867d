import { TenureError } from '../errors';

/**
 * Defaults sized for duckdb-wasm's 4 GiB heap (NOTES.md): a CSV normally goes straight into its
 * typed table (csvDirect.ts), but one whose data contradicts the sampled types is staged as text
 * and then typed, when both copies must fit; Excel workbooks are parsed whole in JS memory by SheetJS.
 */
export const LIMITS = {
  maxTextBytes: 1.5 * 1024 ** 3,
  maxExcelBytes: 200 * 1024 ** 2,
  maxUnzippedBytes: 1024 ** 3,
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
