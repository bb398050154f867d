import { useTranslation } from 'react-i18next';
import { Checkbox, ColumnPicker, FormSection, MultiColumnPicker, Select, SqlFragmentField, TablePicker, ValuePicker, useTables } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { TextField } from '../survival/TextField';
import type { RiskForm, RiskProblem } from './riskForm';

const UNITS = ['months', 'weeks', 'days', 'quarters', 'years'];

export interface RiskSettingsProps {
  form: RiskForm;
  problems: RiskProblem[];
  showProblems: boolean;
  onChange(patch: Partial<RiskForm>): void;
  onTable(table: string): void;
}

/** The value-at-risk form: customers and churn, value and segment, horizon, classes, call-list order. */
export function RiskSettings({ form, problems, showProblems, onChange, onTable }: RiskSettingsProps) {
  const { t } = useTranslation();
  const tables = useTables();
  const err = (field: keyof RiskForm) => {
    const p = showProblems ? problems.find((x) => x.field === field) : undefined;
    return p ? t(p.key) : undefined;
  };
  const col = (v: string | null) => v ?? '';
  return (
    <>
      <FormSection title={t('risk.form.customers')}>
        <TablePicker label={t('survival.form.table')} value={form.table} onChange={onTable} testId="rk-table" />
        <ColumnPicker label={t('risk.form.customer')} table={form.table} value={form.customer || null} onChange={(v) => onChange({ customer: col(v) })} hint={err('customer')} testId="rk-customer" />
        <div className="tn-an-row tn-sv-row-unit">
          <ColumnPicker label={t('risk.form.tenure')} table={form.table} value={form.duration || null} accept={['number']} onChange={(v) => onChange({ duration: col(v) })} hint={err('duration')} testId="rk-tenure" />
          <Select label={t('survival.form.unit')} value={form.unit} options={[...new Set([form.unit, ...UNITS])].map((u) => ({ value: u, label: t(`survival.units.${u}`, { defaultValue: u }) }))} onChange={(unit) => onChange({ unit })} testId="rk-unit" />
        </div>
        <ColumnPicker label={t('survival.form.event')} table={form.table} value={form.event || null} onChange={(v) => onChange({ event: col(v), eventValues: [] })} hint={err('event')} testId="rk-event" />
        {form.event && <ValuePicker label={t('survival.form.eventValues')} table={form.table} column={form.event} value={form.eventValues} onChange={(eventValues) => onChange({ eventValues })} hint={err('eventValues')} testId="rk-event-values" />}
      </FormSection>
      <FormSection title={t('risk.form.valueSection')}>
        <Segmented
          value={form.valueKind}
          onChange={(valueKind) => onChange({ valueKind })}
          options={[
            { value: 'column', label: t('export.analysis.column') },
            { value: 'expr', label: t('export.analysis.expression') },
          ]}
          testId="rk-value-kind"
        />
        {form.valueKind === 'column' ? (
          <ColumnPicker label={t('risk.form.value')} table={form.table} value={form.valueColumn || null} accept={['number']} onChange={(v) => onChange({ valueColumn: col(v) })} hint={err('valueColumn') ?? t('risk.form.valueHint')} testId="rk-value" />
        ) : (
          <SqlFragmentField label={t('risk.form.value')} value={form.valueExpr} onChange={(valueExpr) => onChange({ valueExpr })} placeholder={'"MonthlyCharges" * 12'} hint={err('valueColumn') ?? t('export.analysis.exprHint')} testId="rk-value-expr" />
        )}
        <ColumnPicker label={t('risk.form.segment')} table={form.table} value={form.segment || null} emptyLabel={t('survival.form.none')} onChange={(v) => onChange({ segment: col(v) })} hint={t('risk.form.segmentHint')} testId="rk-segment" />
        <div className="tn-an-row">
          <TextField label={t('risk.form.horizon', { unit: t(`survival.units.${form.unit}`, { defaultValue: form.unit }) })} value={form.horizon} onChange={(horizon) => onChange({ horizon })} error={err('horizon')} testId="rk-horizon" />
          <TextField label={t('risk.form.minAtRisk')} value={form.minAtRisk} onChange={(minAtRisk) => onChange({ minAtRisk })} error={err('minAtRisk')} testId="rk-min-at-risk" />
        </div>
        <div className="tn-an-hint">{t('risk.form.minAtRiskHint')}</div>
        <Segmented
          value={form.modelKind ?? 'km'}
          onChange={(modelKind) => onChange({ modelKind })}
          label={t('cox.risk.model')}
          options={[
            { value: 'km', label: t('cox.risk.km') },
            { value: 'cox', label: t('cox.risk.cox') },
          ]}
          testId="rk-model"
        />
        {form.modelKind === 'cox' && (
          <MultiColumnPicker label={t('cox.risk.covariates')} table={form.table} value={form.coxCovariates ?? []} accept={['number', 'string', 'bool']} onChange={(coxCovariates) => onChange({ coxCovariates })} hint={err('coxCovariates') ?? t('cox.risk.hint')} testId="rk-cox-covariates" />
        )}
      </FormSection>
      <FormSection title={t('risk.form.classesSection')}>
        <Select<RiskForm['classesKind']>
          label={t('risk.form.classes')}
          value={form.classesKind}
          options={[
            { value: 'table', label: t('risk.form.classesTable') },
            { value: 'pareto', label: t('risk.form.classesPareto') },
            { value: 'none', label: t('risk.form.classesNone') },
          ]}
          onChange={(classesKind) => onChange({ classesKind })}
          testId="rk-classes-kind"
        />
        {form.classesKind === 'table' && (
          <>
            <Select
              label={t('risk.form.classesTableName')}
              value={form.classesTable}
              options={[{ value: '', label: t('export.analysis.chooseColumn') }, ...tables.filter((x) => x.name !== form.table).map((x) => ({ value: x.name, label: x.name }))]}
              onChange={(classesTable) => {
                const cols = tables.find((x) => x.name === classesTable)?.columns ?? [];
                onChange({ classesTable, classesKey: cols.find((c) => /^customer$/i.test(c.name))?.name ?? '', classesColumn: cols.find((c) => /^class$/i.test(c.name))?.name ?? '' });
              }}
              hint={err('classesTable') ?? t('risk.form.classesTableHint')}
              testId="rk-classes-table"
            />
            {form.classesTable && (
              <div className="tn-an-row">
                <ColumnPicker label={t('risk.form.classesKey')} table={form.classesTable} value={form.classesKey || null} onChange={(v) => onChange({ classesKey: col(v) })} testId="rk-classes-key" />
                <ColumnPicker label={t('risk.form.classesColumn')} table={form.classesTable} value={form.classesColumn || null} onChange={(v) => onChange({ classesColumn: col(v) })} testId="rk-classes-column" />
              </div>
            )}
          </>
        )}
        {form.classesKind === 'pareto' && (
          <ColumnPicker label={t('risk.form.classesValue')} table={form.table} value={form.classesValue || null} accept={['number']} onChange={(v) => onChange({ classesValue: col(v) })} hint={err('classesValue') ?? t('risk.form.classesValueHint')} testId="rk-classes-value" />
        )}
        <Checkbox label={t('risk.form.aFirst')} checked={form.aFirst} onChange={(aFirst) => onChange({ aFirst })} hint={t('risk.form.aFirstHint')} testId="rk-a-first" />
      </FormSection>
      <FormSection title={t('survival.form.advanced')} defaultOpen={false}>
        <SqlFragmentField label={t('survival.form.where')} value={form.where} onChange={(where) => onChange({ where })} placeholder={t('survival.form.wherePlaceholder')} testId="rk-where" />
      </FormSection>
    </>
  );
}
