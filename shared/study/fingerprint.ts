/**
 * A file's content fingerprint: SHA-256 over its size and three 64 KiB samples (head, middle, tail).
 * Cheap on a 1 GiB export (no full read) and changes with any edit that moves or alters rows; a study
 * uses it only to say "this file changed since the study was saved", never to decide what data means.
 */
export const FINGERPRINT_SAMPLE = 64 * 1024;

export interface ByteReader {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function fingerprint(file: ByteReader): Promise<string> {
  const n = file.size;
  const s = FINGERPRINT_SAMPLE;
  const ranges: [number, number][] = n <= 3 * s ? [[0, n]] : [[0, s], [Math.floor(n / 2 - s / 2), Math.floor(n / 2 + s / 2)], [n - s, n]];
  const parts: Uint8Array[] = [new TextEncoder().encode(`tenure-fp1:${n}:`)];
  for (const [a, b] of ranges) parts.push(await file.read(a, b));
  const all = new Uint8Array(parts.reduce((t, p) => t + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return `sha256s:${hex(await globalThis.crypto.subtle.digest('SHA-256', all))}`;
}
