import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../charts/theme';
import type { TFunction } from '../../i18n/i18n';
import { baseOption, titleBlock, valueAxis } from '../pareto/chartStyle';
import { unitLabel, type Translate } from '../survival/format';
import type { CoxResult } from './compute';
import { profileLp, type ProfileValue } from './model';
import { coxFinding, hrText, phFinding, predictedFinding } from './text';

/** Pure result → ECharts options: forest plot, scaled Schoenfeld residuals of one term, predicted survival. */

const tr = (t: TFunction) => t as unknown as Translate;

interface ForestRow {
  label: string;
  hr: number;
  lower: number | null;
  upper: number | null;
  reference: boolean;
}

/** Rows top to bottom: each text column's reference (at 1) then its levels; numbers per unit. */
export function forestRows(r: CoxResult, t: TFunction): ForestRow[] {
  const rows: ForestRow[] = [];
  const seen = new Set<string>();
  for (const c of r.model.coefficients) {
    if (c.level !== null && !seen.has(c.column)) {
      seen.add(c.column);
      const ref = r.model.factors.find((f) => f.column === c.column)!.reference;
      rows.push({ label: t('cox.forest.reference', { column: c.column, level: ref }), hr: 1, lower: null, upper: null, reference: true });
    }
    const label = c.level === null ? t('cox.forest.perUnit', { column: c.column }) : t('cox.forest.level', { column: c.column, level: c.level });
    rows.push({ label, hr: c.hazardRatio, lower: c.hrLower, upper: c.hrUpper, reference: false });
  }
  return rows;
}

export function forestOption(r: CoxResult, t: TFunction, theme: ChartTheme): EChartsOption {
  const rows = forestRows(r, t);
  const vals = rows.flatMap((x) => [x.hr, x.lower ?? 1, x.upper ?? 1]);
  const min = Math.pow(10, Math.floor(Math.log10(Math.min(...vals))));
  const max = Math.pow(10, Math.ceil(Math.log10(Math.max(...vals))));
  const labels = rows.map((x) => x.label);
  const right = rows.map((x) => (x.reference ? t('cox.forest.referenceValue') : `${hrText(x.hr)} (${hrText(x.lower!)}–${hrText(x.upper!)})`));
  const cat = (position: 'left' | 'right', data: string[]) => ({
    type: 'category' as const,
    data,
    inverse: true,
    position,
    axisTick: { show: false },
    axisLine: { show: position === 'left', lineStyle: { color: theme.axisLine } },
    axisLabel: { color: position === 'left' ? theme.text : theme.mutedText, fontSize: theme.fontSize.axisLabel },
  });
  const points = rows.map((x, i) => ({ value: [x.hr, i], itemStyle: x.reference ? { color: 'transparent', borderColor: theme.mutedText, borderWidth: 2 } : { color: x.hr < 1 ? theme.positive : theme.negative } }));
  return {
    ...baseOption(theme),
    title: titleBlock(theme, coxFinding(r, t), t('cox.forest.subtitle', { n: r.model.n, events: r.model.events, c: r.model.concordance.c.toFixed(3) })),
    grid: { left: 24, right: 24, top: 96, bottom: 56, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: unknown) => `${labels[(p as { dataIndex: number }).dataIndex]}: ${right[(p as { dataIndex: number }).dataIndex]}` },
    xAxis: { ...valueAxis(theme, t('cox.forest.axis')), type: 'log', logBase: 10, min, max, nameGap: 30, axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => String(Number(v.toPrecision(2))) } },
    yAxis: [cat('left', labels), cat('right', right)],
    series: [
      {
        type: 'scatter',
        yAxisIndex: 0,
        symbol: 'rect',
        symbolSize: 12,
        data: points,
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          label: { show: false },
          data: [
            { xAxis: 1, lineStyle: { color: theme.axisLine, type: 'dashed', width: 1 } },
            ...rows.flatMap((x, i) => (x.reference ? [] : [[{ coord: [x.lower!, i] }, { coord: [x.upper!, i] }]])),
          ] as never,
          lineStyle: { color: theme.text, width: 2, type: 'solid' },
        },
      },
      { type: 'scatter', yAxisIndex: 1, data: [], silent: true },
    ],
  } as EChartsOption;
}

/** At most `max` points, evenly spaced over the events (the smoother uses them all). */
function thin(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = n / max;
  return Array.from({ length: max }, (_, i) => Math.floor(i * step));
}

