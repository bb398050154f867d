import { useCallback, useMemo } from 'react';
import { SqlEditor, type RunReport } from '../../editors/sql/SqlEditor';
import { sqlErrorLine, sqlErrorText } from '../../editors/sql/errorWords';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../editorRegistry';
import { useServices } from '../services';
import { refreshCatalog } from '../actions/catalog';

/** Statements that may change the table list, so the Explorer is re-read after them. */
const DDL = /^\s*(create|drop|alter|insert|update|delete|copy|attach|detach)\b/im;

/** A SQL editor tab: text kept in the tab, results shown in the panel's Results view. */
export function SqlEditorTab({ tab, theme, setData }: EditorProps) {
  const services = useServices();
  const sources = useWorkbench((s) => s.sources);
  const schema = useMemo(
    () => ({ tables: allTables(sources).map((t) => ({ name: t.name, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) })) }),
    [sources],
  );
  const onChange = useCallback((text: string) => setData({ text }), [setData]);
  const onResult = useCallback(
    (r: RunReport) => {
      const store = useWorkbench.getState();
      // A cancelled run is the user's own doing (the editor says so): not a problem.
      if (r.error && /cancel|interrupt/i.test(r.error.message)) return;
      if (r.error) {
        // The position is within the statement that ran; place it in the editor's text when found there.
        const text = String(tab.data.text ?? '');
        const at = text.indexOf(r.sql);
        const where = r.error.position === undefined ? {} : at >= 0 ? lineColumn(text, at + r.error.position) : lineColumn(r.sql, r.error.position);
        store.addProblem({ severity: 'error', code: 'sql', owner: tab.id, message: sqlErrorLine(services.i18n.t.bind(services.i18n), r.error), text: sqlErrorText(r.error), file: tab.title ?? services.i18n.t('workbench.editor.sql', { n: tab.data.n ?? '' }).trim(), ...where });
        store.showPanel('problems');
        return;
      }
      // A statement that ran clears this editor's earlier problems.
      store.clearProblems(tab.id);
      if (DDL.test(r.sql)) void refreshCatalog(services.engine).catch(() => undefined);
    },
    [services, tab.id, tab.title, tab.data.text, tab.data.n],
  );
  const onShowResult = useCallback((source: { kind: 'query'; sql: string } | null) => {
    const store = useWorkbench.getState();
    store.setResult(source);
    if (source) store.showPanel('results');
  }, []);
  return (
    <div className="editor-fill">
      <SqlEditor
        engine={services.engine}
        schema={schema}
        initialText={typeof tab.data.text === 'string' ? tab.data.text : ''}
        theme={theme}
        onChange={onChange}
        onResult={onResult}
        onShowResult={onShowResult}
      />
    </div>
  );
}

/** 0-based character offset → 1-based line and column, as Problems shows them. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
