import { analyse } from 'chardet';
import { TenureError } from '../errors';

/** Encodings the importer reads (WHATWG labels; every one has a platform TextDecoder). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gbk', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** Bytes of byte-order mark at the start of the file (skipped when reading). */
  bomLength: number;
  /** 'bom' and 'valid-utf8' are certain; 'scored' is a best guess the UI should let the user confirm. */
  basis: 'bom' | 'valid-utf8' | 'utf16-pattern' | 'scored' | 'user';
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
  if (bom) return { encoding: bom.encoding, bomLength: bom.length, basis: 'bom' };
  if (decodesStrictly(head, 'utf-8')) return { encoding: 'utf-8', bomLength: 0, basis: 'valid-utf8' };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return { encoding: 'utf-16le', bomLength: 0, basis: 'utf16-pattern' };
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return { encoding: 'utf-16be', bomLength: 0, basis: 'utf16-pattern' };
  const ranked = analyse(head)
    .map((m) => ({ enc: CHARDET_NAMES[m.name], confidence: m.confidence }))
    .filter((m): m is { enc: Encoding; confidence: number } => m.enc !== undefined);
  const chinese = gbOrBig5(head);
  const candidates: Encoding[] = [...(chinese ? [chinese] : []), ...ranked.map((m) => m.enc), 'gb18030', 'big5', 'shift_jis', 'euc-kr'];
  for (const enc of candidates) {
    if (decodesStrictly(head, enc)) return { encoding: enc === 'gb18030' ? gbFamily(head) : enc, bomLength: 0, basis: 'scored' };
  }
  return { encoding: 'windows-1252', bomLength: 0, basis: 'scored' };
}

/**
 * Simplified Chinese in GBK keeps almost every character in the GB2312 hanzi block (lead byte
 * B0-F7, trail A1-FE); Big5 text spreads over trail bytes 40-7E as well. Small samples defeat
 * chardet, this does not.
 */
function gbOrBig5(head: Uint8Array): Encoding | null {
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
  if (gb2312 / pairs >= 0.95 && decodesStrictly(head, 'gbk')) return 'gb18030';
  return decodesStrictly(head, 'big5') ? 'big5' : null;
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
