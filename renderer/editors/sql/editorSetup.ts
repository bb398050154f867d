import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { sql } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { DuckDB } from './duckdbDialect';
import { completionSchema, type EditorSchema } from './sqlCompletion';
import { columnCompletionSource } from './columnCompletion';

/** The editor's fixed extensions (everything that does not follow a prop). */
export function baseExtensions(): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    autocompletion(),
    highlightActiveLine(),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
  ];
}

export function languageExtension(schema: EditorSchema): Extension {
  // lang-sql completes tables, keywords and `table.` columns; ours adds the statement's columns.
  return [sql({ dialect: DuckDB, schema: completionSchema(schema), upperCaseKeywords: true }), DuckDB.language.data.of({ autocomplete: columnCompletionSource(schema) })];
}

const light = EditorView.theme({
  '.cm-activeLine': { backgroundColor: 'rgba(0, 0, 0, 0.04)' },
  '.cm-activeLineGutter': { backgroundColor: 'rgba(0, 0, 0, 0.06)' },
  '.cm-gutters': { color: '#6e7681', border: 'none' },
}, { dark: false });

/** One Dark for dark, CodeMirror's default highlighting for light (colours of VS Code-like Light+). */
export function themeExtension(theme: 'dark' | 'light'): Extension {
  return theme === 'dark' ? oneDark : [light, syntaxHighlighting(defaultHighlightStyle)];
}
