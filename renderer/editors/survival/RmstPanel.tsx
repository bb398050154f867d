import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import { unitLabel, type Translate } from '../../../shared/analysis/survival/format';
import { nameLabel, pText, rmstTakeaway } from '../../../shared/analysis/survival/modelsText';
import { rmstChartOption } from '../../../shared/analysis/survival/rmstChart';
import type { ChartTheme } from '../../../shared/charts/theme';
import { ChartCard, TableCard, useFormatters, type TableCardColumn } from '../analysis';

/** RMST per group up to τ (bars with CI) and every difference b − a with its CI and p. */
export function RmstPanel({ result, theme, fileTitle }: { result: SurvivalResult; theme: 'dark' | 'light'; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const f = useFormatters();
  const build = useCallback((th: ChartTheme) => rmstChartOption(result, tr, th), [result, tr]);
  const m = result.rmst;
  if (!m) return null;
  const unit = unitLabel(tr, result.unit);
  const num2 = (v: unknown) => (v === null || v === undefined ? '–' : f.amount(Math.round(Number(v) * 100) / 100));
  const groupCols: TableCardColumn[] = [
    { title: t('survival.models.rmst.group'), kind: 'text' },
    { title: `${t('survival.models.rmst.value')} (${unit})`, kind: 'amount' },
    { title: t('survival.models.rmst.se'), kind: 'amount' },
  ];
  const diffCols: TableCardColumn[] = [
    { title: t('survival.models.pairwise.a'), kind: 'text' },
    { title: t('survival.models.pairwise.b'), kind: 'text' },
    { title: `${t('survival.models.rmst.difference')} (${unit})`, kind: 'amount' },
    { title: t('survival.models.rmst.se'), kind: 'amount' },
    { title: t('survival.models.rmst.ci'), kind: 'text' },
    { title: t('survival.models.pairwise.p'), kind: 'text' },
  ];
  const takeaway = rmstTakeaway(m, tr, result.unit);
  return (
    <>
      {m.groups.length > 1 && <ChartCard caption={t('survival.models.rmst.title')} build={build} theme={theme} fileTitle={`${fileTitle} RMST`} height={Math.max(260, 140 + m.groups.length * 48)} hint={takeaway} testId="rmst-chart" />}
      <TableCard
        title={`${t('survival.models.rmst.groupsTitle')} · τ = ${f.amount(m.tau)} ${unit}`}
        columns={groupCols}
        rows={m.groups.map((g) => [nameLabel(tr, g.name), g.rmst, g.se])}
        format={(v, kind) => (kind === 'amount' ? num2(v) : String(v ?? ''))}
        fileTitle={`${fileTitle} RMST`}
        testId="rmst-groups"
      />
      {m.differences.length > 0 && (
        <TableCard
          title={t('survival.models.rmst.differencesTitle')}
          columns={diffCols}
          rows={m.differences.map((d) => [nameLabel(tr, d.a), nameLabel(tr, d.b), d.difference, d.se, `${num2(d.lower)} – ${num2(d.upper)}`, d.p === null ? '–' : pText(d.p).replace(/^= /, '')])}
          format={(v, kind) => (kind === 'amount' ? num2(v) : String(v ?? ''))}
          fileTitle={`${fileTitle} RMST differences`}
          testId="rmst-differences"
        />
      )}
    </>
  );
}
