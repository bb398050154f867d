import { useTranslation } from 'react-i18next';
import { CONF_TYPES, type ConfType } from '../../../shared/analysis/survival/km';
import { DATE_UNITS, type DateUnit } from '../../../shared/analysis/survival/spec';
import { ColumnPicker, FormSection, Select, SqlFragmentField, TablePicker, ValuePicker, useTables } from '../analysis';
import { Segmented } from './Segmented';
import { TextField } from './TextField';
import { groupTablePatch, type FormProblem, type SurvivalForm } from './survivalForm';
import { ModelsFormSection } from './ModelsFormSection';

const DURATION_UNITS = ['months', 'weeks', 'days', 'quarters', 'years'];

export interface SurvivalFormPanelProps {
  form: SurvivalForm;
  problems: FormProblem[];
  /** Show problems only after a Run attempt (a fresh form is not an error). */
  showProblems: boolean;
  onChange(patch: Partial<SurvivalForm>): void;
  onTable(table: string): void;
  onOpenReasons(): void;
}

/** The survival spec form: table, time (duration or dates), event + churn values, group, options. */
export function SurvivalFormPanel({ form, problems, showProblems, onChange, onTable, onOpenReasons }: SurvivalFormPanelProps) {
  const { t } = useTranslation();
  const err = (field: keyof SurvivalForm) => {
    const p = showProblems ? problems.find((x) => x.field === field) : undefined;
    return p ? t(p.key) : undefined;
  };
  const col = (v: string | null) => v ?? '';
  const tables = useTables();
  return (
    <>
      <FormSection title={t('survival.form.time')}>
        <TablePicker label={t('survival.form.table')} value={form.table} onChange={onTable} testId="sv-table" />
        <Segmented
          value={form.timeKind}
          onChange={(timeKind) => onChange({ timeKind })}
          options={[
            { value: 'duration', label: t('survival.form.timeDuration') },
            { value: 'dates', label: t('survival.form.timeDates') },
          ]}
          testId="sv-time-kind"
        />
        {form.timeKind === 'duration' ? (
          <div className="tn-an-row tn-sv-row-unit">
            <ColumnPicker label={t('survival.form.duration')} table={form.table} value={form.duration || null} accept={['number']} onChange={(v) => onChange({ duration: col(v) })} hint={err('duration')} testId="sv-duration" />
            <Select label={t('survival.form.unit')} value={form.unit} options={[...new Set([form.unit, ...DURATION_UNITS])].map((u) => ({ value: u, label: t(`survival.units.${u}`, { defaultValue: u }) }))} onChange={(unit) => onChange({ unit })} testId="sv-unit" />
          </div>
        ) : (
          <>
            <ColumnPicker label={t('survival.form.start')} table={form.table} value={form.start || null} accept={['date', 'string']} onChange={(v) => onChange({ start: col(v) })} hint={err('start')} testId="sv-start" />
            <ColumnPicker label={t('survival.form.end')} table={form.table} value={form.end || null} accept={['date', 'string']} onChange={(v) => onChange({ end: col(v) })} hint={t('survival.form.endHint')} testId="sv-end" />
            <div className="tn-an-row">
              <Select<DateUnit> label={t('survival.form.dateUnit')} value={form.dateUnit} options={DATE_UNITS.map((u) => ({ value: u, label: t(`survival.units.${u}`) }))} onChange={(dateUnit) => onChange({ dateUnit })} />
              <TextField label={t('survival.form.asOf')} type="date" value={form.asOf} onChange={(asOf) => onChange({ asOf })} hint={t('survival.form.asOfHint')} error={err('asOf')} />
            </div>
          </>
        )}
      </FormSection>
      <FormSection title={t('survival.form.eventSection')}>
        <ColumnPicker
          label={t('survival.form.event')}
          table={form.table}
          value={form.event || null}
          emptyLabel={form.timeKind === 'dates' ? t('survival.form.eventNone') : undefined}
          onChange={(v) => onChange({ event: col(v), eventValues: [] })}
          hint={err('event')}
          testId="sv-event"
        />
        {form.event && (
          <ValuePicker label={t('survival.form.eventValues')} table={form.table} column={form.event} value={form.eventValues} onChange={(eventValues) => onChange({ eventValues })} hint={err('eventValues')} testId="sv-event-values" />
        )}
        <Select
          label={t('survival.form.groupFrom')}
          value={form.groupTable}
          options={[{ value: '', label: t('survival.form.groupFromSame') }, ...tables.filter((x) => x.name !== form.table).map((x) => ({ value: x.name, label: x.name }))]}
          onChange={(groupTable) => onChange(groupTablePatch(groupTable, tables.find((x) => x.name === groupTable)?.columns ?? [], tables.find((x) => x.name === form.table)?.columns ?? []))}
          testId="sv-group-table"
        />
        <ColumnPicker label={t('survival.form.group')} table={form.groupTable || form.table} value={form.group || null} emptyLabel={t('survival.form.none')} onChange={(v) => onChange({ group: col(v), bands: '' })} testId="sv-group" />
        {form.groupTable && (
          <>
            <ColumnPicker label={t('survival.form.groupKey', { table: form.groupTable })} table={form.groupTable} value={form.groupKey || null} onChange={(v) => onChange({ groupKey: col(v) })} hint={err('groupKey')} testId="sv-group-key" />
            <ColumnPicker label={t('survival.form.groupOn', { table: form.table })} table={form.table} value={form.groupOn || null} onChange={(v) => onChange({ groupOn: col(v) })} testId="sv-group-on" />
          </>
        )}
        <ColumnPicker label={t('survival.form.reason')} table={form.table} value={form.reason || null} accept={['string']} emptyLabel={t('survival.form.none')} onChange={(v) => onChange({ reason: col(v) })} testId="sv-reason" />
        {form.reason && form.event && form.eventValues.length > 0 && (
          <button type="button" className="button secondary small tn-sv-open-reasons" onClick={onOpenReasons} data-testid="sv-open-reasons">
            <span className="codicon codicon-graph" aria-hidden /> {t('survival.form.openReasons')}
          </button>
        )}
      </FormSection>
      <ModelsFormSection form={form} onChange={onChange} error={err} />
      <FormSection title={t('survival.form.advanced')} defaultOpen={false}>
        <SqlFragmentField label={t('survival.form.where')} value={form.where} onChange={(where) => onChange({ where })} placeholder={t('survival.form.wherePlaceholder')} testId="sv-where" />
        <Select<ConfType> label={t('survival.form.confType')} value={form.confType} options={CONF_TYPES.map((c) => ({ value: c, label: t(`survival.form.confTypes.${c}`) }))} onChange={(confType) => onChange({ confType })} />
        <TextField label={t('survival.form.horizons')} value={form.horizons} onChange={(horizons) => onChange({ horizons })} placeholder={t('survival.form.horizonsPlaceholder')} error={err('horizons')} testId="sv-horizons" />
        <TextField label={t('survival.form.rmeanTau')} value={form.rmeanTau} onChange={(rmeanTau) => onChange({ rmeanTau })} placeholder={t('survival.form.rmeanPlaceholder')} error={err('rmeanTau')} />
      </FormSection>
    </>
  );
}
