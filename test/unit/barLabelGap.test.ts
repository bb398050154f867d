import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { reasonTable } from '../../shared/analysis/reasons/compute';
import { reasonsParetoOption } from '../../shared/analysis/reasons/chart';
import { riskByClassOption } from '../../shared/analysis/risk/chart';
import type { RiskResult } from '../../shared/analysis/risk/compute';
import { createI18n } from '../../shared/i18n/i18n';
import { LIGHT_THEME, SLIDE_THEME } from '../../shared/charts/theme';

const en = createI18n('en').t;

interface Drawn {
  type?: string;
  style?: { text?: string };
  getBoundingRect(): { x: number; y: number; width: number; height: number; applyTransform(m: unknown): void; clone(): Drawn['getBoundingRect'] extends () => infer R ? R : never };
  getComputedTransform(): unknown;
}

/**
 * The real ECharts layout (server-side, as the PNG/SVG/PPTX exports draw it): the gap in pixels between
 * the bottom of each label matching `text` and the top of the bar at (category, value).
 */
function gapsAbove(option: EChartsOption, labels: { text: RegExp; category: number; value: number }[]): number[] {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: 960, height: 540 });
  try {
    chart.setOption(option);
    const shapes = (chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): Drawn[] } }).storage.getDisplayList(true);
    return labels.map(({ text, category, value }) => {
      const el = shapes.find((s) => typeof s.style?.text === 'string' && text.test(s.style.text));
      if (!el) throw new Error(`no label ${text}`);
      const box = el.getBoundingRect().clone();
      box.applyTransform(el.getComputedTransform());
      const barTop = (chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 } as never, [category, value]) as number[])[1];
      return barTop - (box.y + box.height);
    });
  } finally {
    chart.dispose();
  }
}

describe('bar value labels sit clear of their bars', () => {
  it('reasons Pareto: each count at least 8 px above its bar (app and slide themes)', () => {
    const table = reasonTable(null, new Map<string | null, number>([['Price', 57], ['Moved', 31], [null, 12]]), { Price: true, Moved: false });
    for (const theme of [LIGHT_THEME, SLIDE_THEME]) {
      const gaps = gapsAbove(reasonsParetoOption(table, en as never, theme), [
        { text: /^57$/, category: 0, value: 57 },
        { text: /^31$/, category: 1, value: 31 },
      ]);
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(8);
    }
  });

  it('value at risk by class: the class total at least 8 px above its stack', () => {
    const seg = (segment: string, valueAtRisk: number) => ({ segment, valueAtRisk, customers: 10, share: 0, expectedChurners: 1 });
    const r = {
      spec: { segment: 'Contract', value: { kind: 'column', column: 'CLTV' } },
      unit: 'months',
      horizon: 6,
      scored: 100,
      valueAtRisk: 1000,
      valueActiveScored: 10_000,
      bySegment: [],
      byClass: [
        { class: 'A', valueAtRisk: 700, customers: 20, share: 0.7, bySegment: [seg('Month-to-month', 500), seg('One year', 200)] },
        { class: 'B', valueAtRisk: 300, customers: 80, share: 0.3, bySegment: [seg('Month-to-month', 200), seg('One year', 100)] },
      ],
    } as unknown as RiskResult;
    for (const theme of [LIGHT_THEME, SLIDE_THEME]) {
      const gaps = gapsAbove(riskByClassOption(r, en, theme), [
        { text: /^700 +\(/, category: 0, value: 700 },
        { text: /^300 +\(/, category: 1, value: 300 },
      ]);
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(8);
    }
  });
});
