import { TenureError } from '../errors';

const MAGIC: [string, number[]][] = [
  ['a ZIP archive (an .xlsx workbook?)', [0x50, 0x4b, 0x03, 0x04]],
  ['an Office 97-2003 or encrypted Office file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GZIP archive', [0x1f, 0x8b]],
  ['a Parquet file', [0x50, 0x41, 0x52, 0x31]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

export function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => head[i] === b);
}

export const isZip = (head: Uint8Array): boolean => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
export const isCfb = (head: Uint8Array): boolean => startsWith(head, [0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Refuse a binary file given a text extension (a renamed workbook, an image…) before decoding:
 * a known signature, or NUL/control bytes that no text table contains (UTF-16 is decided earlier).
 */
export function assertTextLike(head: Uint8Array, file: string, utf16: boolean): void {
  for (const [what, magic] of MAGIC) {
    if (startsWith(head, magic)) {
      throw new TenureError('import.binary', `${file} is not a text table: it looks like ${what}`, { file, params: { what } });
    }
  }
  if (utf16) return;
  const sample = head.subarray(0, Math.min(head.length, 8192));
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) control++;
  if (sample.length && (sample.includes(0) || control / sample.length > 0.05)) {
    throw new TenureError('import.binary', `${file} is not a text table: it contains binary data`, { file, params: { what: 'binary data' } });
  }
}
