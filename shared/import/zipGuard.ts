import { TenureError } from '../errors';
import { formatBytes } from './limits';

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

function corrupt(file: string, why: string): TenureError {
  return new TenureError('import.excelCorrupt', `${file}: the workbook is damaged or not a workbook (${why})`, { file, params: { detail: why } });
}

/** The entries a ZIP's central directory declares (names and sizes), without inflating anything. */
export function zipEntries(b: Uint8Array, file: string): ZipEntryInfo[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, 'no ZIP directory at the end; the file may be truncated');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  const loc = eocd - 20;
  if ((count === 0xffff || cdOffset === 0xffffffff) && loc >= 0 && u32(b, loc) === 0x07064b50) {
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw corrupt(file, 'bad ZIP64 directory');
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  const out: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw corrupt(file, 'bad ZIP directory entry');
    let compressed = u32(b, p + 20);
    let uncompressed = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 sizes live in extra field 0x0001 (uncompressed first, then compressed, when saturated).
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) {
          uncompressed = u64(b, q);
          q += 8;
        }
        if (compressed === 0xffffffff) compressed = u64(b, q);
      }
      e += 4 + len;
    }
    out.push({ name, compressed, uncompressed });
    p = eEnd + commentLen;
  }
  return out;
}

/**
 * Refuse a ZIP (an .xlsx) whose declared decompressed size exceeds the limit, before anything is
 * inflated: a zip bomb disguised as a workbook must not exhaust memory.
 */
export function assertZipWithinLimit(b: Uint8Array, file: string, maxUnzippedBytes: number): ZipEntryInfo[] {
  const entries = zipEntries(b, file);
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > maxUnzippedBytes || entries.length > 100_000) {
    throw new TenureError(
      'import.zipBomb',
      `${file}: the workbook would unpack to ${formatBytes(total)} (${entries.length} parts), more than the limit of ${formatBytes(maxUnzippedBytes)}; refusing to open it`,
      { file, params: { size: formatBytes(total), limit: formatBytes(maxUnzippedBytes) } },
    );
  }
  return entries;
}
