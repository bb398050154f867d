/**
 * GBK bytes for a few known strings. Node can decode GBK (TextDecoder) but not encode it, and a
 * dependency for seven region names is not worth it: find each character by decoding the GBK
 * double-byte code space once (~24k two-byte codes, a few ms).
 */
let table: Map<string, number> | null = null;

function codeTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = dec.decode(pair);
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

/** Encode text as GBK; throws on a character GBK cannot represent. */
export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const code = codeTable().get(ch);
    if (code === undefined) throw new Error(`No GBK code for ${JSON.stringify(ch)}`);
    out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}

/** GBK bytes as a latin1 string: lets a generator build both encodings with plain string joins. */
export function gbkLatin1(text: string): string {
  return Buffer.from(encodeGbk(text)).toString('latin1');
}
