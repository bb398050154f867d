import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliText } from '../helpers/cli';
import { ARTIFACTS, DATA } from '../helpers/paths';

const OUT = path.join(ARTIFACTS, 'deck');

const cli = (...args: string[]) => cliText(args);

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    if (process.env.CI) throw new Error('LibreOffice (soffice) is required in CI to check the deck');
    return false;
  }
}

const telco = path.join(DATA, 'Telco_customer_churn.xlsx');
const churnEvent = { column: 'Churn Value', values: [1] };
const deck = {
  version: 1,
  title: 'Tenure quarterly review',
  subtitle: 'Telco, airline and Chinese telecom samples',
  slides: [
    { file: telco, kind: 'pareto', spec: { customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' } }, table: true },
    { file: telco, kind: 'survival', spec: { time: { kind: 'duration', column: 'Tenure Months' }, event: churnEvent, group: 'Contract' }, table: true },
    {
      file: path.join(DATA, 'airline_satisfaction_test.csv'),
      kind: 'quadrant',
      spec: {
        drivers: ['Inflight wifi service', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'Leg room service', 'Cleanliness', 'Food and drink', 'Checkin service'].map((column) => ({ column })),
        missing: [0],
        outcome: { column: 'satisfaction', positive: 'satisfied' },
      },
      table: true,
    },
    // Relative to the DECK.json; row numbers as ids; Chinese generated text.
    { file: path.relative(OUT, path.join(DATA, '电信客户流失数据.csv')), kind: 'pareto', language: 'zh-CN', spec: { customer: null, value: { kind: 'column', column: '费用' } } },
  ],
};

describe('tenure deck (CLI)', () => {
  it('builds a deck LibreOffice opens: a page per slide plus the cover, every finding as a title, Chinese included', async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const deckFile = path.join(OUT, 'deck.json');
    writeFileSync(deckFile, JSON.stringify(deck, null, 2));
    const pptx = path.join(OUT, 'deck.pptx');
    const { code, out, err } = await cli('deck', deckFile, '--pptx', pptx);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out) as { slides: { title: string }[]; imports: number; ms: number };
    expect(r.imports).toBe(3); // the Telco workbook is imported once for two slides
    const titles = r.slides.map((s) => s.title);
    expect(titles[0]).toBe('The top 20% of customers (1,407) produce 53.6% of Total Charges; 80% is reached with 38.4% of customers.');
    expect(titles[1]).toMatch(/^After 12 months, 70\.3% of customers with Contract Month-to-month remain, against 100% with Contract Two year$/);
    expect(titles[2]).toMatch(/^Improve first: /);
    expect(titles[3]).toMatch(/^前 20% 的客户（200 位）贡献了费用的 /);
    if (!hasSoffice()) return;
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${OUT}/lo-profile`, '--convert-to', 'pdf', '--outdir', OUT, pptx], { stdio: 'pipe', timeout: 240_000 });
    const pdf = path.join(OUT, 'deck.pdf');
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(deck.slides.length + 1);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
    for (const t of [deck.title, ...titles]) expect(text).toContain(t.replace(/\s+/g, ''));
    // The native tables' text is in the PDF too (class table, survival groups, quadrant zones).
    for (const cell of ['Month-to-month', 'Concentratehere', 'Total']) expect(text).toContain(cell);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'page')]);
  }, 600_000);

  it('pareto --png/--svg at 2×: 1920×1080 pixels, the SVG carries the title, the JSON lists the files', async () => {
    mkdirSync(OUT, { recursive: true });
    const png = path.join(OUT, 'pareto.png');
    const svg = path.join(OUT, 'pareto.svg');
    const { code, out, err } = await cli('pareto', telco, '--customer', 'CustomerID', '--value', 'Total Charges', '--png', png, '--svg', svg, '--scale', '2', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).files).toEqual({ png, svg });
    expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
    expect(readFileSync(svg, 'utf8')).toContain('The top 20% of customers produce 53.6% of Total Charges');
  }, 300_000);

  it('a bad DECK.json names the slide and the path, before any data is read', async () => {
    mkdirSync(OUT, { recursive: true });
    const bad = path.join(OUT, 'bad.json');
    writeFileSync(bad, JSON.stringify({ title: 'x', slides: [deck.slides[0], { ...deck.slides[1], spec: { time: { kind: 'duration' } } }] }));
    const { code, err } = await cli('deck', bad, '--pptx', path.join(OUT, 'bad.pptx'));
    expect(code).toBe(2);
    const e = JSON.parse(err).error;
    expect(e.code).toBe('deck.badSpec');
    expect(e.message).toMatch(/slide 2 \(slides\[1\]\.spec\.time\.column\)/);
  }, 300_000);
});
