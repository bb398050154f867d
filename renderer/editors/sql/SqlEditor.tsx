import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { baseExtensions, languageExtension, themeExtension } from './editorSetup';
import { errorMarkField, errorRange, setErrorMark } from './errorMarks';
import { sqlErrorWords } from './errorWords';
import { runStatement, type RunReport } from './runStatement';
import { sqlRecipes } from '../../engine/rebuildSources';
import type { EditorSchema } from './sqlCompletion';
import { splitStatements, statementAt, type Statement } from './statements';
import './SqlEditor.css';

export type { RunReport } from './runStatement';

export interface SqlEditorProps {
  engine: QueryEngine;
  schema: EditorSchema;
  initialText?: string;
  theme: 'dark' | 'light';
  onChange?(text: string): void;
  onResult(r: RunReport): void;
  onShowResult(source: { kind: 'query'; sql: string } | null): void;
}

interface ShownError {
  error: NonNullable<RunReport['error']>;
  /** Absolute position in the document, when DuckDB gave one. */
  at?: number;
  line?: number;
  column?: number;
  cancelled?: boolean;
}

/** The statements Mod+Enter runs: the selection's, else the one under the cursor. */
export function statementsToRun(doc: string, from: number, to: number): Statement[] {
  if (from !== to) return splitStatements(doc.slice(from, to), from);
  const s = statementAt(splitStatements(doc), from);
  return s ? [s] : [];
}

/**
 * CodeMirror 6 SQL editor. Result-producing statements go to the shell's Results panel (the grid
 * pages through them); others run once. Errors show under the editor and are marked in the text.
 */
export function SqlEditor(props: SqlEditorProps) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const themeConf = useRef(new Compartment());
  const langConf = useRef(new Compartment());
  const textConf = useRef(new Compartment());
  const latest = useRef(props);
  latest.current = props;
  const busy = useRef(false);
  const cancelled = useRef(false);
  const [running, setRunning] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<ShownError | null>(null);
  const [last, setLast] = useState<RunReport | null>(null);

  const run = useCallback(async () => {
    const view = viewRef.current;
    if (!view || busy.current) return;
    const sel = view.state.selection.main;
    const stmts = statementsToRun(view.state.doc.toString(), sel.from, sel.to);
    if (stmts.length === 0) return;
    const { engine, onResult, onShowResult } = latest.current;
    busy.current = true;
    cancelled.current = false;
    setRunning(performance.now());
    setError(null);
    view.dispatch({ effects: setErrorMark.of(null) });
    let shown: string | null = null;
    let ok = 0;
    try {
      for (const s of stmts) {
        const r = await runStatement(engine, s.text);
        const { showable, ...report } = r;
        onResult(report);
        setLast(report);
        if (report.error) {
          showError(view, s, report.error, (e) => setError({ ...e, cancelled: cancelled.current }));
          break;
        }
        ok++;
        if (showable) shown = s.text;
        // A statement that changed the database is run again if the engine process restarts.
        else sqlRecipes.record(s.text);
      }
    } finally {
      busy.current = false;
      setRunning(null);
    }
    if (ok > 0) onShowResult(shown ? { kind: 'query', sql: shown } : null);
  }, []);

  // Create the editor once; props that change later are applied through compartments.
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.initialText ?? '',
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (void run(), true) }])),
          ...baseExtensions(),
          errorMarkField,
          textConf.current.of(texts(t)),
          langConf.current.of(languageExtension(latest.current.schema)),
          themeConf.current.of(themeExtension(latest.current.theme)),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange?.(u.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [run]); // created once; language changes are applied below

  useEffect(() => {
    viewRef.current?.dispatch({ effects: textConf.current.reconfigure(texts(t)) });
  }, [t]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: themeConf.current.reconfigure(themeExtension(props.theme)) });
  }, [props.theme]);

  // Compared by content: a schema rebuilt with the same tables must not reset completion.
  const schemaKey = JSON.stringify(props.schema);
  useEffect(() => {
    viewRef.current?.dispatch({ effects: langConf.current.reconfigure(languageExtension(latest.current.schema)) });
  }, [schemaKey]);

  // Elapsed time while a statement runs.
  useEffect(() => {
    if (running === null) return;
    setElapsed(0);
    const timer = setInterval(() => setElapsed(performance.now() - running), 100);
    return () => clearInterval(timer);
  }, [running]);

  const cancel = () => {
    cancelled.current = true;
    void latest.current.engine.cancel();
  };

  const jumpToError = () => {
    const view = viewRef.current;
    if (!view || error?.at === undefined) return;
    view.dispatch({ selection: { anchor: Math.min(error.at, view.state.doc.length) }, scrollIntoView: true });
    view.focus();
  };

  const fmtMs = (ms: number) => (ms / 1000).toLocaleString(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: ms < 10_000 ? 2 : 1 });

  return (
    <div className={`tn-sql tn-sql-${props.theme}`}>
      <div className="tn-sql-toolbar" role="toolbar">
        <button type="button" className="button primary small tn-sql-run" onClick={() => void run()} disabled={running !== null} title={t('sql.runTitle')}>
          <span className="codicon codicon-play" aria-hidden />
          {t('sql.run')}
        </button>
        {running !== null && (
          <>
            <button type="button" className="button secondary small tn-sql-cancel" onClick={cancel} title={t('sql.cancelTitle')}>
              <span className="codicon codicon-debug-stop" aria-hidden />
              {t('sql.cancel')}
            </button>
            <span className="tn-sql-status" role="status">{t('sql.running', { seconds: fmtMs(elapsed) })}</span>
          </>
        )}
        {running === null && last && !last.error && (
          <span className="tn-sql-status" role="status">
            {last.rows === null
              ? t('sql.done', { seconds: fmtMs(last.ms) })
              : t('sql.doneRows', { count: last.rows, rows: last.rows.toLocaleString(i18n.language), seconds: fmtMs(last.ms) })}
          </span>
        )}
      </div>
      <div ref={host} className="tn-sql-host" />
      {error && (
        <div className="tn-sql-error" role="alert">
          <div className="tn-sql-error-head">
            {error.cancelled ? t('sql.cancelled') : sqlErrorWords(t, error.error).head}
            {error.line !== undefined && (
              <button type="button" className="tn-sql-error-at" onClick={jumpToError}>
                {t('sql.errorAt', { line: error.line, column: error.column })}
              </button>
            )}
            <button type="button" className="tn-sql-error-close" onClick={() => setError(null)} title={t('sql.dismiss')}>
              ×
            </button>
          </div>
          {sqlErrorWords(t, error.error).detail && <pre className="tn-sql-error-message">{sqlErrorWords(t, error.error).detail}</pre>}
        </div>
      )}
    </div>
  );
}

/** Translated editor texts (placeholder, accessible name), swapped when the language changes. */
function texts(t: (key: string) => string) {
  return [placeholder(t('sql.placeholder')), EditorView.contentAttributes.of({ 'aria-label': t('sql.editorLabel') })];
}

function showError(view: EditorView, s: Statement, e: NonNullable<RunReport['error']>, set: (e: ShownError) => void): void {
  if (e.position === undefined) {
    set({ error: e });
    return;
  }
  const at = Math.min(s.from + e.position, view.state.doc.length);
  const range = errorRange(view.state, at);
  const line = view.state.doc.lineAt(range.from);
  view.dispatch({ effects: setErrorMark.of(range) });
  set({ error: e, at: range.from, line: line.number, column: range.from - line.from + 1 });
}
