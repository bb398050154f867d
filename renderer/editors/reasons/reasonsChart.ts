import type { EChartsOption } from 'echarts';

type Axis = { name?: string; nameTextStyle?: Record<string, unknown> } & Record<string, unknown>;
type Series = { markLine?: { label?: Record<string, unknown> } } & Record<string, unknown>;

/**
 * Layout fixes over the shared reasons Pareto (reported upstream): the title's subtext
 * ("Controllable share") collided with the count axis' name, which was also clipped at the left
 * edge, and the 80% guide's label sat on top of the right axis' 80% tick label.
 */
export function tidyReasonsOption(option: EChartsOption): EChartsOption {
  const grid = option.grid as Record<string, unknown> | undefined;
  const y = (Array.isArray(option.yAxis) ? option.yAxis : option.yAxis ? [option.yAxis] : []) as Axis[];
  const series = (Array.isArray(option.series) ? option.series : []) as Series[];
  return {
    ...option,
    grid: grid && !Array.isArray(grid) ? { ...grid, top: 92 } : grid,
    yAxis: y.map((a, i) => (i === 0 && a.name ? { ...a, nameTextStyle: { ...a.nameTextStyle, align: 'left' } } : a)) as EChartsOption['yAxis'],
    series: series.map((s) => (s.markLine ? { ...s, markLine: { ...s.markLine, label: { ...s.markLine.label, position: 'insideEndTop' } } } : s)) as EChartsOption['series'],
  };
}
