import { useTranslation } from 'react-i18next';
import { Checkbox, ColumnPicker, Field, FormSection, NumberField, Select, SqlFragmentField, TablePicker, type TypeKind } from '../analysis';
import type { ParetoForm } from './form';

const NUMBERS: TypeKind[] = ['number'];
const DATES: TypeKind[] = ['date', 'string'];
const GROUPS: TypeKind[] = ['string', 'bool', 'number', 'date'];

/** Two or three mutually exclusive choices as a segmented control. */
function Segmented<V extends string>({ value, options, onChange, testId }: { value: V; options: { value: V; label: string }[]; onChange(v: V): void; testId?: string }) {
  return (
    <div className="tn-an-segmented" role="group" data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" aria-pressed={value === o.value} data-value={o.value} onClick={() => onChange(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** The Pareto settings panel: data, value, filter and period, breakdown, classes. */
export function ParetoSettings({ form, onChange }: { form: ParetoForm; onChange(patch: Partial<ParetoForm>): void }) {
  const { t } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`pareto.editor.${key}`, o);
  return (
    <>
      <FormSection title={k('section.data')}>
        <TablePicker value={form.table} onChange={(table) => onChange({ table, customer: null, valueColumn: null, dateColumn: null, group: null })} testId="pareto-table" />
        <Field label={k('customer')}>
          <Segmented
            value={form.customerMode}
            onChange={(customerMode) => onChange({ customerMode })}
            options={[
              { value: 'column', label: k('customerColumn') },
              { value: 'row', label: k('customerRow') },
            ]}
            testId="pareto-customer-mode"
          />
        </Field>
        {form.customerMode === 'column' ? (
          <ColumnPicker label={k('customerIdColumn')} table={form.table} value={form.customer} onChange={(customer) => onChange({ customer })} hint={k('customerHint')} testId="pareto-customer" />
        ) : (
          <div className="tn-an-hint">{k('customerRowHint')}</div>
        )}
      </FormSection>

      <FormSection title={k('section.value')}>
        <Segmented
          value={form.valueMode}
          onChange={(valueMode) => onChange({ valueMode })}
          options={[
            { value: 'column', label: k('valueColumn') },
            { value: 'expr', label: k('valueExpr') },
          ]}
          testId="pareto-value-mode"
        />
        {form.valueMode === 'column' ? (
          <ColumnPicker label={k('value')} table={form.table} value={form.valueColumn} onChange={(valueColumn) => onChange({ valueColumn })} accept={NUMBERS} hint={k('valueHint')} testId="pareto-value" />
        ) : (
          <>
            <SqlFragmentField label={t('export.analysis.expression')} value={form.valueExpr} onChange={(valueExpr) => onChange({ valueExpr })} placeholder={'"Revenue" - "Cost"'} hint={t('export.analysis.exprHint')} testId="pareto-value-expr" />
            <Field label={k('valueLabel')} hint={k('valueLabelHint')}>
              <input className="input" value={form.valueLabel} placeholder={k('valueLabelPlaceholder')} onChange={(e) => onChange({ valueLabel: e.target.value })} data-testid="pareto-value-label" />
            </Field>
          </>
        )}
        <Checkbox label={k('keepNonPositive')} checked={form.keepNonPositive} onChange={(keepNonPositive) => onChange({ keepNonPositive })} hint={k('keepNonPositiveHint')} testId="pareto-keep" />
      </FormSection>

      <FormSection title={k('section.filter')} defaultOpen={!!(form.where || form.dateColumn)}>
        <SqlFragmentField label={k('where')} value={form.where} onChange={(where) => onChange({ where })} placeholder={'"Country" = \'France\''} hint={t('export.analysis.whereHint')} testId="pareto-where" />
        <ColumnPicker label={k('dateColumn')} table={form.table} value={form.dateColumn} onChange={(dateColumn) => onChange({ dateColumn, period: dateColumn ? (form.period === 'all' ? 'lastMonths' : form.period) : 'all' })} accept={DATES} emptyLabel={t('export.analysis.noColumn')} testId="pareto-date" />
        {form.dateColumn && (
          <>
            <Select
              label={k('period')}
              value={form.period}
              onChange={(period) => onChange({ period })}
              options={[
                { value: 'all', label: k('periodAll') },
                { value: 'lastMonths', label: k('periodLast') },
                { value: 'range', label: k('periodRange') },
              ]}
              testId="pareto-period"
            />
            {form.period === 'lastMonths' && <NumberField label={k('months')} value={form.months} min={1} max={1200} step={1} onChange={(months) => onChange({ months: Math.round(months) })} hint={k('monthsHint')} />}
            {form.period === 'range' && (
              <div className="tn-an-row">
                <Field label={k('from')}>
                  <input className="input" type="date" value={form.from} onChange={(e) => onChange({ from: e.target.value })} />
                </Field>
                <Field label={k('to')}>
                  <input className="input" type="date" value={form.to} onChange={(e) => onChange({ to: e.target.value })} />
                </Field>
              </div>
            )}
          </>
        )}
      </FormSection>

      <FormSection title={k('section.breakdown')}>
        <ColumnPicker label={k('group')} table={form.table} value={form.group} onChange={(group) => onChange({ group })} accept={GROUPS} emptyLabel={t('export.analysis.noColumn')} hint={k('groupHint')} testId="pareto-group" />
      </FormSection>

      <FormSection title={k('section.classes')}>
        <div className="tn-an-row">
          <NumberField label={k('thresholdA')} value={form.a} percent min={0.01} max={1} onChange={(a) => onChange({ a })} testId="pareto-a" />
          <NumberField label={k('thresholdB')} value={form.b} percent min={0.01} max={1} onChange={(b) => onChange({ b })} testId="pareto-b" />
        </div>
        <div className="tn-an-hint">{k('thresholdHint')}</div>
      </FormSection>
    </>
  );
}
