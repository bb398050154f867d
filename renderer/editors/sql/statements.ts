import { codeIndices, scanSql, type Span } from './sqlLexer';

/** One statement of an editor text: [from, to) without the terminating ';', trimmed. */
export interface Statement {
  from: number;
  to: number;
  text: string;
}

/**
 * Split SQL at top-level semicolons (never inside strings, quoted identifiers, dollar-quoted
 * strings or comments). Statements holding only whitespace and comments are dropped.
 */
export function splitStatements(text: string, offset = 0): Statement[] {
  const spans = scanSql(text);
  const semis = codeIndices(text, spans, (c) => c === ';');
  const out: Statement[] = [];
  let start = 0;
  for (const end of [...semis, text.length]) {
    const stmt = trimmed(text, start, end, spans);
    if (stmt) out.push({ from: stmt.from + offset, to: stmt.to + offset, text: text.slice(stmt.from, stmt.to) });
    start = end + 1;
  }
  return out;
}

function trimmed(text: string, from: number, to: number, spans: Span[]): { from: number; to: number } | null {
  let a = from;
  let b = to;
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (a >= b) return null;
  // A statement needs at least one code character (comments alone are not a statement).
  const inner = spans.filter((s) => s.to > a && s.from < b);
  let pos = a;
  for (const s of inner) {
    if (s.kind !== 'comment') return { from: a, to: b };
    if (/\S/.test(text.slice(pos, Math.max(pos, s.from)))) return { from: a, to: b };
    pos = Math.max(pos, s.to);
  }
  return /\S/.test(text.slice(pos, b)) ? { from: a, to: b } : null;
}

/**
 * The statement a cursor at `pos` belongs to: the one containing it, else the closest one before
 * it (the cursor usually rests just after a ';' or on the blank line below), else the first.
 */
export function statementAt(statements: Statement[], pos: number): Statement | null {
  let best: Statement | null = null;
  for (const s of statements) {
    if (s.from <= pos) best = s;
    else break;
  }
  return best ?? statements[0] ?? null;
}

/** Keywords whose statement yields rows worth paging through in the results grid. */
const RESULT_KEYWORDS = new Set([
  'select', 'with', 'from', 'values', 'describe', 'desc', 'show', 'summarize', 'pivot', 'unpivot', 'table',
]);

/** The first keyword of a statement, lower-case, skipping comments and opening parentheses. */
export function firstKeyword(sql: string): string {
  const spans = scanSql(sql);
  const idx = codeIndices(sql, spans, (c) => !/[\s(]/.test(c));
  if (idx.length === 0) return '';
  const m = /^[A-Za-z_]+/.exec(sql.slice(idx[0]));
  return m ? m[0].toLowerCase() : '';
}

export function isResultStatement(sql: string): boolean {
  return RESULT_KEYWORDS.has(firstKeyword(sql));
}

/** A statement ready to nest as a subquery: trailing semicolons removed (comments are harmless). */
export function singleStatement(sql: string): string {
  const parts = splitStatements(sql);
  return parts.length === 1 ? parts[0].text : sql.trim();
}
