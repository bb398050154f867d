import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  /**
   * A secondary chart: drawn just after the first paint, so the headline and the main chart reach
   * the screen first (each chart costs tens of milliseconds of main-thread work to build and draw).
   */
  deferred?: boolean;
}

/** False on the first render, true once the browser has painted a frame. */
function useAfterFirstPaint(enabled: boolean): boolean {
  const [painted, setPainted] = useState(!enabled);
  useEffect(() => {
    if (painted) return;
    let timer = 0;
    // requestAnimationFrame runs before the next paint; the task it schedules runs after it.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}

/** A chart in a card with its export menu (PNG/SVG/clipboard, rendered off-screen at slide size). */
export function ChartCard({ caption, build, theme, fileTitle, height = 380, onClick, hint, testId, deferred = false }: ChartCardProps) {
  const shown = useAfterFirstPaint(deferred);
  const option = useMemo(() => (shown ? build(theme === 'dark' ? DARK_THEME : LIGHT_THEME) : null), [build, theme, shown]);
  const chart = useRef<ECharts | null>(null);
  const onReady = useCallback((c: ECharts | null) => {
    chart.current = c;
  }, []);
  const viewSize = useCallback(() => ({ width: Math.max(100, chart.current?.getWidth() ?? 960), height: Math.max(100, chart.current?.getHeight() ?? 540) }), []);
  const title = option && typeof option.title === 'object' && !Array.isArray(option.title) ? String(option.title.text ?? '') : '';
  return (
    <Card title={caption} subtitle={hint} testId={testId} actions={<ChartExportMenu build={build} title={fileTitle} viewSize={viewSize} />}>
      {option ? <EChart option={option} height={height} onClick={onClick} onReady={onReady} ariaLabel={title || caption} /> : <div className="tn-echart" style={{ width: '100%', height }} />}
    </Card>
  );
}
