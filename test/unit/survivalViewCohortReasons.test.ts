import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { cohortsFromRows } from '../../shared/analysis/cohort/compute';
import { parseCohortSpec } from '../../shared/analysis/cohort/spec';
import { cohortCurveOption, cohortHeatmapOption } from '../../shared/analysis/cohort/chart';
import { periodComplete } from '../../shared/analysis/cohort/period';
import { reasonsFromRows } from '../../shared/analysis/reasons/compute';
import { parseReasonsSpec } from '../../shared/analysis/reasons/spec';
import { DARK_THEME, LIGHT_THEME } from '../../shared/charts/theme';
import { createI18n } from '../../shared/i18n/i18n';
import { byValue, cohortProblems, cohortSpecOf, cohortTableData, guessCohortForm } from '../../renderer/editors/cohort/cohortForm';
import { labelColourOn, readableHeatmap } from '../../shared/analysis/cohort/heatmapLabels';
import { reasonsParetoOption } from '../../shared/analysis/reasons/chart';
import { emptyReasonsForm, guessReasonsForm, reasonsProblems, reasonsSpecOf, retagResult, setTag, tagOf } from '../../renderer/editors/reasons/reasonsForm';

const t = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;

const RETAIL = [
  { name: 'InvoiceNo', type: 'VARCHAR' },
  { name: 'Quantity', type: 'BIGINT' },
  { name: 'InvoiceDate', type: 'TIMESTAMP' },
  { name: 'UnitPrice', type: 'DOUBLE' },
  { name: 'CustomerID', type: 'BIGINT' },
];

// Two monthly cohorts; 2010-12 and 2011-01; the data ends in 2011-02.
const spec = parseCohortSpec({ table: 't', customer: 'c', date: 'd', valueExpr: 'v' });
const rows = [
  { cohort: 24131, k: 0, active: 10, value: 200, last_period: 24133, missing_customer: 1, missing_date: 0 },
  { cohort: 24131, k: 1, active: 4, value: 50, last_period: 24133, missing_customer: 1, missing_date: 0 },
  { cohort: 24131, k: 2, active: 5, value: 100, last_period: 24133, missing_customer: 1, missing_date: 0 },
  { cohort: 24132, k: 0, active: 20, value: 100, last_period: 24133, missing_customer: 1, missing_date: 0 },
  { cohort: 24132, k: 1, active: 2, value: 100, last_period: 24133, missing_customer: 1, missing_date: 0 },
];
const result = cohortsFromRows(spec, rows);

describe('cohort form', () => {
  it('guesses the customer id and the real date column, not a unit price as value', () => {
    const f = guessCohortForm('retail', RETAIL);
    expect(f).toMatchObject({ customer: 'CustomerID', date: 'InvoiceDate', valueExpr: '', period: 'month', measure: 'customers' });
    expect(cohortProblems(f)).toEqual([]);
    expect(cohortSpecOf({ ...f, where: ' "CustomerID" IS NOT NULL ' })).toEqual({ table: 'retail', customer: 'CustomerID', date: 'InvoiceDate', period: 'month', where: '"CustomerID" IS NOT NULL' });
  });

  it('the value measure needs a value expression', () => {
    const f = { ...guessCohortForm('retail', RETAIL), measure: 'value' as const };
    expect(cohortProblems(f).map((p) => p.key)).toEqual(['survival.cohortForm.needValue']);
  });

  it('value view: cells are value[k] / value[0]; the average is Σ value[k] / Σ value[0] over observed cohorts', () => {
    const v = byValue(result);
    expect(v.cohorts[0].retention).toEqual([1, 0.25, 0.5]);
    expect(v.cohorts[1].retention).toEqual([1, 1, null]);
    expect(v.average[1]).toBeCloseTo(150 / 300, 12);
    expect(v.average[2]).toBeCloseTo(100 / 200, 12);
  });

  it('table: cohort, size, a share per offset (null past the end), then the weighted average', () => {
    const d = cohortTableData(result, 'customers', t);
    expect(d.columns).toEqual(['Cohort', 'Cohort size', '+0', '+1', '+2']);
    expect(d.rows[0]).toEqual(['2010-12', 10, 1, 0.4, 0.5]);
    expect(d.rows[1]).toEqual(['2011-01', 20, 1, 0.1, null]);
    expect(d.rows[2][0]).toBe('Average (weighted by cohort size)');
    expect(d.rows[2][3]).toBeCloseTo(6 / 30, 12);
  });
});

