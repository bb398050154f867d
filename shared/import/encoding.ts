import { analyse } from 'chardet';
import { TenureError } from '../errors';

/** Encodings the importer reads (WHATWG labels; every one has a platform TextDecoder). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark at the start of the file (skipped when reading). */
  bomLength: number;
  /**
   * 'bom' and 'valid-utf8' are certain; 'utf8-repaired' = UTF-8 with a few invalid bytes (read as
   * U+FFFD, with a warning); 'scored' is a best guess the UI should let the user confirm.
   */
  basis: 'bom' | 'valid-utf8' | 'utf8-repaired' | 'utf16-pattern' | 'scored' | 'user';
  /** How sure the guess is, 0–1 (1 for a BOM or valid UTF-8; chardet's confidence for 'scored'). */
  confidence: number;
}

/** Length of the valid UTF-8 sequence at b[i] (1 for ASCII), 0 when invalid, -1 when cut at the end. */
function utf8At(b: Uint8Array, i: number): number {
  const x = b[i];
  if (x < 0x80) return 1;
  const len = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
  if (len === 0) return 0;
  if (i + len > b.length) return -1;
  const y = b[i + 1];
  // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
  const lo = x === 0xe0 ? 0xa0 : x === 0xf0 ? 0x90 : 0x80;
  const hi = x === 0xed ? 0x9f : x === 0xf4 ? 0x8f : 0xbf;
  if (y < lo || y > hi) return 0;
  for (let k = 2; k < len; k++) if ((b[i + k] & 0xc0) !== 0x80) return 0;
  return len;
}

/**
 * Valid multi-byte UTF-8 sequences and runs of invalid bytes in a sample (a sequence cut at the end is
 * neither). A UTF-8 export with one damaged byte has many of the first and one of the second; a
 * legacy encoding read as UTF-8 has almost only invalid bytes.
 */
export function utf8Quality(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let inRun = false;
  for (let i = 0; i < b.length; ) {
    const len = utf8At(b, i);
    if (len < 0) break;
    // A damaged lead byte orphans its continuation bytes: one run of invalid bytes is one error.
    if (len === 0 && !inRun) invalid++;
    else if (len > 1) valid++;
    inRun = len === 0;
    i += Math.max(1, len);
  }
  return { valid, invalid };
}

/** Physical lines (counted from `firstLine`) holding bytes that are not valid UTF-8. */
export function invalidUtf8Lines(b: Uint8Array, firstLine: number): number[] {
  const lines: number[] = [];
  let line = firstLine;
  for (let i = 0; i < b.length; ) {
    const x = b[i];
    if (x === 0x0a || (x === 0x0d && b[i + 1] !== 0x0a)) line++;
    const len = utf8At(b, i);
    if (len <= 0 && lines[lines.length - 1] !== line) lines.push(line);
    i += Math.max(1, len);
  }
  return lines;
}

const ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8', 'utf-8': 'utf-8', 'utf-8-sig': 'utf-8', 'utf-16': 'utf-16le', utf16le: 'utf-16le', 'utf-16le': 'utf-16le',
  utf16be: 'utf-16be', 'utf-16be': 'utf-16be', gbk: 'gbk', gb2312: 'gbk', cp936: 'gbk', gb18030: 'gb18030', big5: 'big5',
  'big5-hkscs': 'big5', cp950: 'big5', shift_jis: 'shift_jis', sjis: 'shift_jis', 'shift-jis': 'shift_jis', cp932: 'shift_jis',
  'euc-kr': 'euc-kr', cp949: 'euc-kr', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252',
};

/** A user-supplied encoding name in canonical form, or a clear error listing what is accepted. */
export function normalizeEncoding(name: string, file?: string): Encoding {
  const e = ALIASES[name.trim().toLowerCase()];
  if (!e) {
    throw new TenureError('import.badEncoding', `Unknown encoding "${name}" (accepted: ${ENCODINGS.join(', ')})`, { file, params: { encoding: name, accepted: ENCODINGS.join(', ') } });
  }
  return e;
}

