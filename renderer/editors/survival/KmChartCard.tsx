import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ECharts } from 'echarts/core';
import { groupLabel, survivalChartOption, type SurvivalChartOptions } from '../../../shared/analysis/survival/chart';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import { formatP, niceStep, type Translate } from '../../../shared/analysis/survival/format';
import { DARK_THEME, LIGHT_THEME, type ChartTheme } from '../../../shared/charts/theme';
import { EChart } from '../../charts/EChart';
import { ChartExportMenu } from '../../charts/ChartExportMenu';
import { Card, Checkbox, useFormatters } from '../analysis';
import { atRiskAt } from './survivalTable';

/** The log-rank line exactly as the chart prints it (also the chart's accessible name). */
export function logrankText(r: SurvivalResult, t: Translate): string | null {
  if (!r.logrank) return null;
  const p = formatP(r.logrank.p, r.logrank.log10p);
  return t(p.below ? 'survival.chart.logrankPBelow' : 'survival.chart.logrankP', { p: p.text });
}

/**
 * Censor ticks at (nearly) every time step merge into a hatched bar over the curve (e.g. monthly
 * tenure with customers censored every month): then they start off and the user can turn them on.
 */
export function denseCensoring(r: SurvivalResult): boolean {
  return r.groups.some((g) => g.steps.filter((s) => s.nCensor > 0).length > 40);
}

/** The x ticks the chart's risk table uses (same rule as shared/analysis/survival/chart.ts). */
function riskTicks(r: SurvivalResult): number[] {
  const step = niceStep(r.maxTime, r.unit);
  const xMax = Math.max(step, Math.ceil(r.maxTime / step) * step);
  return Array.from({ length: Math.floor(xMax / step) + 1 }, (_, i) => i * step);
}

/**
 * Kaplan-Meier curves in a card: CI / censor / median / risk-table toggles and the export menu in the
 * header. The canvas is invisible to screen readers and tests, so the log-rank line and the
 * number-at-risk table are repeated in the DOM (visually hidden).
 */
export function KmChartCard({ result, theme, fileTitle }: { result: SurvivalResult; theme: 'dark' | 'light'; fileTitle: string }) {
  const { t } = useTranslation();
  const tr = t as unknown as Translate;
  const fmt = useFormatters();
  const [opts, setOpts] = useState<Required<SurvivalChartOptions>>(() => ({ showCI: true, showCensor: !denseCensoring(result), showMedian: true, showRiskTable: true }));
  const build = useCallback((th: ChartTheme) => survivalChartOption(result, tr, th, opts), [result, tr, opts]);
  const option = useMemo(() => build(theme === 'dark' ? DARK_THEME : LIGHT_THEME), [build, theme]);
  const chart = useRef<ECharts | null>(null);
  const onReady = useCallback((c: ECharts | null) => {
    chart.current = c;
  }, []);
  const viewSize = useCallback(() => ({ width: Math.max(100, chart.current?.getWidth() ?? 960), height: Math.max(100, chart.current?.getHeight() ?? 540) }), []);
  const p = logrankText(result, tr);
  const ticks = useMemo(() => riskTicks(result), [result]);
  const atRisk = useMemo(() => atRiskAt(result, ticks), [result, ticks]);
  const toggle = (k: keyof SurvivalChartOptions, key: string) => (
    <Checkbox label={t(key)} checked={opts[k]} onChange={(v) => setOpts((o) => ({ ...o, [k]: v }))} testId={`km-${k}`} />
  );
  // Taller with more groups: the risk table takes one row per group under the plot.
  const height = 520 + Math.max(0, result.groups.length - 3) * 24;
  return (
    <Card
      title={t('survival.view.curves')}
      testId="km-card"
      actions={
        <>
          <div className="tn-sv-toggles">
            {toggle('showCI', 'survival.view.showCI')}
            {toggle('showCensor', 'survival.view.showCensor')}
            {toggle('showMedian', 'survival.view.showMedian')}
            {toggle('showRiskTable', 'survival.view.showRiskTable')}
          </div>
          <ChartExportMenu build={build} title={fileTitle} viewSize={viewSize} />
        </>
      }
    >
      <EChart option={option} height={height} onReady={onReady} ariaLabel={[t('survival.chart.title'), p].filter(Boolean).join('. ')} />
      {p && (
        <p className="tn-sv-sr" data-testid="km-logrank">
          {p}
        </p>
      )}
      <table className="tn-sv-sr" data-testid="km-risk-table">
        <caption>{t('survival.view.riskTableCaption')}</caption>
        <thead>
          <tr>
            <th>{t('survival.table.group')}</th>
            {ticks.map((x) => (
              <th key={x} data-time={x}>
                {fmt.amount(x)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {atRisk.map((g, i) => (
            <tr key={i} data-group={g.name ?? ''}>
              <th>{groupLabel(tr, g)}</th>
              {g.counts.map((n, j) => (
                <td key={j} data-time={ticks[j]}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
