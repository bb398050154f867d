import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeOnce } from '../../study/preparedRuns';
import { computeSurvival, type SurvivalResult } from '../../../shared/analysis/survival/compute';
import { hazardFinding, hazardTakeaway, survivalFinding, survivalTakeaway } from '../../../shared/deck/findings';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, HeadlineBanner, RunStatus, useAnalysisRun, useRunOnOpen, useTable , RunActions, FormProblems } from '../analysis';
import { HazardPanel } from './HazardPanel';
import { KmChartCard } from './KmChartCard';
import { Segmented } from './Segmented';
import { SurvivalFormPanel } from './SurvivalFormPanel';
import { SurvivalTableCard } from './SurvivalTableCard';
import { guessSurvivalForm, restoreSurvivalForm, survivalProblems, survivalSpecOf, type SurvivalForm } from './survivalForm';
import { useEventGuess } from './useEventGuess';
import { withHazardWidth } from './survivalTable';
import { IncidencePanel } from './IncidencePanel';
import { PairwiseCard } from './PairwiseCard';
import { RmstPanel } from './RmstPanel';
import { useReasonTags } from './useReasonTags';
import { incidenceFinding, rmstFinding, rmstTakeaway } from '../../../shared/analysis/survival/modelsText';
import type { Translate } from '../../../shared/analysis/survival/format';
import './survival.css';

type View = 'curves' | 'hazard' | 'rmst' | 'incidence';
const VIEWS: View[] = ['curves', 'hazard', 'rmst', 'incidence'];

