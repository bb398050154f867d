import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { scanSql } from './sqlLexer';
import { splitStatements, statementAt } from './statements';
import { sqlName, type EditorSchema } from './sqlCompletion';

/**
 * Column names of the tables a statement reads, offered wherever a column may stand (after SELECT,
 * WHERE, ORDER BY, GROUP BY, ON, a comma or an operator), not only after `table.` as lang-sql does.
 */

const NAME = String.raw`(?:"(?:[^"]|"")+"|[\p{L}_][\p{L}\p{N}_$]*)`;
const QUALIFIED = String.raw`${NAME}(?:\s*\.\s*${NAME})*`;
/** An alias after a table (`customers c`, `AS o`), never a keyword that continues the query. */
const ALIAS = String.raw`(?:\s+(?:as\s+)?(?!(?:join|on|using|where|group|order|left|right|inner|outer|full|cross|natural|positional|asof|anti|semi|limit|having|union|except|intersect|window|qualify|select|as)\b)${NAME})?`;
/** FROM / JOIN and the table list after them (`FROM a x, b AS y JOIN c`). */
const SOURCE = new RegExp(String.raw`\b(?:from|join)\s+(${QUALIFIED}${ALIAS}(?:\s*,\s*${QUALIFIED}${ALIAS})*)`, 'giu');
const ITEM = new RegExp(String.raw`(${QUALIFIED})${ALIAS}`, 'iuy');

/** Keywords after which a table name, not a column, is typed. */
const TABLE_CONTEXT = /\b(?:from|join|into|update|table|describe|summarize)\s*$/iu;

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/** Last part of a qualified name (`main."My Table"` → `My Table`). */
function lastPart(qualified: string): string {
  const parts = qualified.match(new RegExp(NAME, 'gu')) ?? [qualified];
  return unquote(parts[parts.length - 1]);
}

/** The statement's code with strings and comments blanked (same length, positions kept). */
function codeOnly(sql: string): string {
  let out = sql;
  for (const s of scanSql(sql)) if (s.kind === 'string' || s.kind === 'comment') out = out.slice(0, s.from) + ' '.repeat(s.to - s.from) + out.slice(s.to);
  return out;
}

/** The schema's tables named after FROM / JOIN in `sql` (case-insensitive, as DuckDB resolves them). */
export function tablesInStatement(sql: string, schema: EditorSchema): EditorSchema['tables'] {
  const code = codeOnly(sql);
  const names = new Set<string>();
  for (const m of code.matchAll(SOURCE)) {
    const list = m[1];
    let at = 0;
    while (at < list.length) {
      ITEM.lastIndex = at;
      const item = ITEM.exec(list);
      if (!item) break;
      names.add(lastPart(item[1]).toLowerCase());
      at = ITEM.lastIndex;
      const comma = /^\s*,\s*/.exec(list.slice(at));
      if (!comma) break;
      at += comma[0].length;
    }
  }
  return schema.tables.filter((t) => names.has(t.name.toLowerCase()));
}

/** A completion source for the columns of the tables the statement under the cursor reads. */
export function columnCompletionSource(schema: EditorSchema): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/(?:"[^"]*|[\p{L}_][\p{L}\p{N}_$]*)$/u);
    if (!word && !ctx.explicit) return null;
    const quoted = !!word && word.text.startsWith('"');
    // Inside an opened quote, match after it and close it on insert.
    const from = word ? word.from + (quoted ? 1 : 0) : ctx.pos;
    const before = ctx.state.sliceDoc(Math.max(0, (word?.from ?? from) - 200), word?.from ?? from);
    // After `x.` lang-sql completes that table's columns; where a table name goes, columns do not.
    if (/\.\s*$/.test(before) || TABLE_CONTEXT.test(before)) return null;
    const text = ctx.state.doc.toString();
    const stmt = statementAt(splitStatements(text), ctx.pos);
    if (!stmt) return null;
    const tables = tablesInStatement(stmt.text, schema);
    if (!tables.length) return null;
    const several = tables.length > 1;
    const options: Completion[] = [];
    const seen = new Set<string>();
    for (const t of tables) {
      for (const c of t.columns) {
        const key = c.name.toLowerCase();
        // A column two tables share is offered once, qualified by neither (the user picks the table).
        if (seen.has(key)) continue;
        seen.add(key);
        const apply = quoted ? `${c.name.replace(/"/g, '""')}"` : sqlName(c.name);
        options.push({ label: c.name, type: 'property', detail: several ? `${c.type} · ${t.name}` : c.type, boost: 2, ...(apply !== c.name ? { apply } : {}) });
      }
    }
    return { from, options, validFor: quoted ? /^[^"]*$/ : /^[\p{L}_][\p{L}\p{N}_$]*$/u };
  };
}
