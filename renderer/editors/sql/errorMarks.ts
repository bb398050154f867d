import { StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** Set (or clear with null) the error range shown in the editor. */
export const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();

const mark = Decoration.mark({ class: 'tn-sql-error-mark' });
const line = Decoration.line({ class: 'tn-sql-error-line' });

/** A wavy underline at DuckDB's error position; editing the text removes it. */
export const errorMarkField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorMark)) {
        if (!e.value) return Decoration.none;
        const l = tr.state.doc.lineAt(e.value.from);
        return Decoration.set([line.range(l.from), mark.range(e.value.from, e.value.to)], true);
      }
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The token at an error position: a word, a quoted name, or one character (never empty). */
export function errorRange(state: EditorState, pos: number): { from: number; to: number } {
  const len = state.doc.length;
  if (len === 0) return { from: 0, to: 0 };
  let from = Math.max(0, Math.min(pos, len - 1));
  // At the end of input (e.g. "SELECT 1 +"), point at the last visible character.
  while (from > 0 && /\s/.test(state.sliceDoc(from, from + 1))) from--;
  const rest = state.sliceDoc(from, Math.min(len, from + 200));
  const m = /^("(?:[^"]|"")*"|'(?:[^']|'')*'|[\p{L}\p{N}_$]+)/u.exec(rest);
  return { from, to: from + (m ? m[0].length : 1) };
}
