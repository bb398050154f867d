import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskResult } from '../../../shared/analysis/risk/compute';
import { lossParetoOption, riskByClassOption } from '../../../shared/analysis/risk/chart';
import type { EconomicsInput } from '../../../shared/analysis/risk/spec';
import { classLabel, riskFinding, riskTakeaway, segmentLabel, timeRange, valueLabel } from '../../../shared/analysis/risk/text';
import type { ChartTheme } from '../../../shared/charts/theme';
import type { Cell } from '../../../shared/export/tableExport';
import type { TFunction } from '../../../shared/i18n/i18n';
import { ChartCard, HeadlineBanner, TableCard, useFormatters, type CellKind } from '../analysis';
import { CallListCard } from './CallListCard';
import { EconomicsCard } from './EconomicsCard';

/** One run's results: headline, value at risk by class and segment, the loss Pareto, tables, the call list, economics. */
export function RiskResults({ result, economics, onEconomics, theme, notes }: { result: RiskResult; economics: EconomicsInput; onEconomics(p: Partial<EconomicsInput>): void; theme: 'dark' | 'light'; notes: (string | null)[] }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as TFunction;
  const f = useFormatters();
  const buildByClass = useCallback((th: ChartTheme) => riskByClassOption(result, t, th), [result, t]);
  const buildPareto = useCallback((th: ChartTheme) => lossParetoOption(result, t, th), [result, t]);
  const format = useCallback((v: Cell, kind: CellKind) => (typeof v !== 'number' ? String(v ?? '–') : kind === 'count' ? f.count(v) : kind === 'share' ? f.share(v) : f.amount(v)), [f]);
  const stem = `${result.spec.table} ${t('risk.title')}`;
  const total = result.valueAtRisk || 1;
  const value = valueLabel(result);
  const segRows = useMemo<Cell[][]>(
    () =>
      result.bySegment.map((s) => [
        segmentLabel(t, s.segment),
        s.active,
        s.scored,
        s.valueAtRisk,
        s.valueAtRisk / total,
        s.meanP,
        s.median === null ? t('risk.table.notReached') : String(s.median),
        s.peak ? `${timeRange(t, result.unit, s.peak.start, s.peak.end)} (${f.share(s.peak.rate)})` : '–',
      ]),
    [result, t, total, f],
  );
  const classRows = useMemo<Cell[][]>(() => result.byClass.map((c) => [classLabel(t, c.class), c.scored, c.valueAtRisk, c.valueAtRisk / total, c.valueScored]), [result, t, total]);
  const notScored = result.notScored > 0 ? t('brief.risk.notScored', { count: result.notScored }) : null;

  return (
    <>
      <HeadlineBanner text={riskFinding(result, t)} notes={[riskTakeaway(result, t), notScored, ...notes]} />
      <div className="tn-rk-charts">
        <ChartCard caption={t('risk.card.byClass')} build={buildByClass} theme={theme} fileTitle={`${stem} ${t('risk.card.byClass')}`} testId="risk-by-class" />
        <ChartCard caption={t('risk.card.lossPareto')} build={buildPareto} theme={theme} fileTitle={`${stem} ${t('risk.card.lossPareto')}`} testId="risk-loss-pareto" />
      </div>
      <CallListCard result={result} />
      <EconomicsCard result={result} input={economics} onChange={onEconomics} theme={theme} />
      <TableCard
        title={t('risk.card.bySegment', { segment: result.spec.segment ?? t('risk.table.segment') })}
        columns={[
          { title: result.spec.segment ?? t('risk.table.segment'), kind: 'text' },
          { title: t('risk.table.active'), kind: 'count' },
          { title: t('risk.table.scored'), kind: 'count' },
          { title: t('risk.table.valueAtRisk'), kind: 'amount' },
          { title: t('risk.table.share'), kind: 'share' },
          { title: t('risk.table.meanP'), kind: 'share' },
          { title: t('risk.table.median'), kind: 'text' },
          { title: t('risk.table.criticalWindow'), kind: 'text' },
        ]}
        rows={segRows}
        format={format}
        fileTitle={`${stem} ${result.spec.segment ?? ''}`}
        testId="risk-segments"
      />
      {result.byClass.length > 0 && (
        <TableCard
          title={t('risk.card.byClassTable')}
          columns={[
            { title: t('risk.table.class'), kind: 'text' },
            { title: t('risk.table.scored'), kind: 'count' },
            { title: t('risk.table.valueAtRisk'), kind: 'amount' },
            { title: t('risk.table.share'), kind: 'share' },
            { title: t('risk.table.valueScored', { value }), kind: 'amount' },
          ]}
          rows={classRows}
          format={format}
          fileTitle={`${stem} ${t('risk.table.class')}`}
          testId="risk-classes"
        />
      )}
    </>
  );
}
