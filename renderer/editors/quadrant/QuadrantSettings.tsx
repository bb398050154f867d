import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORTANCE_METHODS } from '../../../shared/analysis/quadrant/spec';
import { Checkbox, ColumnPicker, Field, FormSection, MultiColumnPicker, NumberField, Select, SqlFragmentField, TablePicker, ValuePicker, typeKind, useTable, type TypeKind } from '../analysis';
import { Segmented } from '../survival/Segmented';
import { DriverDetails } from './DriverDetails';
import { withDriverColumns, type CrosshairType, type QuadrantForm } from './form';
import { ratingColumns } from '../../../shared/analysis/quadrant/ratingColumns';
import { useServices } from '../../workbench/services';

const NUMBERS: TypeKind[] = ['number'];
const OUTCOMES: TypeKind[] = ['string', 'bool', 'number'];
const SEGMENTS: TypeKind[] = ['string', 'bool', 'number', 'date'];
const CROSSHAIRS: CrosshairType[] = ['mean', 'median', 'midpoint', 'custom'];

/** "Select all rating columns": integer 1–5 / 0–5 / 1–10 columns (never ids, ages or delays), not the outcome. */
function RatingColumnsButton({ form, onChange }: { form: QuadrantForm; onChange(patch: Partial<QuadrantForm>): void }) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const info = useTable(form.table);
  // The count found, translated when drawn (the note follows a language switch).
  const [found, setFound] = useState<number | null>(null);
  const pick = async () => {
    if (!info) return;
    const columns = (await ratingColumns(engine, form.table, info.columns).catch(() => [])).filter((c) => c !== form.outcome && c !== form.segment);
    setFound(columns.length);
    if (columns.length) onChange({ drivers: withDriverColumns(form.drivers, columns) });
  };
  return (
    <div className="tn-qd-ratings">
      <button type="button" className="button secondary small" onClick={() => void pick()} disabled={!info} data-testid="qd-select-ratings">
        {t('quadrant.editor.selectRatings')}
      </button>
      {found !== null && (
        <span className="tn-qd-ratings-note" role="status">
          {found ? t('quadrant.editor.ratingsFound', { count: found }) : t('quadrant.editor.ratingsNone')}
        </span>
      )}
    </div>
  );
}