describe('a partial last period', () => {
  // The same cohorts, but the data end on 2011-02-09: February is partial.
  const partialRows = rows.map((r) => ({ ...r, last_date: '2011-02-09' }));
  it('is found, marked, and left out of the average (so of the headline and the deck finding) unless asked for', () => {
    const r = cohortsFromRows(spec, partialRows);
    expect(r.partial).toEqual({ period: '2011-02', dataEnd: '2011-02-09', included: false });
    expect(r.cohorts.map((c) => c.partialAt)).toEqual([2, 1]);
    // offset 1: only the 2010-12 cohort (January is complete); the 2011-01 cohort's February is partial
    expect(r.average[1]).toBeCloseTo(4 / 10, 12);
    expect(r.average[2]).toBeNull();
    expect(r.averageCohorts).toEqual([2, 1, 0]);
    const all = cohortsFromRows(parseCohortSpec({ ...spec, includePartial: true }), partialRows);
    expect(all.average[1]).toBeCloseTo(6 / 30, 12);
    expect(all.partial?.included).toBe(true);
    // A month whose last day has data is complete.
    expect(cohortsFromRows(spec, rows.map((x) => ({ ...x, last_date: '2011-02-28' }))).partial).toBeNull();
    expect(periodComplete(24133, 'month', '2011-02-28')).toBe(true);
    expect(periodComplete(24133 + 10, 'month', '2011-12-09')).toBe(false);
  });

  it('the heatmap stars the partial cells and says why; the curve marks them and lists the average first', () => {
    const r = cohortsFromRows(spec, partialRows);
    const heat = cohortHeatmapOption(r, t, LIGHT_THEME);
    expect((heat.title as { subtext: string }).subtext).toBe('* 2011-02 is a partial period: the data end on 2011-02-09. It is left out of the average and the headline.');
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 400 });
    chart.setOption(heat);
    expect(chart.renderToSVGString()).toContain('50.0%*');
    chart.dispose();
    const curve = cohortCurveOption(r, t, DARK_THEME);
    const legend = (curve.legend as { data: string[] }).data;
    expect(legend.slice(0, 2)).toEqual(['Average (weighted by cohort size)', 'Partial period']);
    const series = curve.series as { id: string; color?: string; data: unknown[] }[];
    expect(series.find((x) => x.id === 'partial')?.data).toEqual([[2, 0.5], [1, 0.1]]);
    const avgColour = series.find((x) => x.id === 'average')?.color;
    expect(series.filter((x) => x.id.startsWith('cohort-')).every((x) => x.color !== avgColour)).toBe(true);
  });
});

describe('readable heatmap', () => {
  it('white text on the deep end of the light scale, dark text on the deep end of the dark scale', () => {
    expect(labelColourOn('#f1f6fb', '#0072B2', 1)).toBe('#ffffff');
    expect(labelColourOn('#f1f6fb', '#0072B2', 0)).toBe('#1f2328');
    expect(labelColourOn('#1e2a33', '#4FC1FF', 1)).toBe('#1f2328');
    expect(labelColourOn('#1e2a33', '#4FC1FF', 0)).toBe('#ffffff');
  });

  for (const theme of [LIGHT_THEME, DARK_THEME]) {
    it(`labels every cell and the scale ends (${theme.mode}); ECharts renders it`, () => {
      const o = readableHeatmap(cohortHeatmapOption(result, t, theme));
      const data = (o.series as { data: { value: number[]; label: { color: string } }[] }[])[0].data;
      expect(data).toHaveLength(5);
      expect(data.every((d) => /^#/.test(d.label.color))).toBe(true);
      const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 400 });
      chart.setOption(o);
      const svg = chart.renderToSVGString();
      chart.dispose();
      expect(svg).toContain('40.0%');
      expect(svg).toContain('50%'); // the scale's upper end
    });
  }
});