/** Churn-time (Kaplan-Meier) editor: spec form on the left; curves + table or the hazard on the right. */
export function SurvivalEditor({ tab, theme, setData }: EditorProps) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const initialTable = String(tab.data.table ?? '');
  const info = useTable(initialTable);
  const [form, setForm] = useState<SurvivalForm>(() => restoreSurvivalForm(tab.data.form, initialTable) ?? guessSurvivalForm(initialTable, info?.columns ?? []));
  const [view, setView] = useState<View>(VIEWS.find((v) => v === tab.data.view) ?? 'curves');
  const [hazardWidth, setHazardWidth] = useState<number | null>(typeof tab.data.hazardWidth === 'number' ? tab.data.hazardWidth : null);
  const [tried, setTried] = useState(false);
  const { state, run, cancel } = useAnalysisRun<SurvivalResult>({ id: tab.id, problemFile: t('survival.title') });

  // Keep the tab's data in step: the form survives a reload and `table` feeds the status bar and commands.
  useEffect(() => setData({ form, table: form.table, view, hazardWidth }), [form, view, hazardWidth, setData]);

  const patch = useCallback((p: Partial<SurvivalForm>) => setForm((f) => ({ ...f, ...p })), []);
  const tables = useWorkbench((s) => s.sources);
  const onTable = useCallback(
    (table: string) => {
      const cols = tables.flatMap((s) => s.tables).find((x) => x.name === table)?.columns ?? [];
      setForm((f) => ({ ...guessSurvivalForm(table, cols), confType: f.confType }));
    },
    [tables],
  );
  useEventGuess(form.table, form.event, form.eventValues, (eventValues) => patch({ eventValues }));
  // Causes from the reasons editor's tags: follow the open reasons editor of the same table and reason.
  useReasonTags(form.table, form.reason, form.causeKind === 'tags', form.causeTags, (causeTags) => patch({ causeTags }));

  const problems = useMemo(() => survivalProblems(form), [form]);
  const specKey = useMemo(() => (problems.length ? null : JSON.stringify(survivalSpecOf(form))), [form, problems]);
  const doRun = useCallback(() => {
    setTried(true);
    if (!specKey) return;
    void run(() => computeOnce(tab.id, JSON.parse(specKey), () => computeSurvival(engine, JSON.parse(specKey))), specKey);
  }, [specKey, run, engine, tab.id]);
  useRunOnOpen(tab, setData, !!specKey && !!info && state.status === 'idle', doRun);


  const result = state.result;
  const tr = t as unknown as Translate;
  const views: View[] = result ? VIEWS.filter((v) => (v === 'incidence' ? !!result.incidence : v === 'rmst' ? !!result.rmst : true)) : VIEWS;
  const shown: View = views.includes(view) ? view : 'curves';
  // The hazard headline speaks about the intervals on screen (the width picked in the Hazard tab).
  const hazardResult = useMemo(() => (result ? withHazardWidth(result, hazardWidth ?? result.hazardWidth) : null), [result, hazardWidth]);
  const stale = !!result && state.key !== specKey;
  const fileTitle = `${t('survival.title')} ${form.table}`.trim();
  // The reasons editor groups by a column of its own table only (a looked-up group is left out).
  const openReasons = () =>
    useWorkbench.getState().openEditor({
      kind: 'reasons',
      data: { table: form.table, form: { table: form.table, reason: form.reason, event: form.event, eventValues: form.eventValues, group: form.groupTable ? '' : form.group, where: form.where, tags: {} } },
    });

  const actions = (
    <RunActions hasResult={!!result} running={state.status === 'running'} onRun={doRun} sql={result ? result.sql : null} sqlTitle={`${t('survival.title')}: ${form.table}`} />
  );

  return (
    <AnalysisLayout
      testId="survival-editor"
      notesId={tab.id}
      form={<SurvivalFormPanel form={form} problems={problems} showProblems={tried} onChange={patch} onTable={onTable} onOpenReasons={openReasons} />}
      actions={actions}
    >
      <RunStatus state={state} onCancel={() => void cancel()} />
      {state.status === 'error' && state.error.code === 'analysis.tooManyGroupsBands' && (
        <button type="button" className="button secondary small" onClick={() => patch({ bands: '4' })} data-testid="sv-use-bands">
          {t('survival.models.bands.useQuartiles')}
        </button>
      )}
      <FormProblems show={tried} problems={problems} />
      {!result && state.status !== 'running' && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {result && (
        <div className={stale || state.status === 'running' ? 'tn-an-stale' : undefined} data-testid="survival-results">
          <HeadlineBanner
            text={
              shown === 'hazard' && hazardResult ? hazardFinding(hazardResult, t) : shown === 'rmst' ? rmstFinding(result, tr) : shown === 'incidence' ? incidenceFinding(result, tr) : survivalFinding(result, t)
            }
            notes={[
              shown === 'hazard' && hazardResult
                ? hazardTakeaway(hazardResult, t)
                : shown === 'rmst' && result.rmst
                  ? rmstTakeaway(result.rmst, tr, result.unit) || null
                  : shown === 'incidence'
                    ? null
                    : survivalTakeaway(result, t),
              stale ? t('export.analysis.staleResult') : null,
              excludedNote(result, t),
            ]}
          />
          <div className="tn-sv-tabs">
            <Segmented<View>
              value={shown}
              onChange={setView}
              options={views.map((v) => ({ value: v, label: v === 'curves' || v === 'hazard' ? t(`survival.view.${v}`) : t(`survival.models.view.${v}`) }))}
              testId="sv-view"
            />
          </div>
          {shown === 'curves' && (
            <>
              <KmChartCard result={result} theme={theme} fileTitle={fileTitle} />
              <PairwiseCard result={result} fileTitle={fileTitle} />
              <SurvivalTableCard result={result} fileTitle={fileTitle} />
            </>
          )}
          {shown === 'hazard' && <HazardPanel result={result} width={hazardWidth} onWidth={setHazardWidth} theme={theme} fileTitle={fileTitle} />}
          {shown === 'rmst' && <RmstPanel result={result} theme={theme} fileTitle={fileTitle} />}
          {shown === 'incidence' && <IncidencePanel result={result} theme={theme} fileTitle={fileTitle} />}
        </div>
      )}
    </AnalysisLayout>
  );
}

function excludedNote(r: SurvivalResult, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const e = r.excluded;
  return e.missingTime + e.negativeTime + e.missingGroup > 0 ? t('survival.view.excluded', e) : null;
}
