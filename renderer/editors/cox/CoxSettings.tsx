import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qi } from '../../../shared/engine/sqlQuote';
import { toRows } from '../../../shared/engine/arrowRows';
import { defaultReference } from '../../../shared/analysis/cox/spec';
import { useServices } from '../../workbench/services';
import { ColumnPicker, FormSection, MultiColumnPicker, Select, SqlFragmentField, TablePicker, ValuePicker, typeKind, useTable } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { TextField } from '../survival/TextField';
import type { CoxForm, CoxProblem } from './coxForm';

const UNITS = ['months', 'weeks', 'days', 'quarters', 'years'];

/** The values of a text column (sorted, at most 51) for its reference-level choice. */
function useLevels(table: string, column: string): string[] | null {
  const { engine } = useServices();
  const [levels, setLevels] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    setLevels(null);
    engine
      .query(`SELECT DISTINCT CAST(${qi(column)} AS VARCHAR) AS v FROM ${qi(table)} WHERE ${qi(column)} IS NOT NULL ORDER BY v LIMIT 51`)
      .then((r) => live && setLevels(toRows<{ v: string }>(r).map((x) => x.v)))
      .catch(() => live && setLevels([]));
    return () => {
      live = false;
    };
  }, [engine, table, column]);
  return levels;
}

function ReferencePicker({ table, column, value, onChange }: { table: string; column: string; value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  const levels = useLevels(table, column);
  if (!levels || levels.length < 2) return null;
  const def = defaultReference(levels);
  return (
    <Select
      label={t('cox.form.reference', { column })}
      value={value}
      options={[{ value: '', label: t('cox.form.referenceDefault', { level: def }) }, ...levels.map((v) => ({ value: v, label: v }))]}
      onChange={onChange}
      testId={`cx-ref-${column}`}
    />
  );
}

export function CoxSettings({ form, problems, showProblems, onChange, onTable }: { form: CoxForm; problems: CoxProblem[]; showProblems: boolean; onChange(p: Partial<CoxForm>): void; onTable(t: string): void }) {
  const { t } = useTranslation();
  const info = useTable(form.table);
  const err = (field: keyof CoxForm) => {
    const p = showProblems ? problems.find((x) => x.field === field) : undefined;
    return p ? t(p.key) : undefined;
  };
  const col = (v: string | null) => v ?? '';
  const textCovs = form.covariates.filter((c) => {
    const ty = info?.columns.find((x) => x.name === c)?.type;
    return ty !== undefined && typeKind(ty) !== 'number';
  });
  return (
    <>
      <FormSection title={t('cox.form.outcome')}>
        <TablePicker label={t('survival.form.table')} value={form.table} onChange={onTable} testId="cx-table" />
        <div className="tn-an-row tn-sv-row-unit">
          <ColumnPicker label={t('risk.form.tenure')} table={form.table} value={form.duration || null} accept={['number']} onChange={(v) => onChange({ duration: col(v) })} hint={err('duration')} testId="cx-tenure" />
          <Select label={t('survival.form.unit')} value={form.unit} options={[...new Set([form.unit, ...UNITS])].map((u) => ({ value: u, label: t(`survival.units.${u}`, { defaultValue: u }) }))} onChange={(unit) => onChange({ unit })} testId="cx-unit" />
        </div>
        <ColumnPicker label={t('survival.form.event')} table={form.table} value={form.event || null} onChange={(v) => onChange({ event: col(v), eventValues: [] })} hint={err('event')} testId="cx-event" />
        {form.event && <ValuePicker label={t('survival.form.eventValues')} table={form.table} column={form.event} value={form.eventValues} onChange={(eventValues) => onChange({ eventValues })} hint={err('eventValues')} testId="cx-event-values" />}
      </FormSection>
      <FormSection title={t('cox.form.covariatesSection')}>
        <MultiColumnPicker label={t('cox.form.covariates')} table={form.table} value={form.covariates} accept={['number', 'string', 'bool']} onChange={(covariates) => onChange({ covariates })} hint={err('covariates') ?? t('cox.form.covariatesHint')} testId="cx-covariates" />
        {textCovs.map((c) => (
          <ReferencePicker key={c} table={form.table} column={c} value={form.references[c] ?? ''} onChange={(v) => onChange({ references: { ...form.references, [c]: v } })} />
        ))}
        {textCovs.length > 0 && <div className="tn-an-hint">{t('cox.form.referenceHint')}</div>}
        <Segmented
          value={form.ties}
          onChange={(ties) => onChange({ ties })}
          options={[
            { value: 'efron', label: t('cox.form.efron') },
            { value: 'breslow', label: t('cox.form.breslow') },
          ]}
          testId="cx-ties"
        />
        <div className="tn-an-hint">{t('cox.form.tiesHint')}</div>
      </FormSection>
      <FormSection title={t('survival.form.advanced')} defaultOpen={false}>
        <TextField label={t('cox.form.times')} value={form.times} onChange={(times) => onChange({ times })} error={err('times')} testId="cx-times" />
        <SqlFragmentField label={t('survival.form.where')} value={form.where} onChange={(where) => onChange({ where })} placeholder={t('survival.form.wherePlaceholder')} testId="cx-where" />
      </FormSection>
    </>
  );
}
