import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { renderChartSvg } from '../../shared/export/renderSvg';
import { svgToPng } from '../../shared/export/node/svgToPng';
import { buildDeck } from '../../shared/export/deck';
import { hasNonXmlChars, xmlSafe } from '../../shared/export/xmlText';

// A takeaway and column names as a damaged or hostile export can carry them.
const NASTY = 'Churn\u0000 by\u0001 con\u0008tract\u000B\u000C\u001F\uFFFE\uD800 end';
const COLUMN = 'Monthly\u0007Charges\u001B[31m';

/** Well-formed by a strict parser and made only of XML 1.0 characters. */
function xmlProblems(name: string, xml: string): string[] {
  const problems: string[] = [];
  if (hasNonXmlChars(xml)) problems.push(`${name}: a character XML 1.0 does not allow`);
  new DOMParser({ errorHandler: (level: string, msg: unknown) => void (problems.push(`${name}: ${level} ${String(msg).split('\n')[0]}`)) }).parseFromString(xml, 'text/xml');
  return problems;
}

describe('control characters never reach slide XML or SVG', () => {
  it('xmlSafe drops what XML cannot hold and keeps tabs, newlines and real text (CJK, emoji)', () => {
    expect(xmlSafe(NASTY)).toBe('Churn by contract end');
    expect(xmlSafe('a\tb\nc\r客户 😀')).toBe('a\tb\nc\r客户 😀');
  });

  it('a chart with a control character in a column name renders to SVG and PNG', () => {
    const option: EChartsOption = {
      title: { text: NASTY },
      xAxis: { type: 'category', data: [COLUMN, 'B'], name: COLUMN },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: COLUMN, data: [3, 4] }],
    };
    const svg = renderChartSvg(option, { width: 960, height: 540 });
    expect(xmlProblems('chart.svg', svg)).toEqual([]);
    expect(svg).toContain('MonthlyCharges[31m');
    expect(svgToPng(svg, 1, '#ffffff').length).toBeGreaterThan(1000);
  });

  it('a deck with them in the title, takeaway, notes, table header and cells: every XML part parses', async () => {
    const bytes = await buildDeck({
      title: NASTY,
      subtitle: COLUMN,
      slides: [
        { title: NASTY, takeaway: NASTY, notes: `spec: ${COLUMN}`, table: { columns: [COLUMN, 'n'], rows: [[NASTY, 1], ['ok', 2]] } },
        { title: 'Brief', text: [{ heading: COLUMN, lines: [NASTY] }] },
      ],
    });
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    expect(parts.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const name of parts) problems.push(...xmlProblems(name, await zip.file(name)!.async('string')));
    expect(problems).toEqual([]);
    const slide1 = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide1).toContain('Churn by contract end');
    expect(slide1).toContain('MonthlyCharges[31m');
  });
});
