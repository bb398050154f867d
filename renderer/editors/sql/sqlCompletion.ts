import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import { qi } from '../../../shared/engine/sqlQuote';

export interface EditorSchema {
  tables: { name: string; columns: { name: string; type: string }[] }[];
}

/** Words DuckDB will not take as a bare identifier (a subset; quoting more is harmless). */
const RESERVED = new Set(`all analyse analyze and any array as asc asymmetric both case cast check collate column
constraint create default deferrable desc describe distinct do else end except false fetch for foreign from grant
group having in initially intersect into lateral leading limit not null offset on only or order pivot placing
primary qualify references returning select show some summarize symmetric table then to trailing true union unique
unpivot using variadic when where window with`.split(/\s+/));

/** A name as it must be typed: bare when it is a plain identifier, else double-quoted. */
export function sqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase()) ? name : qi(name);
}

function option(name: string, type: string, detail: string): Completion {
  const apply = sqlName(name);
  return { label: name, type, detail, ...(apply !== name ? { apply } : {}) };
}

/**
 * The schema in lang-sql's namespace shape with our own completions, so names with spaces, quotes,
 * dots or reserved words are inserted quoted (lang-sql's own quoting would not escape a `"`).
 */
export function completionSchema(schema: EditorSchema): SQLNamespace {
  const ns: Record<string, SQLNamespace> = {};
  for (const t of schema.tables) {
    // lang-sql splits namespace keys at dots: escape them so "a.b" stays one table.
    ns[t.name.replace(/\./g, '\\.')] = {
      self: option(t.name, 'type', 'table'),
      children: t.columns.map((c) => option(c.name, 'property', c.type)),
    };
  }
  return ns;
}
