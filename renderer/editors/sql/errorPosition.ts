/**
 * Where in `sql` a DuckDB error points. DuckDB appends the offending line and a caret:
 *   "LINE 2: FROM nope\n             ^"
 * and shortens long lines with "..." on either side, so the snippet is searched for in the line.
 * Returns a character offset into `sql`, or undefined when the message carries no position.
 */
export function errorPosition(message: string, sql: string): number | undefined {
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (m) return fromCaret(sql, Number(m[1]), m[2], m[3].length - `LINE ${m[1]}: `.length);
  if (/syntax error at end of input/.test(message)) return sql.trimEnd().length;
  return undefined;
}

function fromCaret(sql: string, lineNo: number, snippet: string, caret: number): number | undefined {
  const lines = sql.split('\n');
  if (lineNo < 1 || lineNo > lines.length || caret < 0) return undefined;
  const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
  const line = lines[lineNo - 1];
  let core = snippet;
  let shift = 0;
  if (core.startsWith('...')) {
    core = core.slice(3);
    shift = 3;
  }
  if (core.endsWith('...')) core = core.slice(0, -3);
  const at = core.length > 0 ? line.indexOf(core) : 0;
  const col = (at < 0 ? 0 : at) + caret - shift;
  return lineStart + Math.max(0, Math.min(col, line.length));
}

/**
 * Map a position in a wrapper statement (the user's SQL nested at `innerFrom`) back into the
 * user's SQL. Before it: dropped; after it (e.g. "near )" for an unfinished statement): its end.
 */
export function unwrapPosition(pos: number | undefined, innerFrom: number, innerLength: number): number | undefined {
  if (pos === undefined) return undefined;
  const p = pos - innerFrom;
  return p < 0 ? undefined : Math.min(p, innerLength);
}
