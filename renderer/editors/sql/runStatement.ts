import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toRows } from '../../../shared/engine/arrowRows';
import { rememberCount } from '../grid/countCache';
import { countSql } from '../grid/gridSql';
import { readableEngineMessage, syntaxErrorInfo, withoutLineSnippet, type SyntaxErrorInfo } from '../../../shared/engine/engineError';
import { errorPosition, unwrapPosition } from './errorPosition';
import { isResultStatement } from './statements';

export interface RunReport {
  sql: string;
  ms: number;
  rows: number | null;
  /**
   * message: DuckDB's text without its "LINE n:" snippet (it may quote the app's wrapper query; the
   * editor marks the position instead). position: character offset into `sql`. syntax: set for a
   * parser error, so it can be told in words.
   */
  error?: { message: string; position?: number; syntax?: SyntaxErrorInfo };
}

/**
 * Run one statement. A result-producing statement is run as a count over it (the grid then pages
 * through it, reusing the count); any other statement runs once. DuckDB's error position is
 * mapped back into the statement's own text.
 */
export async function runStatement(engine: QueryEngine, sql: string, now: () => number = () => performance.now()): Promise<RunReport & { showable: boolean }> {
  const start = now();
  const showable = isResultStatement(sql);
  const text = showable ? countSql({ kind: 'query', sql }) : sql;
  try {
    const result = await engine.query(text);
    const ms = now() - start;
    if (showable) {
      const rows = Number(toRows<{ n: number }>(result)[0].n);
      rememberCount(engine, sql, rows);
      return { sql, ms, rows, showable };
    }
    // DML and CREATE … AS answer with a Count column; plain DDL with nothing.
    const count = result.schema.fields.length === 1 && result.schema.fields[0].name === 'Count' && result.numRows === 1
      ? Number(toRows<{ Count: number }>(result)[0].Count)
      : result.numRows > 0 ? result.numRows : null;
    return { sql, ms, rows: count, showable: false };
  } catch (err) {
    const rawMessage = readableEngineMessage(err instanceof Error ? err.message : String(err));
    const raw = errorPosition(rawMessage, text);
    // In the count wrapper the statement starts right after the first newline.
    const position = showable ? unwrapPosition(raw, text.indexOf('\n') + 1, sql.length) : raw;
    let syntax = syntaxErrorInfo(rawMessage);
    // "near )" of the wrapper, or a position at the very end: the user's statement stops too early.
    if (syntax && position !== undefined && position >= sql.trimEnd().length) syntax = { atEnd: true };
    const error = { message: withoutLineSnippet(rawMessage), ...(position !== undefined ? { position } : {}), ...(syntax ? { syntax } : {}) };
    return { sql, ms: now() - start, rows: null, error, showable: false };
  }
}
