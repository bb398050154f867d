import { useCallback, useMemo, useRef } from 'react';
import type { ECharts } from 'echarts/core';
import { DARK_THEME, LIGHT_THEME } from '../../../shared/charts/theme';
import { EChart, type ChartClick } from '../../charts/EChart';
import { ChartExportMenu } from '../../charts/ChartExportMenu';
import type { ChartBuilder } from '../../charts/exportChart';
import { Card } from './Card';

export interface ChartCardProps {
  /** Short caption of the card (the chart carries its finding as its own title). */
  caption: string;
  /** The chart function bound to its result: called with the screen theme here, with SLIDE_THEME on export. */
  build: ChartBuilder;
  theme: 'dark' | 'light';
  /** File name stem of exports. */
  fileTitle: string;
  height?: number;
  onClick?(e: ChartClick): void;
  hint?: string;
  testId?: string;
}

/** A chart in a card with its export menu (PNG/SVG/clipboard, rendered off-screen at slide size). */
export function ChartCard({ caption, build, theme, fileTitle, height = 380, onClick, hint, testId }: ChartCardProps) {
  const option = useMemo(() => build(theme === 'dark' ? DARK_THEME : LIGHT_THEME), [build, theme]);
  const chart = useRef<ECharts | null>(null);
  const onReady = useCallback((c: ECharts | null) => {
    chart.current = c;
  }, []);
  const viewSize = useCallback(() => ({ width: Math.max(100, chart.current?.getWidth() ?? 960), height: Math.max(100, chart.current?.getHeight() ?? 540) }), []);
  const title = typeof option.title === 'object' && !Array.isArray(option.title) ? String(option.title.text ?? '') : '';
  return (
    <Card title={caption} subtitle={hint} testId={testId} actions={<ChartExportMenu build={build} title={fileTitle} viewSize={viewSize} />}>
      <EChart option={option} height={height} onClick={onClick} onReady={onReady} ariaLabel={title || caption} />
    </Card>
  );
}
