import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupLabel } from '../../../shared/analysis/survival/chart';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import { hazardChartOption } from '../../../shared/analysis/survival/hazardChart';
import { unitLabel, type Translate } from '../../../shared/analysis/survival/format';
import type { ChartTheme } from '../../../shared/charts/theme';
import { ChartCard, Select, TableCard, useFormatters, type TableCardColumn } from '../analysis';
import { hazardExport, hazardWidthChoices, withHazardWidth } from './survivalTable';

/** Churn rate per tenure interval and group; the width is re-applied to the KM steps without a query. */
export function HazardPanel({ result, width, onWidth, theme, fileTitle }: { result: SurvivalResult; width: number | null; onWidth(w: number): void; theme: 'dark' | 'light'; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const f = useFormatters();
  const r = useMemo(() => withHazardWidth(result, width ?? result.hazardWidth), [result, width]);
  const build = useCallback((th: ChartTheme) => hazardChartOption(r, tr, th), [r, tr]);
  const unit = unitLabel(tr, r.unit);
  const choices = hazardWidthChoices(result);
  const data = useMemo(() => hazardExport(r, tr), [r, tr]);
  const columns: TableCardColumn[] = [
    { title: `${t('survival.table.from')} (${unit})`, kind: 'amount' },
    { title: t('survival.table.to'), kind: 'amount' },
    ...r.groups.flatMap((g): TableCardColumn[] => {
      const n = groupLabel(tr, g);
      return [
        { title: `${n}: ${t('survival.table.rate')}`, kind: 'share' },
        { title: `${n}: ${t('survival.table.events')}`, kind: 'count' },
        { title: `${n}: ${t('survival.table.atRisk')}`, kind: 'count' },
      ];
    }),
  ];
  return (
    <>
      <div className="tn-an-toolbar">
        <div className="tn-sv-toggles">
          <Select
            label={t('survival.view.hazardWidth')}
            value={String(r.hazardWidth)}
            options={choices.map((w) => ({ value: String(w), label: `${f.amount(w)} ${unit}` }))}
            onChange={(v) => onWidth(Number(v))}
            testId="hazard-width"
          />
        </div>
      </div>
      <ChartCard caption={t('survival.hazard.title')} build={build} theme={theme} fileTitle={`${fileTitle} hazard`} height={400} testId="hazard-chart" />
      <TableCard
        title={t('survival.table.hazardTitle')}
        columns={columns}
        rows={data.rows}
        format={(v, kind) => (v === null || v === undefined ? '–' : kind === 'share' ? f.share(Number(v)) : kind === 'count' ? f.count(Number(v)) : f.amount(Number(v)))}
        fileTitle={`${fileTitle} hazard`}
        testId="hazard-table"
      />
    </>
  );
}