describe('reasons form', () => {
  it('opened on a table, guesses the reason and the churn column from their names (the Telco workbook)', () => {
    const cols = ['CustomerID', 'Tenure Months', 'Churn Label', 'Churn Value', 'Churn Score', 'CLTV', 'Churn Reason'].map((name) => ({ name, type: /Months|Value|Score|CLTV/.test(name) ? 'BIGINT' : 'VARCHAR' }));
    const f = guessReasonsForm('Telco_customer_churn', cols);
    expect(f).toMatchObject({ table: 'Telco_customer_churn', reason: 'Churn Reason', event: 'Churn Label', eventValues: [] });
    expect(reasonsProblems(f).map((p) => p.field)).toEqual(['eventValues']);
    expect(guessReasonsForm('t', [{ name: 'amount', type: 'DOUBLE' }])).toEqual(emptyReasonsForm('t'));
  });

  it('needs a reason, an event column and its churn values', () => {
    expect(reasonsProblems(emptyReasonsForm('t')).map((p) => p.key)).toEqual(['survival.reasonsForm.needReason', 'survival.form.needEvent']);
    const f = { ...emptyReasonsForm('t'), reason: 'Reason', event: 'Churn', eventValues: ['Yes'], tags: { Price: true } };
    expect(reasonsProblems(f)).toEqual([]);
    // Tags are a view setting: not part of the query spec.
    expect(parseReasonsSpec(reasonsSpecOf(f))).toEqual({ table: 't', reason: 'Reason', event: { column: 'Churn', values: ['Yes'] }, controllable: {} });
  });

  it('three-way tags, and re-tagging recomputes the controllable share without a query', () => {
    let tags = setTag({}, 'Price', 'yes');
    tags = setTag(tags, 'Moved', 'no');
    expect(tagOf(tags, 'Price')).toBe('yes');
    expect(tagOf(tags, 'Moved')).toBe('no');
    expect(tagOf(setTag(tags, 'Price', 'none'), 'Price')).toBe('none');
    const r = reasonsFromRows(parseReasonsSpec({ table: 't', reason: 'r', event: { column: 'e', values: ['Yes'] }, group: 'g' }), [
      { g: 'A', reason: 'Price', n: 6 },
      { g: 'A', reason: 'Moved', n: 3 },
      { g: 'B', reason: 'Price', n: 1 },
      { g: 'B', reason: null, n: 2 },
    ]);
    const tagged = retagResult(r, tags);
    expect(tagged.overall.controllableShare).toBeCloseTo(7 / 12, 12);
    expect(tagged.overall.notControllableShare).toBeCloseTo(3 / 12, 12);
    expect(tagged.groups.find((g) => g.name === 'B')!.untaggedShare).toBeCloseTo(2 / 3, 12);
    expect(tagged.overall.rows.map((x) => x.reason)).toEqual(['Price', 'Moved', null]);
  });
});

describe('reasons chart layout', () => {
  it('moves the plot below the subtitle, keeps the axis name inside, lifts the 80% label off the right axis; ECharts renders it', () => {
    const r = reasonsFromRows(parseReasonsSpec({ table: 't', reason: 'r', event: { column: 'e', values: ['Yes'] }, controllable: { Price: true } }), [
      { g: null, reason: 'Price', n: 6 },
      { g: null, reason: 'Moved', n: 3 },
    ]);
    const o = reasonsParetoOption(r.overall, t, LIGHT_THEME);
    expect((o.grid as { top: number }).top).toBe(92);
    expect((o.yAxis as { nameTextStyle: { align: string } }[])[0].nameTextStyle.align).toBe('left');
    const line = (o.series as { id: string; markLine?: { label: { position: string } } }[]).find((x) => x.id === 'reasons-cumulative')!;
    expect(line.markLine!.label.position).toBe('insideEndTop');
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 800, height: 400 });
    chart.setOption(o);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('Controllable share: 66.7%');
  });
});
