import { useTranslation } from 'react-i18next';
import { P_ADJUST, type PAdjust } from '../../../shared/stats/pAdjust';
import { ColumnPicker, FormSection, Select, SqlFragmentField, useTables } from '../analysis';
import { typeKind } from '../analysis/columnTypes';
import { TextField } from './TextField';
import { CAUSE_KINDS, type CauseKind, type SurvivalForm } from './survivalForm';

const BAND_CHOICES = ['', '4', '3', '5', '10'];

/**
 * Comparing groups and causes: quantile bands for a numeric group column, the pairwise tests'
 * adjustment, the RMST horizon τ, and the competing causes (cumulative incidence).
 */
export function ModelsFormSection({ form, onChange, error }: { form: SurvivalForm; onChange(p: Partial<SurvivalForm>): void; error(field: keyof SurvivalForm): string | undefined }) {
  const { t } = useTranslation();
  const tables = useTables();
  const groupType = tables.find((x) => x.name === (form.groupTable || form.table))?.columns.find((c) => c.name === form.group)?.type;
  const numericGroup = !!groupType && typeKind(groupType) === 'number';
  const bandLabel = (b: string) => (b === '' ? t('survival.models.bands.values') : b === '4' ? t('survival.models.bands.quartiles') : t('survival.models.bands.quantiles', { count: Number(b) }));
  const causeLabel = (k: CauseKind) => t(`survival.models.causeForm.${k === '' ? 'none' : k}`);
  return (
    <FormSection title={t('survival.models.section')}>
      {numericGroup && (
        <Select label={t('survival.models.bands.label')} value={form.bands} options={BAND_CHOICES.map((b) => ({ value: b, label: bandLabel(b) }))} onChange={(bands) => onChange({ bands })} testId="sv-bands" />
      )}
      <Select<PAdjust>
        label={t('survival.models.pairwise.adjustLabel')}
        value={form.pairwise}
        options={P_ADJUST.map((a) => ({ value: a, label: t(`survival.models.adjust.${a}`) }))}
        onChange={(pairwise) => onChange({ pairwise })}
        testId="sv-pairwise"
      />
      <TextField label={t('survival.models.rmst.tau')} value={form.rmstTau} onChange={(rmstTau) => onChange({ rmstTau })} placeholder={t('survival.models.rmst.tauPlaceholder')} error={error('rmstTau')} testId="sv-rmst-tau" />
      <Select<CauseKind>
        label={t('survival.models.causeForm.label')}
        value={form.causeKind}
        options={CAUSE_KINDS.filter((k) => (k !== 'reason' && k !== 'tags') || form.reason).map((k) => ({ value: k, label: causeLabel(k) }))}
        onChange={(causeKind) => onChange({ causeKind })}
        hint={error('causeKind') ?? (form.causeKind === 'tags' && !Object.keys(form.causeTags).length ? t('survival.models.causeForm.noTags') : undefined)}
        testId="sv-cause-kind"
      />
      {form.causeKind === 'column' && (
        <ColumnPicker label={t('survival.models.causeForm.columnLabel')} table={form.table} value={form.causeColumn || null} onChange={(v) => onChange({ causeColumn: v ?? '' })} testId="sv-cause-column" />
      )}
      {form.causeKind === 'sql' && (
        <SqlFragmentField label={t('survival.models.causeForm.sqlLabel')} value={form.causeSql} onChange={(causeSql) => onChange({ causeSql })} placeholder={t('survival.models.causeForm.sqlPlaceholder')} testId="sv-cause-sql" />
      )}
    </FormSection>
  );
}
