import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import type { Translate } from '../../../shared/analysis/survival/format';
import { Card, TableExportButtons, useFormatters } from '../analysis';
import { horizonTable, summaryTable, survivalExport } from './survivalTable';
import { TextTableView } from './TextTableView';

/**
 * Per group: n, churned, censored, median (CI), restricted mean; then S(t) (CI) at each horizon.
 * Shown formatted; CSV/XLSX get the raw numbers (S, lower, upper as their own columns).
 */
export function SurvivalTableCard({ result, fileTitle }: { result: SurvivalResult; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const f = useFormatters();
  const summary = useMemo(() => summaryTable(result, tr, f), [result, tr, f]);
  const horizons = useMemo(() => horizonTable(result, tr, f), [result, tr, f]);
  const data = useMemo(() => survivalExport(result, tr), [result, tr]);
  const level = Math.round(result.spec.confLevel * 100);
  return (
    <Card
      title={t('survival.table.title')}
      subtitle={t('survival.chart.ci', { level }) + ` · ${t(`survival.form.confTypes.${result.spec.confType}`)}`}
      testId="survival-table"
      actions={<TableExportButtons data={data} fileTitle={fileTitle} />}
    >
      <TextTableView table={summary} testId="survival-summary" />
      {horizons.rows.length > 0 && (
        <div className="tn-sv-subtable">
          <h4>{t('survival.table.horizonsTitle')}</h4>
          <TextTableView table={horizons} testId="survival-horizons" />
        </div>
      )}
    </Card>
  );
}