function bomOf(head: Uint8Array): { encoding: Encoding; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** True when the bytes decode without error (a multi-byte character cut at the end is allowed). */
export function decodesStrictly(bytes: Uint8Array, encoding: Encoding): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const CHARDET_NAMES: Record<string, Encoding> = { GB18030: 'gb18030', Big5: 'big5', Shift_JIS: 'shift_jis', 'EUC-KR': 'euc-kr' };

/**
 * Guess the encoding from the first bytes: a BOM is certain; valid UTF-8 is taken as UTF-8; UTF-16
 * without a BOM shows as NUL bytes in every other position; otherwise the CJK legacy encodings that
 * decode the sample strictly are ranked by chardet's statistics (GBK vs Big5 is the usual question).
 */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  const bom = bomOf(head);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, basis: 'bom', confidence: 1 };
  if (decodesStrictly(head, 'utf-8')) return { encoding: 'utf-8', bomLength: 0, basis: 'valid-utf8', confidence: 1 };
  // A UTF-8 file with a damaged byte stays UTF-8 (the byte becomes U+FFFD, with a warning naming
  // the line): reading it as windows-1252 would garble every other accented character.
  const q = utf8Quality(head);
  if (q.valid >= 2 && q.invalid * 10 <= q.valid) return { encoding: 'utf-8', bomLength: 0, basis: 'utf8-repaired', confidence: q.valid / (q.valid + q.invalid) };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return { encoding: 'utf-16le', bomLength: 0, basis: 'utf16-pattern', confidence: 0.95 };
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return { encoding: 'utf-16be', bomLength: 0, basis: 'utf16-pattern', confidence: 0.95 };
  const ranked = analyse(head)
    .map((m) => ({ enc: CHARDET_NAMES[m.name], confidence: m.confidence }))
    .filter((m): m is { enc: Encoding; confidence: number } => m.enc !== undefined);
  const chinese = gbOrBig5(head);
  const candidates: Encoding[] = [...(chinese ? [chinese.enc] : []), ...ranked.map((m) => m.enc), 'gb18030', 'big5', 'shift_jis', 'euc-kr'];
  // chardet's score, or the share test's: many double-byte pairs all in the hanzi block is strong
  // evidence, a handful is not (a short Shift_JIS or EUC-KR file can pass it).
  const confidenceOf = (enc: Encoding): number => {
    const scored = (ranked.find((m) => m.enc === enc)?.confidence ?? 10) / 100;
    return enc === chinese?.enc ? Math.max(scored, chinese.pairs >= 50 ? 0.95 : chinese.pairs >= 10 ? 0.8 : 0.5) : scored;
  };
  for (const enc of candidates) {
    if (decodesStrictly(head, enc)) return { encoding: enc === 'gb18030' ? gbFamily(head) : enc, bomLength: 0, basis: 'scored', confidence: confidenceOf(enc) };
  }
  return { encoding: 'windows-1252', bomLength: 0, basis: 'scored', confidence: 0.1 };
}

/**
 * Simplified Chinese in GBK keeps almost every character in the GB2312 hanzi block (lead byte
 * B0-F7, trail A1-FE); Big5 text spreads over trail bytes 40-7E as well. Small samples defeat
 * chardet, this does not.
 */
function gbOrBig5(head: Uint8Array): { enc: Encoding; pairs: number } | null {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i + 1 < head.length; i++) {
    const a = head[i];
    if (a < 0x81) continue;
    const b = head[i + 1];
    pairs++;
    if (a >= 0xb0 && a <= 0xf7 && b >= 0xa1 && b <= 0xfe) gb2312++;
    i++;
  }
  if (pairs < 2) return null;
  if (gb2312 / pairs >= 0.95 && decodesStrictly(head, 'gbk')) return { enc: 'gb18030', pairs };
  return decodesStrictly(head, 'big5') ? { enc: 'big5', pairs } : null;
}

/** GBK unless the sample uses GB18030's four-byte sequences (both decode with the same decoder). */
function gbFamily(head: Uint8Array): Encoding {
  for (let i = 0; i + 1 < head.length; i++) {
    const b = head[i];
    if (b < 0x81) continue;
    if (head[i + 1] >= 0x30 && head[i + 1] <= 0x39) return 'gb18030';
    i++;
  }
  return 'gbk';
}

export function bomLengthFor(head: Uint8Array, encoding: Encoding): number {
  const bom = bomOf(head);
  return bom && bom.encoding === encoding ? bom.length : 0;
}
