import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, RunActions, RunStatus, showSqlInEditor, useAnalysisRun, useRunOnOpen, useTable, useTables } from '../analysis';
import { defaultForm, isComplete, readForm, toSpecInput, type ParetoForm } from './form';
import { ParetoResults } from './ParetoResults';
import { ParetoSettings } from './ParetoSettings';
import { SaveClasses } from './SaveClasses';
import { runPareto, type ParetoRun } from './run';
import './pareto.css';

/** Editor kind 'pareto' (command analysis.pareto): settings on the left, findings and charts on the right. */
export function ParetoEditor({ tab, theme, setData }: EditorProps) {
  const { t, i18n } = useTranslation();
  const { engine } = useServices();
  const tables = useTables();
  const initialTable = String(tab.data.table ?? '') || tables[0]?.name || '';
  const tableInfo = useTable(initialTable);
  const fallback = useMemo(() => defaultForm(tableInfo, initialTable), [tableInfo, initialTable]);
  const form = readForm(tab.data.form, fallback);
  const formRef = useRef(form);
  formRef.current = form;

  const onChange = useCallback(
    (patch: Partial<ParetoForm>) => {
      const next = { ...formRef.current, ...patch };
      // A new table starts from that table's guesses (customer id, revenue-like value).
      const table = patch.table !== undefined && patch.table !== formRef.current.table ? { ...defaultForm(tables.find((x) => x.name === patch.table), patch.table), a: next.a, b: next.b } : next;
      setData({ form: table, table: table.table });
    },
    [setData, tables],
  );

  const { state, run, cancel } = useAnalysisRun<ParetoRun & { key: string }>({ id: tab.id, problemFile: t('pareto.title'), fallbackCode: 'sql' });
  const key = JSON.stringify(toSpecInput(form)) + form.valueLabel;
  const start = useCallback(() => {
    const f = formRef.current;
    void run(async () => ({ ...(await runPareto(engine, f, tab.id)), key: JSON.stringify(toSpecInput(f)) + f.valueLabel }));
  }, [engine, run, tab.id]);

  useRunOnOpen(tab, setData, isComplete(form) && !!tableInfo && state.status === 'idle', start);

  const current = state.result;
  const running = state.status === 'running';
  const stale = !!current && current.key !== key;
  const sqlComment = current ? t('pareto.editor.sqlComment', { table: current.spec.table, value: current.label }) : '';

  const actions = (
    <RunActions hasResult={!!current} running={running} onRun={start} onCancel={() => void cancel()} disabled={!isComplete(form)} sql={current ? current.result.sql : null} sqlTitle={sqlComment} />
  );

  return (
    <AnalysisLayout notesId={tab.id} form={<ParetoSettings form={form} onChange={onChange} />} actions={actions} testId="pareto-editor">
      {!tables.length && <div className="tn-an-empty">{t('export.analysis.noTables')}</div>}
      <RunStatus state={state} onCancel={() => void cancel()} />
      {!current && state.status === 'idle' && tables.length > 0 && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {current && (
        <div className={stale || running ? 'tn-an-stale' : undefined} data-testid="pareto-results" data-lang={i18n.language}>
          <div className="tn-an-toolbar">
            <span data-testid="pareto-summary">
              {t('pareto.editor.summary', { n: current.result.n, rows: current.result.rows, table: current.spec.table })}
              {state.status === 'done' && ` · ${t('pareto.editor.took', { s: state.ms / 1000 })}`}
            </span>
            {stale && !running && <span className="tn-pa-stale">{t('export.analysis.staleResult')}</span>}
            <span className="spacer" />
            <button type="button" className="tn-an-link" onClick={() => showSqlInEditor(current.result.sql, sqlComment)}>
              <span className="codicon codicon-code" aria-hidden />
              {t('export.analysis.showSql')}
            </button>
            <SaveClasses run={current} analysisId={tab.id} />
          </div>
          <ParetoResults run={current} theme={theme} />
        </div>
      )}
    </AnalysisLayout>
  );
}
