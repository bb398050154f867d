/**
 * DuckDB's error messages as a person reads them. duckdb-wasm's pending-query path (`send`, used
 * by the workbench so queries can be cancelled) throws the error as JSON
 *   {"exception_type":"Parser","exception_message":"syntax error at or near \"t\"\n\nLINE 1: …","position":"14"}
 * and the blocking path repeats the "LINE n: … ^" snippet. Both become "Parser Error: …" once.
 */
export function readableEngineMessage(raw: string): string {
  let text = raw;
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') && trimmed.includes('"exception_type"')) {
    try {
      const parsed = JSON.parse(trimmed) as { exception_type?: unknown; exception_message?: unknown };
      if (typeof parsed.exception_message === 'string') {
        const type = typeof parsed.exception_type === 'string' ? parsed.exception_type : '';
        text = type ? `${type} Error: ${parsed.exception_message}` : parsed.exception_message;
      }
    } catch {
      // not JSON after all: keep the text
    }
  }
  return dropRepeatedBlocks(text);
}

/** Paragraphs (separated by a blank line) that repeat an earlier one are dropped. */
function dropRepeatedBlocks(text: string): string {
  const blocks = text.split(/\n\s*\n/);
  const kept = blocks.filter((b, i) => blocks.indexOf(b) === i);
  return kept.join('\n\n');
}

/** The message without DuckDB's "LINE n: …" snippet and caret (the caller marks the position itself). */
export function withoutLineSnippet(message: string): string {
  return message
    .replace(/\n*LINE \d+: .*\n *\^ */g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface SyntaxErrorInfo {
  /** The token DuckDB stopped at, when it names one. */
  near?: string;
  /** DuckDB reached the end of the statement (something is missing). */
  atEnd: boolean;
}

/** A parser (syntax) error, told apart from binder/catalog/… errors. */
export function syntaxErrorInfo(message: string): SyntaxErrorInfo | undefined {
  if (!/^Parser Error:/.test(message)) return undefined;
  if (/syntax error at end of input/.test(message)) return { atEnd: true };
  const m = /syntax error at or near "((?:[^"]|"")*)"/.exec(message);
  return m ? { near: m[1], atEnd: false } : { atEnd: false };
}
