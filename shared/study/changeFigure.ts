import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../charts/theme';
import { changeCells, changeTitle, type ChangesView } from './changeText';

type T = (k: string, o?: Record<string, unknown>) => string;

/** Column shares of the table width (figure, before, after, difference), as on the deck's table slide. */
const WEIGHTS = [16, 10, 10, 8];

/**
 * A "What changed" comparison as a picture: its title, the two files, then the table of figures (figure,
 * before, after, difference) drawn as text, laid out for `size`. An ECharts option, so PNG, SVG and the
 * clipboard go through the same export as every chart. Rows that do not fit at a legible size are left
 * out and counted in a last line (the view and its CSV/XLSX have them all).
 */
export function changesFigureOption(v: ChangesView, locale: string, t: T, theme: ChartTheme, size: { width: number; height: number }): EChartsOption {
  const fs = theme.fontSize;
  const pad = Math.round(Math.max(16, size.width * 0.035));
  const tableTop = pad + fs.title + 10 + Math.round(fs.subtitle * 1.4) + 18;
  const avail = size.height - tableTop - pad;
  const cells = changeCells(v.change.rows, locale, t);
  // Row height: generous for a few rows, shrinking to a legible minimum; beyond that the rest is counted.
  const minRow = Math.max(16, Math.round(fs.label * 1.5));
  const rowH = Math.max(minRow, Math.min(Math.round(fs.label * 2.3), Math.floor(avail / (cells.length + 1))));
  const fit = Math.max(1, Math.floor(avail / rowH) - 1);
  const shown = cells.length > fit ? cells.slice(0, fit - 1) : cells;
  const more = cells.length - shown.length;
  const fontSize = Math.min(fs.label + 2, Math.max(10, Math.round(rowH * 0.52)));

  const width = size.width - 2 * pad;
  const total = WEIGHTS.reduce((s, w) => s + w, 0);
  const edges = WEIGHTS.reduce<number[]>((xs, w) => [...xs, xs[xs.length - 1] + (w / total) * width], [pad]);
  const cellGap = 10;
  const text = (s: string, col: number, y: number, bold: boolean, fill: string) => {
    const left = col === 0;
    return {
      type: 'text' as const,
      x: left ? edges[col] + cellGap / 2 : edges[col + 1] - cellGap / 2,
      y: y + rowH / 2,
      silent: true,
      style: { text: s, fill, fontSize, fontFamily: theme.fontFamily, fontWeight: bold ? ('bold' as const) : ('normal' as const), align: left ? ('left' as const) : ('right' as const), verticalAlign: 'middle' as const, width: edges[col + 1] - edges[col] - cellGap, overflow: 'truncate' as const, ellipsis: '…' },
    };
  };
  const band = theme.mode === 'dark' ? 'rgba(255,255,255,0.05)' : 'rgba(0,0,0,0.035)';
  const headers = [t('workbench.changed.figureColumn'), t('workbench.changed.beforeShort'), t('workbench.changed.afterShort'), t('workbench.changed.difference')];
  const graphic: NonNullable<EChartsOption['graphic']> = [
    ...headers.map((h, c) => text(h, c, tableTop, true, theme.text)),
    { type: 'line', silent: true, shape: { x1: pad, y1: tableTop + rowH, x2: size.width - pad, y2: tableTop + rowH }, style: { stroke: theme.axisLine, lineWidth: 1.5 } },
    ...shown.flatMap((row, r) => {
      const y = tableTop + rowH * (r + 1);
      return [
        ...(r % 2 === 1 ? [{ type: 'rect' as const, silent: true, z: -1, shape: { x: pad, y, width, height: rowH }, style: { fill: band } }] : []),
        ...row.map((s, c) => text(s, c, y, c === 3, theme.text)),
      ];
    }),
    { type: 'line', silent: true, shape: { x1: pad, y1: tableTop + rowH * (shown.length + 1), x2: size.width - pad, y2: tableTop + rowH * (shown.length + 1) }, style: { stroke: theme.gridLine, lineWidth: 1 } },
  ];
  if (more > 0) {
    const line = text(t('workbench.changed.moreRows', { count: more }), 0, tableTop + rowH * (shown.length + 1), false, theme.mutedText);
    graphic.push({ ...line, style: { ...line.style, width } });
  }
  return {
    backgroundColor: theme.background,
    title: {
      text: t('workbench.changed.slideTitle', { analysis: changeTitle(v.change, t) }),
      subtext: t('workbench.changed.intro', { before: v.before, after: v.after }),
      left: pad,
      top: pad,
      itemGap: 10,
      textStyle: { color: theme.text, fontSize: fs.title, fontFamily: theme.fontFamily, fontWeight: 'bold', width, overflow: 'truncate' },
      subtextStyle: { color: theme.mutedText, fontSize: fs.subtitle, fontFamily: theme.fontFamily, width, overflow: 'truncate' },
    },
    graphic,
  };
}
