import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import { unitLabel, type Translate } from '../../../shared/analysis/survival/format';
import { incidenceChartOption } from '../../../shared/analysis/survival/incidenceChart';
import { causeLabel } from '../../../shared/analysis/survival/modelsText';
import type { ChartTheme } from '../../../shared/charts/theme';
import { ChartCard, TableCard, useFormatters, type TableCardColumn } from '../analysis';

/** Cumulative incidence per cause, stacked; the table gives each cause at each time with SE and CI. */
export function IncidencePanel({ result, theme, fileTitle }: { result: SurvivalResult; theme: 'dark' | 'light'; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const f = useFormatters();
  const build = useCallback((th: ChartTheme) => incidenceChartOption(result, tr, th), [result, tr]);
  const inc = result.incidence;
  if (!inc) return null;
  const unit = unitLabel(tr, result.unit);
  // One row per time, one column per cause: reads down like the survival table, fits many times.
  const names = inc.causes.map((c) => causeLabel(tr, inc, c.cause));
  const columns: TableCardColumn[] = [
    { title: t('survival.models.incidence.time'), kind: 'amount' },
    ...names.map((n, k): TableCardColumn => ({ title: `${n} (${f.count(inc.causes[k].events)})`, kind: 'text' })),
  ];
  const rows = inc.times.map((x, i) => [
    x,
    ...inc.causes.map((c) => `${f.share(c.incidence[i])} ± ${f.share(c.stdErr[i])}${c.lower[i] === null ? '' : ` (${f.share(c.lower[i])} – ${f.share(c.upper[i])})`}`),
  ]);
  return (
    <>
      <ChartCard caption={t('survival.models.incidence.title')} build={build} theme={theme} fileTitle={`${fileTitle} incidence`} height={420} testId="incidence-chart" />
      <TableCard
        title={t('survival.models.incidence.tableTitle', { level: Math.round(result.spec.confLevel * 100), timeUnit: unit })}
        columns={columns}
        rows={rows}
        format={(v, kind) => (kind === 'amount' ? f.amount(Number(v)) : String(v ?? ''))}
        fileTitle={`${fileTitle} incidence`}
        testId="incidence-table"
      />
    </>
  );
}
