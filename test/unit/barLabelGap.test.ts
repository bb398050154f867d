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

type Box = { x: number; y: number; width: number; height: number };

/**
 * The real ECharts layout (server-side, as the PNG/SVG/PPTX exports draw it): the gap in pixels between
 * the bottom of each label matching `text` and the top of the bar at (category, value); with `avoid`,
 * whether any label overlaps the text matching it (e.g. the value axis' name).
 */
function gapsAbove(option: EChartsOption, labels: { text: RegExp; category: number; value: number }[], avoid?: RegExp, width = 960): { gaps: number[]; overlaps: boolean } {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height: 540 });
  try {
    chart.setOption(option);
    const shapes = (chart.getZr() as unknown as { storage: { getDisplayList(update: boolean): Drawn[] } }).storage.getDisplayList(true);
    const boxOf = (text: RegExp): Box => {
      const el = shapes.find((s) => typeof s.style?.text === 'string' && text.test(s.style.text));
      if (!el) throw new Error(`no text ${text}`);
      const box = el.getBoundingRect().clone();
      box.applyTransform(el.getComputedTransform());
      return box;
    };
    const boxes = labels.map((l) => boxOf(l.text));
    const gaps = labels.map(({ category, value }, i) => (chart.convertToPixel({ xAxisIndex: 0, yAxisIndex: 0 } as never, [category, value]) as number[])[1] - (boxes[i].y + boxes[i].height));
    const other = avoid ? boxOf(avoid) : null;
    const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    return { gaps, overlaps: !!other && boxes.some((b) => meets(b, other)) };
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
      ]).gaps;
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(8);
    }
  });

  it('value at risk by class: the class total at least 8 px above its stack, clear of the axis name', () => {
    const seg = (segment: string, valueAtRisk: number) => ({ segment, valueAtRisk, customers: 10, share: 0, expectedChurners: 1 });
    const r = {
      spec: { segment: 'Contract', value: { kind: 'column', column: 'CLTV' } },
      unit: 'months',
      horizon: 6,
      scored: 100,
      valueAtRisk: 1221,
      valueActiveScored: 10_000,
      bySegment: [],
      byClass: [
        { class: 'A', valueAtRisk: 690, customers: 20, share: 0.68, bySegment: [seg('Month-to-month', 520), seg('One year', 170)] },
        { class: 'B', valueAtRisk: 328, customers: 80, share: 0.32, bySegment: [seg('Month-to-month', 280), seg('One year', 48)] },
        { class: 'C', valueAtRisk: 203, customers: 120, share: 0.17, bySegment: [seg('Month-to-month', 180), seg('One year', 23)] },
      ],
    } as unknown as RiskResult;
    for (const theme of [LIGHT_THEME, SLIDE_THEME]) {
      const { gaps, overlaps } = gapsAbove(
        riskByClassOption(r, en, theme),
        [
          { text: /^690 +\(/, category: 0, value: 690 },
          { text: /^328 +\(/, category: 1, value: 328 },
        ],
        /^Value at risk/,
        720, // the editor's chart card
      );
      for (const g of gaps) expect(g).toBeGreaterThanOrEqual(8);
      expect(overlaps).toBe(false);
    }
  });
});
