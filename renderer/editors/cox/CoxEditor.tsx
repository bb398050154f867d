import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeCox, type CoxResult } from '../../../shared/analysis/cox/compute';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, FormProblems, RunActions, RunStatus, useAnalysisRun, useTable, useTables } from '../analysis';
import { useEventGuess } from '../survival/useEventGuess';
import { CoxResults } from './CoxResults';
import { CoxSettings } from './CoxSettings';
import { coxProblems, coxSpecOf, guessCoxForm, restoreCoxForm, runKey, type CoxForm, type CoxProfileForm } from './coxForm';
import './cox.css';

/** Editor kind 'cox' (command analysis.cox): Cox regression, its PH check and predicted survival for profiles. */
export function CoxEditor({ tab, theme, setData }: EditorProps) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const tables = useTables();
  const initialTable = String(tab.data.table ?? '') || tables[0]?.name || '';
  const info = useTable(initialTable);
  const [form, setForm] = useState<CoxForm>(() => restoreCoxForm(tab.data.form, initialTable) ?? guessCoxForm(initialTable, info?.columns ?? []));
  const [tried, setTried] = useState(false);
  const [ranKey, setRanKey] = useState<string | null>(null);
  const { state, run, cancel } = useAnalysisRun<CoxResult>({ id: tab.id, problemFile: t('cox.title') });

  useEffect(() => setData({ form, table: form.table }), [form, setData]);
  const patch = useCallback((p: Partial<CoxForm>) => setForm((f) => ({ ...f, ...p })), []);
  const onTable = useCallback((table: string) => setForm(guessCoxForm(table, tables.find((x) => x.name === table)?.columns ?? [])), [tables]);
  const onProfiles = useCallback((profiles: CoxProfileForm[]) => patch({ profiles }), [patch]);
  useEventGuess(form.table, form.event, form.eventValues, (eventValues) => patch({ eventValues }));

  const problems = useMemo(() => coxProblems(form), [form]);
  const key = problems.length ? null : runKey(form);
  const doRun = useCallback(() => {
    setTried(true);
    if (!key) return;
    setRanKey(key);
    const spec = coxSpecOf(form);
    void run(() => computeCox(engine, spec));
  }, [key, form, run, engine]);

  const result = state.result;
  const stale = !!result && ranKey !== key;
  return (
    <AnalysisLayout
      testId="cox-editor"
      form={<CoxSettings form={form} problems={problems} showProblems={tried} onChange={patch} onTable={onTable} />}
      actions={<RunActions hasResult={!!result} running={state.status === 'running'} onRun={doRun} sql={result ? result.sql : null} sqlTitle={`${t('cox.title')}: ${form.table}`} />}
    >
      <RunStatus state={state} onCancel={() => void cancel()} />
      <FormProblems show={tried} problems={problems} />
      {!result && state.status !== 'running' && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {result && (
        <div className={stale || state.status === 'running' ? 'tn-an-stale' : undefined} data-testid="cox-results">
          <CoxResults result={result} profiles={form.profiles} onProfiles={onProfiles} theme={theme} notes={[stale ? t('export.analysis.staleResult') : null]} />
        </div>
      )}
    </AnalysisLayout>
  );
}
