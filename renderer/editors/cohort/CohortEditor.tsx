import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cohortCurveOption, cohortHeatmapOption, partialNote } from '../../../shared/analysis/cohort/chart';
import { computeOnce } from '../../study/preparedRuns';
import { computeCohorts, type CohortResult } from '../../../shared/analysis/cohort/compute';
import { PERIODS, type Period } from '../../../shared/analysis/cohort/spec';
import { pct, type Translate } from '../../../shared/analysis/survival/format';
import type { ChartTheme } from '../../../shared/charts/theme';
import { cohortFinding, cohortTakeaway } from '../../../shared/deck/findings';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { AnalysisLayout, ChartCard, ColumnPicker, FormSection, HeadlineBanner, RunStatus, SqlFragmentField, TableCard, TablePicker, useAnalysisRun, useRunOnOpen, useFormatters, useTable , RunActions, FormProblems } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { byValue, cohortProblems, cohortSpecOf, cohortTableData, guessCohortForm, restoreCohortForm, type CohortForm, type Measure } from './cohortForm';
import '../survival/survival.css';

/** Cohort retention: who is still active k periods after their first activity, as a triangle. */
export function CohortEditor({ tab, theme, setData }: EditorProps) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const { engine } = useServices();
  const f = useFormatters();
  const initialTable = String(tab.data.table ?? '');
  const info = useTable(initialTable);
  const [form, setForm] = useState<CohortForm>(() => restoreCohortForm(tab.data.form, initialTable) ?? guessCohortForm(initialTable, info?.columns ?? []));
  const [tried, setTried] = useState(false);
  const { state, run, cancel } = useAnalysisRun<CohortResult>({ id: tab.id, problemFile: t('survival.cohort.title') });
  useEffect(() => setData({ form, table: form.table }), [form, setData]);
  const patch = useCallback((p: Partial<CohortForm>) => setForm((x) => ({ ...x, ...p })), []);
  const sources = useWorkbench((s) => s.sources);
  const onTable = (table: string) => setForm(guessCohortForm(table, sources.flatMap((s) => s.tables).find((x) => x.name === table)?.columns ?? []));

  const problems = useMemo(() => cohortProblems(form), [form]);
  const specKey = problems.length ? null : JSON.stringify(cohortSpecOf(form));
  const doRun = () => {
    setTried(true);
    if (!specKey) return;
    void run(() => computeOnce(tab.id, JSON.parse(specKey), () => computeCohorts(engine, JSON.parse(specKey))), specKey);
  };
  useRunOnOpen(tab, setData, !!specKey && !!info && state.status === 'idle', doRun);

  const err = (field: keyof CohortForm) => (tried ? problems.find((p) => p.field === field)?.key : undefined);

  const raw = state.result;
  const measure: Measure = form.measure === 'value' && raw?.cohorts.every((c) => c.valueRetention) ? 'value' : 'customers';
  const result = useMemo(() => (raw && measure === 'value' ? byValue(raw) : raw), [raw, measure]);
  const stale = !!raw && state.key !== specKey;
  const fileTitle = `${t('survival.cohort.title')} ${form.table}`.trim();

  const heatmap = useCallback(
    (th: ChartTheme) => {
      const o = cohortHeatmapOption(result!, tr, th);
      if (measure !== 'value') return o;
      // The shared tooltip counts customers; with the value measure show the amounts instead.
      return { ...o, tooltip: { trigger: 'item' as const, formatter: (p: unknown) => valueTooltip(raw!, tr, f.amount, (p as { value: number[] }).value) } };
    },
    [result, raw, measure, tr, f],
  );
  const curve = useCallback((th: ChartTheme) => cohortCurveOption(result!, tr, th), [result, tr]);
  const table = useMemo(() => (result ? cohortTableData(result, measure, tr) : null), [result, measure, tr]);

  const formView = (
    <>
      <FormSection title={t('survival.cohortForm.data')}>
        <TablePicker label={t('survival.form.table')} value={form.table} onChange={onTable} testId="co-table" />
        <ColumnPicker label={t('survival.cohortForm.customer')} table={form.table} value={form.customer || null} onChange={(v) => patch({ customer: v ?? '' })} hint={err('customer') && t(err('customer')!)} testId="co-customer" />
        <ColumnPicker label={t('survival.cohortForm.date')} table={form.table} value={form.date || null} accept={['date', 'string']} onChange={(v) => patch({ date: v ?? '' })} hint={err('date') && t(err('date')!)} testId="co-date" />
        <SqlFragmentField label={t('survival.cohortForm.value')} value={form.valueExpr} onChange={(valueExpr) => patch({ valueExpr })} placeholder={t('survival.cohortForm.valuePlaceholder')} hint={err('valueExpr') && t(err('valueExpr')!)} testId="co-value" />
        <SqlFragmentField label={t('survival.form.where')} value={form.where} onChange={(where) => patch({ where })} hint={t('export.analysis.whereHint')} testId="co-where" />
      </FormSection>
      <FormSection title={t('survival.cohortForm.view')}>
        <div className="tn-an-label">{t('survival.cohortForm.period')}</div>
        <Segmented<Period> value={form.period} onChange={(period) => patch({ period })} options={PERIODS.map((p) => ({ value: p, label: t(`survival.cohortForm.periods.${p}`) }))} testId="co-period" />
        <div className="tn-an-label tn-sv-label-gap">{t('survival.cohortForm.measure')}</div>
        <Segmented<Measure>
          value={form.measure}
          onChange={(m) => patch({ measure: m })}
          options={[
            { value: 'customers', label: t('survival.cohortForm.measures.customers') },
            { value: 'value', label: t('survival.cohortForm.measures.value') },
          ]}
          testId="co-measure"
        />
      </FormSection>
    </>
  );

  const actions = (
    <RunActions hasResult={!!raw} running={state.status === 'running'} onRun={doRun} sql={raw ? raw.sql : null} sqlTitle={`${t('survival.cohort.title')}: ${form.table}`} />
  );

  return (
    <AnalysisLayout testId="cohort-editor" notesId={tab.id} form={formView} actions={actions}>
      <RunStatus state={state} onCancel={() => void cancel()} />
      <FormProblems show={tried} problems={problems} />
      {!raw && state.status !== 'running' && <div className="tn-an-empty">{t('export.analysis.empty')}</div>}
      {result && table && (
        <div className={stale || state.status === 'running' ? 'tn-an-stale' : undefined} data-testid="cohort-results">
          <HeadlineBanner
            text={cohortFinding(result, t)}
            notes={[cohortTakeaway(result, t), partialNote(result, tr) ?? null, stale ? t('export.analysis.staleResult') : null, excludedNote(result, t)]}
          />
          {result.cohorts.length === 0 ? (
            <div className="tn-an-empty">{t('export.finding.none')}</div>
          ) : (
            <>
              <ChartCard caption={t('survival.cohort.title')} build={heatmap} theme={theme} fileTitle={fileTitle} height={Math.max(320, 150 + result.cohorts.length * 30)} testId="cohort-heatmap" />
              <ChartCard caption={t('survival.cohort.curveTitle')} build={curve} theme={theme} fileTitle={`${fileTitle} curve`} height={360} testId="cohort-curve" />
              <TableCard
                title={t('survival.cohortForm.tableTitle')}
                columns={table.columns.map((c, i) => ({ title: c, kind: i === 0 ? 'text' : i === 1 ? 'count' : 'share' }))}
                rows={table.rows}
                totalRow={table.rows.length - 1}
                format={(v, kind) => (v === null || v === undefined ? '' : kind === 'share' ? pct(Number(v)) : kind === 'count' ? f.count(Number(v)) : String(v))}
                fileTitle={fileTitle}
                testId="cohort-table"
              />
            </>
          )}
        </div>
      )}
    </AnalysisLayout>
  );
}

function valueTooltip(raw: CohortResult, t: Translate, amount: (v: number | null) => string, value: number[]): string {
  const [k, y, r] = value;
  const c = raw.cohorts[y];
  return t('survival.cohortForm.valueTooltip', { cohort: c.cohort, offset: k, pct: pct(r), value: amount(c.value?.[k] ?? null), first: amount(c.value?.[0] ?? null) });
}

function excludedNote(r: CohortResult, t: (k: string, o?: Record<string, unknown>) => string): string | null {
  const e = r.excluded;
  return e.missingCustomer + e.missingDate > 0 ? t('survival.cohortForm.excluded', e) : null;
}
