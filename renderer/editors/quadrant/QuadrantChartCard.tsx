import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { quadrantChartOption } from '../../../shared/analysis/quadrant/chart';
import type { QuadrantResult } from '../../../shared/analysis/quadrant/result';
import { DARK_THEME, LIGHT_THEME, type ChartTheme } from '../../../shared/charts/theme';
import { EChart } from '../../charts/EChart';
import { ChartExportMenu } from '../../charts/ChartExportMenu';
import { Card } from '../analysis';
import type { Translate } from './findings';
import { relabel } from '../../../shared/analysis/quadrant/relabel';

/** The chart function's default layout size, which is the 16:9 export's. */
const SLIDE_SIZE = { width: 960, height: 540 };

export type QuadrantView = 'overall' | 'segments';

/**
 * The quadrant chart in a card. Unlike the kit's ChartCard it measures its box: the driver labels are
 * placed by the chart function in pixels, so it must lay out at the size it is drawn at (on export,
 * at the slide's 960×540).
 */
export function QuadrantChartCard({ result, view, theme, fileTitle, caption }: { result: QuadrantResult; view: QuadrantView; theme: 'dark' | 'light'; fileTitle: string; caption: string }) {
  const { t: tr } = useTranslation();
  const t = tr as unknown as Translate;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const node = box.current!;
    const measure = () => {
      // A hidden editor reports 0: keep the last width until it is shown again.
      if (node.clientWidth > 0) setWidth(Math.round(node.clientWidth));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(node);
    return () => ro.disconnect();
  }, []);
  const importanceOnX = result.spec.axes === 'importance-x';
  const segments = view === 'segments' && result.segments.length > 0;
  const rows = segments ? Math.ceil(result.segments.length / (result.segments.length <= 3 ? result.segments.length : Math.ceil(Math.sqrt(result.segments.length)))) : 1;
  const height = segments ? Math.min(1100, 180 + rows * 360) : 560;
  // Export lays out again at the slide size (the chart function's default 960×540).
  const build = useCallback((th: ChartTheme) => relabel(quadrantChartOption(result, t, th, { view }), SLIDE_SIZE, th, importanceOnX), [result, t, view, importanceOnX]);
  const option = useMemo(
    () => {
      const th = theme === 'dark' ? DARK_THEME : LIGHT_THEME;
      const size = { width: width || 960, height };
      return relabel(quadrantChartOption(result, t, th, { view, ...size }), size, th, importanceOnX);
    },
    [result, t, theme, view, width, height, importanceOnX],
  );
  const chart = useRef<ECharts | null>(null);
  const onReady = useCallback((c: ECharts | null) => {
    chart.current = c;
  }, []);
  const viewSize = useCallback(() => ({ width: Math.max(100, chart.current?.getWidth() ?? 960), height: Math.max(100, chart.current?.getHeight() ?? 540) }), []);
  return (
    <Card title={caption} testId="qd-chart" actions={<ChartExportMenu build={build} title={fileTitle} viewSize={viewSize} />}>
      <div ref={box}>{width > 0 && <EChart option={option} height={height} onReady={onReady} ariaLabel={t('quadrant.title')} />}</div>
    </Card>
  );
}
