import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { fitWidth } from '../../renderer/charts/fitWidth';

const option = {
  title: { text: 'The top 20% of customers produce 53.6% of TotalCharges', subtext: '80% of TotalCharges comes from 38.4% of customers', textStyle: { fontSize: 16 } },
  yAxis: [
    { type: 'value', name: 'TotalCharges per customer', nameLocation: 'end' },
    { type: 'value', name: 'Cumulative share of TotalCharges (%)', nameLocation: 'end', position: 'right' },
  ],
} as EChartsOption;

describe('fitWidth', () => {
  it('leaves a wide chart untouched', () => {
    expect(fitWidth(option, 900)).toBe(option);
    expect(fitWidth(option, 0)).toBe(option);
  });

  it('cuts titles to the box and shares the width between the top axis names', () => {
    const fitted = fitWidth(option, 420) as { title: Record<string, Record<string, unknown>>; yAxis: Array<Record<string, unknown>> };
    expect(fitted.title.textStyle).toMatchObject({ fontSize: 16, width: 388, overflow: 'truncate' });
    expect(fitted.title.subtextStyle).toMatchObject({ width: 388, overflow: 'truncate' });
    const widths = fitted.yAxis.map((a) => (a.nameTruncate as { maxWidth: number }).maxWidth);
    expect(widths).toEqual([150, 150]);
    expect(widths[0] + widths[1]).toBeLessThan(420 - 100);
    // the shared option is not mutated (it is also what the export renders at slide size)
    expect((option.title as Record<string, unknown>).textStyle).toEqual({ fontSize: 16 });
  });
});
