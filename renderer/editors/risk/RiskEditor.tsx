import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeOnce } from '../../study/preparedRuns';
import { computeRisk, type RiskResult } from '../../../shared/analysis/risk/compute';
import type { EconomicsInput } from '../../../shared/analysis/risk/spec';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, FormProblems, RunActions, RunStatus, useAnalysisRun, useRunOnOpen, useTable, useTables } from '../analysis';
import { useEventGuess } from '../survival/useEventGuess';
import { RiskResults } from './RiskResults';
import { RiskSettings } from './RiskSettings';
import { guessRiskForm, restoreRiskForm, riskProblems, riskSpecOf, runKey, type RiskForm } from './riskForm';
import './risk.css';

/** Editor kind 'risk' (command analysis.risk): value at risk, the call list and the retention economics. */
export function RiskEditor({ tab, theme, setData }: EditorProps) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const tables = useTables();
  const initialTable = String(tab.data.table ?? '') || tables[0]?.name || '';
  const info = useTable(initialTable);
  const [form, setForm] = useState<RiskForm>(() => restoreRiskForm(tab.data.form, initialTable) ?? guessRiskForm(initialTable, info?.columns ?? [], tables));
  const [tried, setTried] = useState(false);
  const { state, run, cancel } = useAnalysisRun<RiskResult>({ id: tab.id, problemFile: t('risk.title') });

  // The form lives in the tab: it survives a reload, feeds the deck and the brief, and `table` the status bar.
  useEffect(() => setData({ form, table: form.table }), [form, setData]);
  const patch = useCallback((p: Partial<RiskForm>) => setForm((f) => ({ ...f, ...p })), []);
  const onTable = useCallback((table: string) => setForm((f) => ({ ...guessRiskForm(table, tables.find((x) => x.name === table)?.columns ?? [], tables), economics: f.economics })), [tables]);
  const onEconomics = useCallback((p: Partial<EconomicsInput>) => setForm((f) => ({ ...f, economics: { ...f.economics, ...p } })), []);
  useEventGuess(form.table, form.event, form.eventValues, (eventValues) => patch({ eventValues }));

  const problems = useMemo(() => riskProblems(form), [form]);
  const key = problems.length ? null : runKey(form);
  const doRun = useCallback(() => {
    setTried(true);
    if (!key) return;
    const spec = riskSpecOf(form);
    void run(() => computeOnce(tab.id, spec, () => computeRisk(engine, spec)), key);
  }, [key, form, run, engine, tab.id]);
  useRunOnOpen(tab, setData, !!key && !!info && state.status === 'idle', doRun);


  const result = state.result;
  const stale = !!result && state.key !== key;
  return (
    <AnalysisLayout
      testId="risk-editor"
      notesId={tab.id}
      form={<RiskSettings form={form} problems={problems} showProblems={tried} onChange={patch} onTable={onTable} />}
      actions={<RunActions hasResult={!!result} running={state.status === 'running'} onRun={doRun} sql={result ? result.sql : null} sqlTitle={`${t('risk.title')}: ${form.table}`} />}
    >
      <RunStatus state={state} onCancel={() => void cancel()} />
      <FormProblems show={tried} problems={problems} />
      {!result && state.status !== 'running' && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {result && (
        <div className={stale || state.status === 'running' ? 'tn-an-stale' : undefined} data-testid="risk-results">
          <RiskResults result={result} economics={form.economics} onEconomics={onEconomics} theme={theme} notes={[stale ? t('export.analysis.staleResult') : null]} />
        </div>
      )}
    </AnalysisLayout>
  );
}
