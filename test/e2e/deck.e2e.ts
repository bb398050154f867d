import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const EDITOR = '.editor-host:not([hidden])';
const SOFFICE = '/usr/bin/soffice';

async function runCommand(page: Page, id: string, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

/** Real analysis computations since the page loaded (the workbench's performance marks). */
const analysisRuns = (page: Page) => page.evaluate(() => performance.getEntriesByName('tenure:analysis-run').length);

describe.skipIf(browserMissing)('Export deck (web build in Chromium)', () => {
  let s: Session;
  const deck = () => s.page.locator(`${EDITOR} [data-testid="deck-editor"]`);

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', width: 1440, height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
    await s.page.keyboard.press('Control+J');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('runs a Pareto and a survival analysis on Telco', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toContain('7,043 rows');

    await runCommand(page, 'analysis.pareto', 'pareto');
    const pareto = page.locator(`${EDITOR} [data-testid="pareto-editor"]`);
    await pareto.waitFor();
    await pareto.locator('[data-testid="pareto-customer"]').selectOption('customerID');
    await pareto.locator('[data-testid="pareto-value"]').selectOption('TotalCharges');
    await pareto.locator('[data-testid="pareto-group"]').selectOption('Contract');
    await pareto.locator('[data-testid="analysis-run"]').click();
    await pareto.locator('[data-testid="headline-text"]').waitFor({ timeout: 60_000 });

    await runCommand(page, 'analysis.survival', 'survival');
    const sv = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await sv.waitFor();
    await expect.poll(() => sv.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await sv.locator('[data-testid="sv-group"]').selectOption('Contract');
    await sv.locator('[data-testid="analysis-run"]').click();
    await sv.locator('[data-testid="km-card"]').waitFor({ timeout: 60_000 });
  });

  it('opens on the results the analyses already have: no analysis runs again, no statement reaches the engine', async () => {
    const { page } = s;
    // The panel stays closed over analysis editors until opened there.
    if (!(await page.locator('[data-panel-tab="log"]').count())) await page.keyboard.press('Control+J');
    await page.locator('[data-panel-tab="log"]').click();
    const statements = () => page.locator('[data-testid="log"] .log-entry').count();
    // Settled: nothing else (profiles, the status bar) is still querying.
    let before = -1;
    await expect.poll(async () => { const n = await statements(); const same = n === before; before = n; return same; }, { timeout: 30_000, interval: 1000 }).toBe(true);
    const runs = await analysisRuns(page);
    await runCommand(page, 'deck.export', 'export deck');
    await deck().locator('[data-testid="deck-items"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => deck().getAttribute('data-state')).toBe('ready');
    await expect(deck().locator('[data-testid="deck-item"]').count()).resolves.toBe(7);
    // Reload from editors reads the editors' results again, still without computing.
    await deck().locator('[data-testid="deck-reload"]').click();
    await expect.poll(() => deck().getAttribute('data-state')).toBe('ready');
    await page.waitForTimeout(500);
    await expect(statements()).resolves.toBe(before);
    await expect(analysisRuns(page)).resolves.toBe(runs);
  });

  it('lists the charts of the open editors in tab order, reorders and ticks tables', async () => {
    const { page } = s;
    await runCommand(page, 'deck.export', 'export deck');
    await deck().locator('[data-testid="deck-items"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => deck().getAttribute('data-state')).toBe('ready');
    // The retention brief would open the deck (test/e2e/risk.e2e.ts covers it): charts only here.
    await expect(deck().locator('[data-testid="deck-brief"]').isChecked()).resolves.toBe(true);
    await deck().locator('[data-testid="deck-brief"]').uncheck();
    const items = deck().locator('[data-testid="deck-item"]');
    // Pareto: pareto, lorenz, whale, class mix; survival: KM and RMST (the editor has groups); hazard.
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}/${e.getAttribute('data-chart')}`))).toEqual([
      'pareto/pareto',
      'pareto/lorenz',
      'pareto/whale',
      'pareto/classMix',
      'survival/km',
      'survival/rmst',
      'hazard/hazard',
    ]);
    const ticked = () => items.evaluateAll((els) => els.filter((e) => (e.querySelector('[data-testid="deck-include"]') as HTMLInputElement).checked).map((e) => e.getAttribute('data-chart')));
    await expect(ticked()).resolves.toEqual(['pareto', 'km']);
    // The Pareto slide's title is the editor's finding; takeaway prefilled from the registry.
    await expect(items.nth(0).locator('[data-testid="deck-item-title"]').textContent()).resolves.toContain('The top 20% of customers (1,407) produce 53.6% of TotalCharges');
    await expect(items.nth(0).locator('[data-testid="deck-takeaway"]').inputValue()).resolves.not.toBe('');
    await expect(deck().locator('[data-testid="deck-title"]').inputValue()).resolves.toMatch(/^Retention review – \w+ \d{4}$/);

    // Tick the Lorenz curve and the hazard; the survival curves go first; the Pareto slide gets its table.
    await items.nth(1).locator('[data-testid="deck-include"]').check();
    await items.nth(6).locator('[data-testid="deck-include"]').check();
    for (let i = 0; i < 4; i++) await deck().locator('[data-id$="/km"] [data-testid="deck-up"]').click();
    await deck().locator('[data-id$="/pareto"][data-kind="pareto"] [data-testid="deck-with-table"]').check();
    await deck().locator('[data-id$="/km"] [data-testid="deck-takeaway"]').fill('Month-to-month customers churn first.');
    await expect(deck().locator('[data-testid="deck-subtitle"]').inputValue()).resolves.toMatch(/^Data: WA_Fn-UseC_-Telco-Customer-Churn\.csv · \w+ \d+, \d{4}$/);
    await deck().locator('[data-testid="deck-title"]').fill('Telco retention');
    await deck().locator('[data-testid="deck-subtitle"]').fill('Q3 review · retention team');
    await expect(ticked()).resolves.toEqual(['km', 'pareto', 'lorenz', 'hazard']);
    await expect(deck().locator('[data-testid="deck-count"]').textContent()).resolves.toBe('4 chart slides + title slide');
    await page.waitForTimeout(200);
    await s.screenshot('deck-dialog');
    expect(s.errors).toEqual([]);
  });

  it('exports a .pptx: title slide + one slide per ticked chart, in order, notes with spec and SQL', async () => {
    const { page } = s;
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await deck().locator('[data-testid="deck-export"]').click();
    const dl = await download;
    expect(dl.suggestedFilename()).toMatch(/^Telco retention \d{4}-\d{2}-\d{2}\.pptx$/);
    const file = path.join(SCREENSHOTS, 'deck.pptx');
    await dl.saveAs(file);
    await deck().locator('[data-testid="deck-done"]').waitFor({ timeout: 30_000 });

    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides.sort()).toEqual([1, 2, 3, 4, 5].map((n) => `ppt/slides/slide${n}.xml`).sort());
    const slideXml = async (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    expect(await slideXml(1)).toContain('Telco retention');
    expect(await slideXml(1)).toContain('Q3 review · retention team');
    expect(await slideXml(2)).toContain('Month-to-month customers churn first.');
    expect(await slideXml(3)).toContain('The top 20% of customers (1,407) produce 53.6% of TotalCharges');
    // Native table on the Pareto slide only.
    expect(await slideXml(3)).toContain('<a:tbl>');
    expect(await slideXml(4)).not.toContain('<a:tbl>');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('ppt/media/') && f.endsWith('.png'));
    expect(media).toHaveLength(4);
    const png = await zip.file(media[0])!.async('nodebuffer');
    expect({ w: png.readUInt32BE(16), h: png.readUInt32BE(20) }).toEqual({ w: 1920, h: 1080 });
    const notes = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const all = notes.join('\n');
    expect(all).toContain('&quot;kind&quot;: &quot;pareto&quot;');
    expect(all).toContain('SELECT');
    expect(all).toContain('WA_Fn-UseC_-Telco-Customer-Churn.csv');
    expect(s.errors).toEqual([]);
  });

  it.skipIf(!existsSync(SOFFICE) && process.env.CI !== 'true')('opens in LibreOffice: 5 pages, each slide title in the text', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'tenure-deck-'));
    try {
      const file = path.join(SCREENSHOTS, 'deck.pptx');
      execFileSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'pdf', '--outdir', out, file], { timeout: 150_000, stdio: 'ignore' });
      const pdf = path.join(out, 'deck.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(5);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Telco retention');
      expect(text).toContain('The top 20% of customers (1,407) produce 53.6% of TotalCharges');
      expect(text).toContain('Month-to-month customers churn first.');
      // Every chart slide title (the findings listed in the dialog).
      const titles = await deck().locator('[data-testid="deck-item"]').evaluateAll((els) =>
        els.filter((e) => (e.querySelector('[data-testid="deck-include"]') as HTMLInputElement).checked).map((e) => e.querySelector('[data-testid="deck-item-title"]')!.textContent ?? ''),
      );
      expect(titles).toHaveLength(4);
      for (const title of titles) expect(text).toContain(title.replace(/\s+/g, ' ').trim());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
