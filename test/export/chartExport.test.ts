import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { EChartsOption } from 'echarts';
import { renderChartSvg } from '../../shared/export/renderSvg';
import { svgToPng } from '../../shared/export/node/svgToPng';
import { buildDeck } from '../../shared/export/deck';
import { PRESETS, pixelSize } from '../../shared/export/exportSizes';
import { ARTIFACTS } from '../helpers/paths';

const option: EChartsOption = {
  title: { text: '前 20% 的客户贡献了 53.6% 的总费用', subtext: 'Telco_customer_churn.xlsx · 2026-11-22' },
  toolbox: { feature: { saveAsImage: {} } },
  xAxis: { type: 'category', data: ['A', 'B', 'C'], name: 'Class' },
  yAxis: { type: 'value', name: 'Share of value (%)' },
  series: [{ type: 'bar', data: [80, 15, 5] }],
};

function pngSize(png: Uint8Array): { width: number; height: number } {
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

const out = path.join(ARTIFACTS, 'export');
mkdirSync(out, { recursive: true });

describe('chart export (off-screen render)', () => {
  it('renders SVG that contains the title and no toolbox', () => {
    const svg = renderChartSvg(option, { width: 960, height: 540 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('前 20% 的客户贡献了 53.6% 的总费用');
    expect(svg).toContain('width="960"');
    expect(svg).not.toMatch(/saveAsImage|toolbox/i);
  });

  it.each([1, 2, 3])('renders a PNG at %i× with the requested pixel size', (scale) => {
    const size = { ...PRESETS.slide16x9, scale };
    const png = svgToPng(renderChartSvg(option, size), scale, '#ffffff');
    expect(pngSize(png)).toEqual(pixelSize(size));
    if (scale === 2) writeFileSync(path.join(out, 'chart-2x.png'), png);
  });
});

describe('PPTX deck', () => {
  it('is read by LibreOffice: one PDF page per slide, every title (Chinese too) present', async () => {
    const png = svgToPng(renderChartSvg(option, PRESETS.slide16x9), 2, '#ffffff');
    const slides = [
      { title: '前 20% 的客户贡献了 53.6% 的总费用', takeaway: 'Protect the A class', notes: 'spec: {...}\nSQL: SELECT 1', image: { png, width: 1920, height: 1080 } },
      { title: 'Month-to-month customers churn first', image: { png, width: 1920, height: 1080 }, table: { columns: ['Class', 'Customers', 'Share'], rows: [['A', 1407, 0.2], ['B', 2000, 0.28]] } },
      { title: 'Class table', table: { columns: ['Class', 'Customers'], rows: [['A', 1], ['C', 2]] } },
    ];
    const bytes = await buildDeck({ title: 'Tenure monthly review', subtitle: '2026-11-22', slides });
    const file = path.join(out, 'deck.pptx');
    writeFileSync(file, bytes);
    if (!existsSync('/usr/bin/soffice')) {
      if (process.env.CI) throw new Error('LibreOffice (soffice) is required in CI');
      return;
    }
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${out}/lo-profile`, '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'pipe', timeout: 120_000 });
    const pdf = path.join(out, 'deck.pdf');
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides.length + 1);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
    for (const s of slides) expect(text).toContain(s.title.replace(/\s+/g, ''));
    expect(text).toContain('Tenuremonthlyreview');
    execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(out, 'deck-page')]);
  });
});
