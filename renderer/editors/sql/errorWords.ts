import type { RunReport } from './runStatement';

type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * A failed statement told in words: a syntax error becomes "Syntax error near “FORM”" or "The
 * statement is incomplete" (DuckDB's parser line then adds nothing); other errors keep DuckDB's text.
 */
export function sqlErrorWords(t: T, e: NonNullable<RunReport['error']>): { head: string; detail: string } {
  if (!e.syntax) return { head: t('sql.error'), detail: e.message };
  const head = e.syntax.atEnd ? t('sql.syntaxEnd') : e.syntax.near !== undefined ? t('sql.syntaxNear', { token: e.syntax.near }) : t('sql.syntax');
  // Whatever DuckDB says beyond its "syntax error at …" line (rarely anything).
  const rest = e.message.replace(/^Parser Error: syntax error at (?:or near "(?:[^"]|"")*"|end of input)\s*/, '').trim();
  return { head, detail: rest };
}

/** One line for Problems: the words, then any further detail. */
export function sqlErrorLine(t: T, e: NonNullable<RunReport['error']>): string {
  const { head, detail } = sqlErrorWords(t, e);
  return e.syntax ? [head, detail].filter(Boolean).join(' — ') : detail;
}

/** The translation of a syntax error with nothing more to say, so Problems re-translates it. */
export function sqlErrorText(e: NonNullable<RunReport['error']>): { key: string; params?: Record<string, unknown> } | undefined {
  if (!e.syntax || sqlErrorWords((k) => k, e).detail) return undefined;
  if (e.syntax.atEnd) return { key: 'sql.syntaxEnd' };
  return e.syntax.near !== undefined ? { key: 'sql.syntaxNear', params: { token: e.syntax.near } } : { key: 'sql.syntax' };
}