/** Scaled Schoenfeld residuals of one term over time, a binned-mean smoother and the model's constant effect. */
export function phPlotOption(r: CoxResult, term: string, t: TFunction, theme: ChartTheme): EChartsOption {
  const z = r.model.zph;
  const j = r.model.terms.findIndex((x) => x.term === term);
  const nt = r.model.terms.length;
  const n = z.eventTimes.length;
  const tm = r.model.terms[j];
  const constant = tm.columns.length === 1 ? r.model.beta[tm.columns[0]] : 1;
  const ys = Array.from({ length: n }, (_, e) => z.scaled[e * nt + j]);
  const sorted = [...ys].sort((a, b) => a - b);
  const q = (p: number): number => sorted[Math.min(n - 1, Math.max(0, Math.floor(p * (n - 1))))];
  const lo = q(0.01);
  const hi = q(0.99);
  const pad = (hi - lo) * 0.05 || 1;
  const bins = Math.min(20, Math.max(4, Math.floor(n / 30)));
  const smooth: [number, number][] = [];
  for (let b = 0; b < bins; b++) {
    const a0 = Math.floor((b * n) / bins);
    const a1 = Math.floor(((b + 1) * n) / bins);
    if (a1 <= a0) continue;
    let st = 0;
    let sy = 0;
    for (let e = a0; e < a1; e++) {
      st += z.eventTimes[e];
      sy += ys[e];
    }
    smooth.push([st / (a1 - a0), sy / (a1 - a0)]);
  }
  const unit = unitLabel(tr(t), r.unit);
  const ph = r.model.phTest.find((x) => x.term === term)!;
  const color = ph.p < 0.05 ? theme.negative : theme.positive;
  return {
    ...baseOption(theme),
    title: titleBlock(theme, phFinding(r, term, t), t(tm.columns.length === 1 ? 'cox.ph.subtitleOne' : 'cox.ph.subtitleMany', { term })),
    legend: { top: 62, itemGap: 28, data: [t('cox.ph.residuals'), t('cox.ph.smooth'), t('cox.ph.constant')], textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    grid: { left: 24, right: 32, top: 112, bottom: 56, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { ...valueAxis(theme, t('cox.ph.timeAxis', { unit })), min: 0, max: r.maxTime, nameGap: 30, splitLine: { show: false } },
    yAxis: { ...valueAxis(theme, t('cox.ph.axis', { term }), { location: 'end' }), min: lo - pad, max: hi + pad, axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, showMinLabel: false, showMaxLabel: false, formatter: (v: number) => String(Number(v.toPrecision(2))) } },
    series: [
      { type: 'scatter', name: t('cox.ph.residuals'), symbolSize: 3, itemStyle: { color: theme.mutedText, opacity: 0.35 }, data: thin(n, 1500).map((e) => [z.eventTimes[e], ys[e]]), silent: true, large: true },
      { type: 'line', name: t('cox.ph.smooth'), data: smooth, smooth: true, showSymbol: false, lineStyle: { color, width: 3 }, itemStyle: { color } },
      { type: 'line', name: t('cox.ph.constant'), data: [[0, constant], [r.maxTime, constant]], showSymbol: false, lineStyle: { color: theme.text, type: 'dashed', width: 1.5 }, itemStyle: { color: theme.text } },
    ],
  } as EChartsOption;
}

/** The profiles drawn: the spec's, or one typical customer (reference levels, mean numbers). */
export function chartProfiles(r: CoxResult, t: TFunction): { name: string; values: Record<string, ProfileValue> }[] {
  if (r.predicted.length) return r.predicted.map((p) => ({ name: p.profile, values: p.values }));
  const values: Record<string, ProfileValue> = {};
  for (const f of r.model.factors) values[f.column] = f.reference;
  for (const x of r.model.numbers) values[x.column] = Number(x.mean.toPrecision(4));
  return [{ name: t('cox.predicted.typical'), values }];
}

/** Predicted survival curves S(t | profile) as steps, with the numbers at risk at the chosen times. */
export function predictedOption(r: CoxResult, t: TFunction, theme: ChartTheme): EChartsOption {
  const b = r.model.baseline;
  const profiles = chartProfiles(r, t);
  const curves = profiles.map((p) => {
    const risk = Math.exp(profileLp(r.model, p.values));
    const at = (x: number): number => {
      let lo = 0;
      let hi = b.times.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b.times[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo === 0 ? 1 : Math.exp(-b.cumHaz[lo - 1] * risk);
    };
    return { name: p.name, survival: at, data: [[0, 1], ...Array.from(b.times, (x, k) => [x, Math.exp(-b.cumHaz[k] * risk)]), [r.maxTime, at(r.maxTime)]] };
  });
  const unit = unitLabel(tr(t), r.unit);
  const atRisk = r.times.map((x, i) => `${x}: ${r.atRisk[i].toLocaleString('en-US')}`).join('   ');
  return {
    ...baseOption(theme),
    title: titleBlock(theme, predictedFinding(r, curves, t), t('cox.predicted.atRisk', { list: atRisk, unit })),
    legend: { top: 62, type: 'scroll', itemGap: 28, data: curves.map((c) => c.name), textStyle: { color: theme.text, fontSize: theme.fontSize.legend } },
    grid: { left: 24, right: 32, top: 112, bottom: 56, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${(Number(v) * 100).toFixed(1)}%` },
    xAxis: { ...valueAxis(theme, t('cox.ph.timeAxis', { unit })), min: 0, max: r.maxTime, nameGap: 30, splitLine: { show: false } },
    yAxis: { ...valueAxis(theme, t('cox.predicted.axis'), { location: 'end' }), min: 0, max: 1, axisLabel: { color: theme.mutedText, fontSize: theme.fontSize.axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: curves.map((c, i) => ({ type: 'line', name: c.name, step: 'end', showSymbol: false, data: c.data, lineStyle: { width: 2.5, color: theme.palette[i % theme.palette.length] }, itemStyle: { color: theme.palette[i % theme.palette.length] } })),
  } as EChartsOption;
}
