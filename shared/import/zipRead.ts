import { Inflate } from 'fflate';
import { TenureError } from '../errors';
import { formatBytes } from './limits';

/**
 * Reading the parts of a ZIP (an .xlsx) without trusting it: sizes come from the central
 * directory, but every part is inflated by fflate's streaming inflater in small steps that count
 * the real output (a part whose header says 4 KiB but inflates to 5 GB stops at the limit), and
 * each part's CRC-32 is checked (one flipped byte in compressed data is an error, never changed
 * cells). SheetJS's own inflater loops forever on some damaged streams, so it never sees
 * compressed data: the parts go to it in a stored (uncompressed) ZIP, see excelRead.ts.
 */
export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  method: number;
  flags: number;
  crc: number;
  /** Offset of the local file header. */
  offset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

export function zipCorrupt(file: string, why: string): TenureError {
  return new TenureError('import.excelCorrupt', `${file}: the workbook is damaged or not a workbook (${why})`, { file, params: { detail: why } });
}

/** The entries a ZIP's central directory declares (names, sizes, CRCs), without inflating anything. */
export function zipEntries(b: Uint8Array, file: string): ZipEntryInfo[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw zipCorrupt(file, 'no ZIP directory at the end; the file may be truncated');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  const loc = eocd - 20;
  if ((count === 0xffff || cdOffset === 0xffffffff) && loc >= 0 && u32(b, loc) === 0x07064b50) {
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== 0x06064b50) throw zipCorrupt(file, 'bad ZIP64 directory');
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  if (count > 100_000) throw zipCorrupt(file, `the ZIP directory lists ${count} parts`);
  const out: ZipEntryInfo[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw zipCorrupt(file, 'bad ZIP directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressed = u32(b, p + 20);
    let uncompressed = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let offset = u32(b, p + 42);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 values live in extra field 0x0001, in this order, each only when its field is saturated.
    let e = p + 46 + nameLen;
    const eEnd = Math.min(b.length, e + extraLen);
    while (e + 4 <= eEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const end = Math.min(eEnd, q + len);
        if (uncompressed === 0xffffffff && q + 8 <= end) {
          uncompressed = u64(b, q);
          q += 8;
        }
        if (compressed === 0xffffffff && q + 8 <= end) {
          compressed = u64(b, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= end) offset = u64(b, q);
      }
      e += 4 + len;
    }
    out.push({ name, compressed, uncompressed, method, flags, crc, offset });
    p = p + 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function bomb(file: string, what: string, size: number, limit: number): TenureError {
  return new TenureError(
    'import.zipBomb',
    `${file}: ${what} would unpack to ${formatBytes(size)}, more than the limit of ${formatBytes(limit)}; refusing to open it`,
    { file, params: { size: formatBytes(size), limit: formatBytes(limit) } },
  );
}

/**
 * Refuse a ZIP whose declared decompressed size exceeds the limit, before anything is inflated
 * (the honest bomb). Lying headers are caught while inflating (unzipParts).
 */
export function assertZipWithinLimit(b: Uint8Array, file: string, maxUnzippedBytes: number): ZipEntryInfo[] {
  const entries = zipEntries(b, file);
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (total > maxUnzippedBytes) throw bomb(file, `the workbook (${entries.length} parts)`, total, maxUnzippedBytes);
  return entries;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 (IEEE, as ZIP uses; fflate computes it internally but does not export it). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

export interface UnzipLimits {
  /** Real inflated bytes over all parts read. */
  maxTotalBytes: number;
  /** Stop after this time (Date.now() value); a safety net behind the byte limits. */
  deadline?: number;
}

/** Compressed bytes handed to the inflater per step: at most ~1,032× that comes out of one step. */
const STEP = 32 * 1024;

/** Inflate the wanted parts, counting real bytes and checking each CRC-32. */
export function unzipParts(b: Uint8Array, file: string, entries: ZipEntryInfo[], limits: UnzipLimits): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const part = inflateEntry(b, file, e, limits.maxTotalBytes - total, limits);
    total += part.length;
    out.set(e.name, part);
  }
  return out;
}

function inflateEntry(b: Uint8Array, file: string, e: ZipEntryInfo, room: number, limits: UnzipLimits): Uint8Array {
  const at = e.offset;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw zipCorrupt(file, `part ${e.name}: no local header where the directory says`);
  if (e.flags & 1) throw new TenureError('import.excelEncrypted', `${file} is password-protected; save an unprotected copy in Excel and import that`, { file });
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  if (start + e.compressed > b.length) throw zipCorrupt(file, `part ${e.name} is cut off; the file is truncated`);
  const data = b.subarray(start, start + e.compressed);
  let result: Uint8Array;
  if (e.method === 0) {
    if (data.length > room) throw bomb(file, `part ${e.name}`, data.length, limits.maxTotalBytes);
    result = data.slice();
  } else if (e.method === 8) {
    result = inflateCounted(data, file, e, room, limits);
  } else {
    throw zipCorrupt(file, `part ${e.name} uses compression method ${e.method}`);
  }
  if (result.length !== e.uncompressed) throw zipCorrupt(file, `part ${e.name} unpacks to ${result.length} bytes but its header says ${e.uncompressed}`);
  if (crc32(result) !== e.crc) throw zipCorrupt(file, `part ${e.name} fails its checksum (CRC-32); the file is damaged`);
  return result;
}

function inflateCounted(data: Uint8Array, file: string, e: ZipEntryInfo, room: number, limits: UnzipLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > room) throw bomb(file, `part ${e.name} (its header says ${formatBytes(e.uncompressed)})`, size, limits.maxTotalBytes);
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let p = 0; p < data.length; p += STEP) {
      inflater.push(data.subarray(p, Math.min(data.length, p + STEP)), p + STEP >= data.length);
      if (limits.deadline !== undefined && Date.now() > limits.deadline) {
        throw new TenureError('import.timeLimit', `${file}: unpacking part ${e.name} took too long; the workbook is too large or damaged`, { file, params: { part: e.name } });
      }
    }
    if (!data.length) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof TenureError) throw err;
    throw zipCorrupt(file, `part ${e.name}: the compressed data is damaged (${(err as Error).message})`);
  }
  if (!ended && size < e.uncompressed) throw zipCorrupt(file, `part ${e.name}: the compressed data ends early`);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
