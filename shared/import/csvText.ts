/** One record of a sample: its fields (unquoted) and the physical line it starts on (1-based). */
export interface SampleRecord {
  fields: string[];
  line: number;
  blank: boolean;
}

/**
 * Parse the start of a decoded text into records (RFC 4180 quoting with "" escapes, LF/CRLF/CR).
 * Used on the sniff window only: dialect and header detection, header names. When `complete` is
 * false the last, possibly cut, record is left out.
 */
export function parseSample(text: string, delimiter: string, quote: string, complete: boolean, maxRecords = 2000): SampleRecord[] {
  const out: SampleRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuote = false;
  let fieldStart = true;
  let line = 1;
  let recLine = 1;
  let i = 0;
  const n = text.length;
  const push = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    out.push({ fields, line: recLine, blank });
    fields = [];
    field = '';
    fieldStart = true;
  };
  while (i < n && out.length < maxRecords) {
    const ch = text[i];
    if (inQuote) {
      if (ch === quote) {
        if (text[i + 1] === quote) {
          field += quote;
          i += 2;
          continue;
        }
        inQuote = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      i++;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      push();
      recLine = line;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (quote && ch === quote && fieldStart) {
      inQuote = true;
      fieldStart = false;
      i++;
    } else {
      field += ch;
      fieldStart = false;
      i++;
    }
  }
  if (complete && i >= n && (field !== '' || fields.length > 0) && out.length < maxRecords && !inQuote) push();
  return out;
}

/** The most frequent line ending outside quoted fields (a quoted value may hold other breaks). */
export function lineEndingOf(text: string, quote = '"'): 'lf' | 'crlf' | 'cr' {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote && ch === quote) inQuote = !inQuote;
    else if (inQuote) continue;
    else if (ch === '\r') {
      if (text[i + 1] === '\n') {
        crlf++;
        i++;
      } else cr++;
    } else if (ch === '\n') lf++;
  }
  return crlf > 0 && crlf >= cr && crlf >= lf ? 'crlf' : cr > lf ? 'cr' : 'lf';
}
