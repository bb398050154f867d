import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { slideOption } from './slideOption';
import { validateSize, type ExportSize } from './exportSizes';
import { xmlSafe } from './xmlText';

/**
 * Render an ECharts option off-screen to an SVG string at a fixed logical size (server-side
 * rendering: no DOM, works in Node, a worker or the page). Not a screenshot of the on-screen chart.
 */
export function renderChartSvg(option: EChartsOption, size: Pick<ExportSize, 'width' | 'height'>, opts: { background?: 'white' | 'transparent' } = {}): string {
  validateSize({ ...size, scale: 1 });
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(slideOption(option, opts));
    // ECharts escapes markup but not control characters, which no SVG reader accepts.
    return xmlSafe(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
