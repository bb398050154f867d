/**
 * The only place identifiers and literals become SQL text. Never splice a user-supplied name,
 * value or path into SQL any other way.
 */
export class SqlQuoteError extends Error {}

function checkText(s: string, what: string): void {
  if (s.includes('\u0000')) throw new SqlQuoteError(`${what} may not contain a NUL character`);
}

/** Quote an identifier: "a""b". Works for any Unicode name (客户 编号, emoji, `a"b; DROP TABLE x`). */
export function qi(name: string): string {
  checkText(name, 'Identifier');
  if (name.length === 0) throw new SqlQuoteError('Identifier may not be empty');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal: 'it''s'. */
export function ql(value: string): string {
  checkText(value, 'String literal');
  return `'${value.replaceAll("'", "''")}'`;
}

/** A number literal; throws on NaN/Infinity so they never reach SQL as text. */
export function qn(value: number): string {
  if (!Number.isFinite(value)) throw new SqlQuoteError(`Not a finite number: ${value}`);
  return String(value);
}

/**
 * A DOUBLE literal that reads back as exactly this number: `62e0`, `0.30000000000000004e0` (a plain
 * `0.3` is a DECIMAL in DuckDB, whose conversion to DOUBLE need not round-trip).
 */
export function qd(value: number): string {
  const s = qn(value);
  return /e/i.test(s) ? s : `${s}e0`;
}

/** A literal for a scalar value of any JS type. */
export function qv(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return qn(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return ql(value);
}

/** Qualified name: schema.table. */
export function qualified(...parts: string[]): string {
  return parts.map(qi).join('.');
}

/**
 * The user's own SQL fragment (a filter, a value expression) in its parentheses, exactly as
 * engine/guard.ts checked it. A fragment ending in a line comment (`plan = 'x' -- monthly only`)
 * would comment out the closing parenthesis: a newline ends the comment first.
 */
export function qf(fragment: string): string {
  return fragment.includes('--') ? `(${fragment}\n)` : `(${fragment})`;
}
