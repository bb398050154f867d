import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeOnce } from '../../study/preparedRuns';
import { reasonsParetoOption } from '../../../shared/analysis/reasons/chart';
import { computeReasons, type ReasonsResult } from '../../../shared/analysis/reasons/compute';
import type { Translate } from '../../../shared/analysis/survival/format';
import type { ChartTheme } from '../../../shared/charts/theme';
import { reasonsFinding, reasonsTakeaway } from '../../../shared/deck/findings';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, ChartCard, ColumnPicker, FormSection, HeadlineBanner, RunStatus, Select, SqlFragmentField, TableCard, TablePicker, ValuePicker, useAnalysisRun, useRunOnOpen, useFormatters, useTable, useTables, RunActions, FormProblems } from '../analysis';
import { useEventGuess } from '../survival/useEventGuess';
import { guessReasonsForm, reasonsProblems, reasonsSpecOf, restoreReasonsForm, retagResult, type ReasonsForm } from './reasonsForm';
import { TagTable } from './TagTable';
import '../survival/survival.css';

const OVERALL = '\u0000overall';

/** Churn reasons: a Pareto of the stated reasons among churned customers, tagged controllable or not. */
export function ReasonsEditor({ tab, theme, setData }: EditorProps) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const { engine } = useServices();
  const f = useFormatters();
  const initialTable = String(tab.data.table ?? '');
  const info = useTable(initialTable);
  const tables = useTables();
  const [form, setForm] = useState<ReasonsForm>(() => restoreReasonsForm(tab.data.form, initialTable) ?? guessReasonsForm(initialTable, info?.columns ?? []));
  const [tried, setTried] = useState(false);
  const [shown, setShown] = useState(OVERALL);
  const { state, run, cancel } = useAnalysisRun<ReasonsResult>({ id: tab.id, problemFile: t('survival.reasons.title') });
  useEffect(() => setData({ form, table: form.table }), [form, setData]);
  const patch = useCallback((p: Partial<ReasonsForm>) => setForm((x) => ({ ...x, ...p })), []);
  useEventGuess(form.table, form.event, form.eventValues, (eventValues) => patch({ eventValues }));

  const problems = useMemo(() => reasonsProblems(form), [form]);
  const specKey = problems.length ? null : JSON.stringify(reasonsSpecOf(form));
  const doRun = useCallback(() => {
    setTried(true);
    if (!specKey) return;
    void run(() => computeOnce(tab.id, JSON.parse(specKey), () => computeReasons(engine, JSON.parse(specKey))), specKey);
  }, [specKey, run, engine, tab.id]);
  useRunOnOpen(tab, setData, !!specKey && state.status === 'idle', doRun);

  // Opened from the survival editor with everything chosen: run straight away.
  const [autoRun] = useState(() => !!tab.data.form && !state.result && reasonsProblems(form).length === 0);
  useEffect(() => {
    if (autoRun) doRun();
    // Once, on open: later runs are the user's (Run button).
  }, [autoRun]);

  const raw = state.result;
  const result = useMemo(() => (raw ? retagResult(raw, form.tags) : null), [raw, form.tags]);
  const table = result ? (result.groups.find((g) => g.name === shown) ?? result.overall) : null;
  const build = useCallback((th: ChartTheme) => reasonsParetoOption(table!, tr, th), [table, tr]);
  const stale = !!raw && state.key !== specKey;
  const fileTitle = `${t('survival.reasons.title')} ${form.table}`.trim();
  const share = (v: number | null) => f.share(v);

  const formView = (
    <FormSection title={t('survival.reasonsForm.data')}>
      <TablePicker label={t('survival.form.table')} value={form.table} onChange={(table) => setForm(guessReasonsForm(table, tables.find((x) => x.name === table)?.columns ?? []))} testId="rs-table" />
      <ColumnPicker label={t('survival.form.reason')} table={form.table} value={form.reason || null} accept={['string']} onChange={(v) => patch({ reason: v ?? '' })} testId="rs-reason" />
      <ColumnPicker label={t('survival.form.event')} table={form.table} value={form.event || null} onChange={(v) => patch({ event: v ?? '', eventValues: [] })} testId="rs-event" />
      {form.event && <ValuePicker label={t('survival.form.eventValues')} table={form.table} column={form.event} value={form.eventValues} onChange={(eventValues) => patch({ eventValues })} testId="rs-event-values" />}
      <ColumnPicker label={t('survival.form.group')} table={form.table} value={form.group || null} emptyLabel={t('survival.form.none')} onChange={(v) => patch({ group: v ?? '' })} testId="rs-group" />
      <SqlFragmentField label={t('survival.form.where')} value={form.where} onChange={(where) => patch({ where })} hint={t('export.analysis.whereHint')} />
    </FormSection>
  );

  const actions = (
    <RunActions hasResult={!!raw} running={state.status === 'running'} onRun={doRun} sql={raw ? raw.sql : null} sqlTitle={`${t('survival.reasons.title')}: ${form.table}`} />
  );

  return (
    <AnalysisLayout testId="reasons-editor" notesId={tab.id} form={formView} actions={actions}>
      <RunStatus state={state} onCancel={() => void cancel()} />
      <FormProblems show={tried} problems={problems} />
      {!raw && state.status !== 'running' && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {result && table && (
        <div className={stale || state.status === 'running' ? 'tn-an-stale' : undefined} data-testid="reasons-results">
          <HeadlineBanner text={reasonsFinding(result, t)} notes={[reasonsTakeaway(result, t), stale ? t('export.analysis.staleResult') : null]} />
          {result.groups.length > 0 && (
            <div className="tn-an-toolbar">
              <div className="tn-sv-toggles">
                <Select label={t('survival.reasonsForm.show')} value={shown} onChange={setShown} options={[{ value: OVERALL, label: t('survival.all') }, ...result.groups.map((g) => ({ value: g.name ?? '', label: g.name || t('survival.blank') }))]} />
              </div>
            </div>
          )}
          <ChartCard caption={t('survival.reasons.title')} build={build} theme={theme} fileTitle={fileTitle} height={420} testId="reasons-chart" />
          <TagTable table={table} tags={form.tags} onTags={(tags) => patch({ tags })} fileTitle={fileTitle} />
          {result.groups.length > 0 && (
            <TableCard
              title={t('survival.reasonsForm.byGroup')}
              columns={[
                { title: t('survival.table.group'), kind: 'text' },
                { title: t('survival.reasons.count'), kind: 'count' },
                { title: t('survival.reasons.controllable'), kind: 'share' },
                { title: t('survival.reasons.notControllable'), kind: 'share' },
                { title: t('survival.reasons.untagged'), kind: 'share' },
              ]}
              rows={[result.overall, ...result.groups].map((g) => [g.name === null ? t('survival.all') : g.name || t('survival.blank'), g.churned, g.controllableShare, g.notControllableShare, g.untaggedShare])}
              format={(v, kind) => (kind === 'share' ? share(v as number | null) : kind === 'count' ? f.count(Number(v)) : String(v ?? ''))}
              totalRow={0}
              fileTitle={`${fileTitle} groups`}
              testId="reasons-groups"
            />
          )}
        </div>
      )}
    </AnalysisLayout>
  );
}
