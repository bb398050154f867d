/** One record of a sample: its fields (unquoted) and the physical line it starts on (1-based). */
export interface SampleRecord {
  /** The fields, at most maxFields of them (a runaway line must not become millions of strings). */
  fields: string[];
  /** The record's real number of fields. */
  width: number;
  line: number;
  blank: boolean;
}

/**
 * Parse the start of a decoded text into records (RFC 4180 quoting with "" escapes, LF/CRLF/CR).
 * Used on the sniff window only: dialect and header detection, header names. When `complete` is
 * false the last, possibly cut, record is left out.
 */
export function parseSample(text: string, delimiter: string, quote: string, complete: boolean, maxRecords = 2000, maxFields = 100_000): SampleRecord[] {
  const out: SampleRecord[] = [];
  let fields: string[] = [];
  let extra = 0;
  let field = '';
  let inQuote = false;
  let fieldStart = true;
  let line = 1;
  let recLine = 1;
  let i = 0;
  const n = text.length;
  const addField = (): void => {
    if (fields.length < maxFields) fields.push(field);
    else extra++;
    field = '';
  };
  const push = (): void => {
    addField();
    const blank = fields.length === 1 && fields[0] === '';
    out.push({ fields, width: fields.length + extra, line: recLine, blank });
    fields = [];
    extra = 0;
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
      addField();
      fieldStart = true;
      i++;
    } else if (quote && ch === quote && fieldStart) {
      inQuote = true;
      fieldStart = false;
      i++;
    } else {
      // Plain text up to the next delimiter, quote or line break, in one slice (a runaway line
      // of millions of characters must not cost a string append per character).
      let j = i + 1;
      while (j < n) {
        const c = text[j];
        if (c === delimiter || c === '\n' || c === '\r' || (quote && c === quote)) break;
        j++;
      }
      field += text.slice(i, j);
      fieldStart = false;
      i = j;
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
