import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsOption } from 'echarts';
import type { ECharts } from 'echarts/core';
import { echarts } from './echartsCore';
import { NARROW_CHART, fitWidth } from './fitWidth';

/** A click on a data item (a bar, a point): what the chart reported for it. */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
  name: string;
  value: unknown;
  componentType: string;
}

export interface EChartProps {
  /** A complete option from a shared chart function, built with the theme matching the workbench. */
  option: EChartsOption;
  /** CSS height of the chart box (width follows the container). */
  height?: number | string;
  className?: string;
  style?: CSSProperties;
  onClick?(e: ChartClick): void;
  /** The live instance (e.g. to read its current size for "export at current view"). */
  onReady?(chart: ECharts | null): void;
  /** Accessible description (the chart's finding). */
  ariaLabel?: string;
}

/**
 * An ECharts option on screen: canvas renderer, sized by its container (ResizeObserver, coalesced to
 * one resize per frame), option replaced wholesale (notMerge) so a re-run never keeps stale series.
 * Animation is off: a re-run or a resize redraws in place instead of re-growing every bar.
 */
export function EChart({ option, height = 360, className, style, onClick, onReady, ariaLabel }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  // Width in 20 px steps, tracked only while narrow: a wide chart never re-renders on resize.
  const [narrow, setNarrow] = useState(Infinity);

  useLayoutEffect(() => {
    const node = el.current!;
    const inst = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = inst;
    inst.on('click', (p) => {
      const e = p as unknown as ChartClick;
      clickRef.current?.({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex, name: e.name, value: e.value, componentType: e.componentType });
    });
    let frame = 0;
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // A hidden editor (display:none) reports 0×0: keep the last layout until it is shown again.
        if (node.clientWidth > 0 && node.clientHeight > 0) {
          inst.resize();
          setNarrow(node.clientWidth < NARROW_CHART ? Math.floor(node.clientWidth / 20) * 20 : Infinity);
        }
      });
    });
    ro.observe(node);
    readyRef.current?.(inst);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      readyRef.current?.(null);
      inst.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...fitWidth(option, narrow), animation: false }, { notMerge: true, lazyUpdate: true });
  }, [option, narrow]);

  return (
    <div
      ref={el}
      className={['tn-echart', className].filter(Boolean).join(' ')}
      style={{ width: '100%', height, ...style }}
      role="img"
      aria-label={ariaLabel}
      data-testid="echart"
    />
  );
}
