import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, RunActions, RunStatus, showSqlInEditor, useAnalysisRun, useRunOnOpen, useTable, useTables } from '../analysis';
import { defaultForm, missingStep, readForm, type QuadrantForm } from './form';
import { QuadrantResults } from './QuadrantResults';
import { QuadrantSettings } from './QuadrantSettings';
import { formKey, runQuadrant, runSql, type QuadrantRun } from './run';
import './quadrant.css';

/** Editor kind 'quadrant' (command analysis.quadrant): settings on the left, the quadrant and priorities on the right. */
export function QuadrantEditor({ tab, theme, setData }: EditorProps) {
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
    (patch: Partial<QuadrantForm>) => {
      const next = { ...formRef.current, ...patch };
      // Another table has other columns: start from its guesses, keep the method and grid settings.
      const table =
        patch.table !== undefined && patch.table !== formRef.current.table
          ? { ...defaultForm(tables.find((x) => x.name === patch.table), patch.table), method: next.method, crosshair: next.crosshair, axes: next.axes, missing: next.missing }
          : next;
      setData({ form: table, table: table.table });
    },
    [setData, tables],
  );

  const { state, run, cancel } = useAnalysisRun<QuadrantRun>({ id: tab.id, problemFile: t('quadrant.title'), fallbackCode: 'sql' });
  const start = useCallback(() => {
    const f = formRef.current;
    void run(() => runQuadrant(engine, f, tab.id));
  }, [engine, run, tab.id]);

  const need = missingStep(form);
  useRunOnOpen(tab, setData, need === null && tables.length > 0 && state.status === 'idle', start);

  const current = state.result;
  const running = state.status === 'running';
  const stale = !!current && current.key !== formKey(form);
  const showSql = () => current && showSqlInEditor(runSql(current, t('quadrant.editor.sqlReference')), t('quadrant.editor.sqlComment', { table: current.spec.table, count: current.spec.drivers.length }));

  const actions = (
    <RunActions hasResult={!!current} running={running} onRun={start} onCancel={() => void cancel()} disabled={!!need} title={need ? t(`quadrant.editor.need.${need}`) : undefined} sql={current ? runSql(current, t('quadrant.editor.sqlReference')) : null} sqlTitle={current ? t('quadrant.editor.sqlComment', { table: current.spec.table, count: current.spec.drivers.length }) : ''} />
  );

  return (
    <AnalysisLayout notesId={tab.id} form={<QuadrantSettings form={form} onChange={onChange} />} actions={actions} testId="quadrant-editor">
      {!tables.length && <div className="tn-an-empty">{t('export.analysis.noTables')}</div>}
      <RunStatus state={state} onCancel={() => void cancel()} />
      {!current && state.status === 'idle' && tables.length > 0 && <div className="tn-an-empty">{need ? t(`quadrant.editor.need.${need}`) : t('export.analysis.empty')}</div>}
      {current && (
        <div className={stale || running ? 'tn-an-stale' : undefined} data-testid="qd-results" data-lang={i18n.language}>
          <div className="tn-an-toolbar">
            <span data-testid="qd-summary">
              {t('quadrant.editor.summary', { rows: current.result.overall.rows.toLocaleString(i18n.language), drivers: current.spec.drivers.length, table: current.spec.table })}
              {state.status === 'done' && ` · ${t('quadrant.editor.took', { s: (state.ms / 1000).toFixed(1) })}`}
            </span>
            {stale && !running && <span className="tn-qd-stale">{t('export.analysis.staleResult')}</span>}
            <span className="spacer" />
            <button type="button" className="tn-an-link" onClick={showSql}>
              <span className="codicon codicon-code" aria-hidden />
              {t('export.analysis.showSql')}
            </button>
          </div>
          <QuadrantResults key={current.key} run={current} theme={theme} />
        </div>
      )}
    </AnalysisLayout>
  );
}
