/**
 * A tiny SQL scanner (DuckDB/PostgreSQL lexical rules) that knows where code is and where strings,
 * quoted identifiers and comments are. Pure: used to split statements and to find the first keyword.
 */
export type SpanKind = 'code' | 'string' | 'ident' | 'comment';

export interface Span {
  kind: SpanKind;
  from: number;
  to: number;
}

/** Spans of non-code text; everything between them is code. */
export function scanSql(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i + 2);
      const to = nl < 0 ? n : nl;
      spans.push({ kind: 'comment', from: i, to });
      i = to;
    } else if (c === '/' && next === '*') {
      const to = blockCommentEnd(text, i);
      spans.push({ kind: 'comment', from: i, to });
      i = to;
    } else if (c === "'") {
      // E'…' strings allow backslash escapes; plain strings only the doubled quote.
      const escapes = i > 0 && (text[i - 1] === 'E' || text[i - 1] === 'e') && !isWordChar(text[i - 2]);
      const to = quotedEnd(text, i, "'", escapes);
      spans.push({ kind: 'string', from: escapes ? i - 1 : i, to });
      i = to;
    } else if (c === '"') {
      const to = quotedEnd(text, i, '"', false);
      spans.push({ kind: 'ident', from: i, to });
      i = to;
    } else if (c === '$' && !isWordChar(text[i - 1])) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const to = close < 0 ? n : close + tag[0].length;
        spans.push({ kind: 'string', from: i, to });
        i = to;
      } else i++;
    } else i++;
  }
  return spans;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}

/** End (exclusive) of a quoted run starting at `from`; a doubled quote is an escaped quote. */
function quotedEnd(text: string, from: number, quote: string, backslash: boolean): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslash && c === '\\') i += 2;
    else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length; // unterminated: runs to the end, like the parser sees it
}

/** Block comments nest in DuckDB (PostgreSQL grammar). */
function blockCommentEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

/** Positions of code characters matching `pred`, skipping strings, identifiers and comments. */
export function codeIndices(text: string, spans: Span[], pred: (c: string) => boolean): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    while (s < spans.length && spans[s].to <= i) s++;
    if (s < spans.length && spans[s].from <= i) {
      i = spans[s].to - 1;
      continue;
    }
    if (pred(text[i])) out.push(i);
  }
  return out;
}