/** The quadrant settings panel: data, drivers, importance, crosshair and axes, segments, filter, bootstrap. */
export function QuadrantSettings({ form, onChange }: { form: QuadrantForm; onChange(patch: Partial<QuadrantForm>): void }) {
  const { t } = useTranslation();
  const k = (key: string, o?: Record<string, unknown>) => t(`quadrant.editor.${key}`, o);
  const info = useTable(form.table);
  const outcomeType = info?.columns.find((c) => c.name === form.outcome)?.type;
  const numericOutcome = !!outcomeType && typeKind(outcomeType) === 'number';
  const stated = form.method === 'stated';
  return (
    <>
      <FormSection title={k('section.data')}>
        <TablePicker value={form.table} onChange={(table) => onChange({ table })} testId="qd-table" />
      </FormSection>

      <FormSection title={k('section.drivers')}>
        <MultiColumnPicker
          label={k('drivers')}
          table={form.table}
          value={form.drivers.map((d) => d.column)}
          onChange={(cols) => onChange({ drivers: withDriverColumns(form.drivers, cols) })}
          accept={NUMBERS}
          hint={k('driversHint')}
          testId="qd-drivers"
        />
        <RatingColumnsButton form={form} onChange={onChange} />
        <Field label={k('missing')} hint={k('missingHint')}>
          <input className="input" value={form.missing} placeholder={k('missingNone')} onChange={(e) => onChange({ missing: e.target.value })} data-testid="qd-missing" />
        </Field>
      </FormSection>

      <FormSection title={k('section.labels')} defaultOpen={false}>
        <DriverDetails table={form.table} drivers={form.drivers} stated={stated} onChange={(drivers) => onChange({ drivers })} />
      </FormSection>

      <FormSection title={k('section.importance')}>
        <Select
          label={k('method')}
          value={form.method}
          onChange={(method) => onChange({ method })}
          options={IMPORTANCE_METHODS.map((m) => ({ value: m, label: t(`quadrant.method.${m}`) }))}
          hint={k(`methodHint.${form.method}`)}
          testId="qd-method"
        />
        {stated ? (
          <div className="tn-an-hint">{k('statedHint')}</div>
        ) : (
          <>
            <ColumnPicker label={k('outcome')} table={form.table} value={form.outcome} onChange={(outcome) => onChange({ outcome, positive: null })} accept={OUTCOMES} hint={k('outcomeHint')} testId="qd-outcome" />
            {form.outcome && (
              <ValuePicker
                label={k('positive')}
                table={form.table}
                column={form.outcome}
                value={form.positive === null ? [] : [form.positive]}
                // One value means 1: the newest tick replaces the previous one.
                onChange={(v) => onChange({ positive: v.length ? v[v.length - 1] : null })}
                hint={numericOutcome ? k('positiveNumericHint') : k('positiveHint')}
                testId="qd-positive"
              />
            )}
            <Checkbox label={k('invert')} checked={form.invert} onChange={(invert) => onChange({ invert })} hint={k('invertHint')} testId="qd-invert" />
          </>
        )}
      </FormSection>

      <FormSection title={k('section.grid')}>
        <Select label={k('crosshair')} value={form.crosshair} onChange={(crosshair) => onChange({ crosshair })} options={CROSSHAIRS.map((c) => ({ value: c, label: k(`crosshairOption.${c}`) }))} testId="qd-crosshair" />
        {form.crosshair === 'custom' && (
          <div className="tn-an-row">
            <NumberField label={k('customPerformance')} value={form.customPerformance} onChange={(customPerformance) => onChange({ customPerformance })} testId="qd-custom-perf" />
            <NumberField label={k('customImportance')} value={form.customImportance} step={0.01} onChange={(customImportance) => onChange({ customImportance })} testId="qd-custom-imp" />
          </div>
        )}
        {form.crosshair === 'midpoint' && (
          <div className="tn-an-row">
            <Field label={k('scaleMin')}>
              <input className="input" type="number" value={form.scaleMin} placeholder={k('auto')} onChange={(e) => onChange({ scaleMin: e.target.value })} />
            </Field>
            <Field label={k('scaleMax')}>
              <input className="input" type="number" value={form.scaleMax} placeholder={k('auto')} onChange={(e) => onChange({ scaleMax: e.target.value })} />
            </Field>
          </div>
        )}
        <Field label={k('axes')}>
          <Segmented
            value={form.axes}
            onChange={(axes) => onChange({ axes })}
            options={[
              { value: 'performance-x', label: k('axesPerformanceX') },
              { value: 'importance-x', label: k('axesImportanceX') },
            ]}
            testId="qd-axes"
          />
        </Field>
      </FormSection>

      <FormSection title={k('section.segments')} defaultOpen={!!form.segment}>
        <ColumnPicker label={k('segment')} table={form.table} value={form.segment} onChange={(segment) => onChange({ segment })} accept={SEGMENTS} emptyLabel={t('export.analysis.noColumn')} hint={k('segmentHint')} testId="qd-segment" />
      </FormSection>

      <FormSection title={k('section.filter')} defaultOpen={!!form.where}>
        <SqlFragmentField label={k('where')} value={form.where} onChange={(where) => onChange({ where })} placeholder={'"Class" = \'Business\''} hint={t('export.analysis.whereHint')} testId="qd-where" />
      </FormSection>

      <FormSection title={k('section.bootstrap')} defaultOpen={form.bootstrap}>
        <Checkbox label={k('bootstrap')} checked={form.bootstrap} onChange={(bootstrap) => onChange({ bootstrap })} hint={k('bootstrapHint')} testId="qd-bootstrap" />
        {form.bootstrap && (
          <div className="tn-an-row">
            <NumberField label={k('resamples')} value={form.resamples} min={10} max={5000} step={10} onChange={(v) => onChange({ resamples: Math.round(v) })} testId="qd-resamples" />
            <NumberField label={k('seed')} value={form.seed} min={0} max={2147483647} step={1} onChange={(v) => onChange({ seed: Math.round(v) })} testId="qd-seed" />
          </div>
        )}
      </FormSection>
    </>
  );
}
