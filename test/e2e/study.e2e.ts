import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const AIRLINE = path.join(DATA, 'airline_satisfaction_test.csv');
const NOTE = 'A class = a fifth of customers; check the B class next month.';
const TAKEAWAY = 'Month-to-month A customers leave first: call them in month 1.';
const EDITOR = '.editor-host:not([hidden])';
const VIP_SQL = 'CREATE TABLE vip AS SELECT * FROM WA_Fn_UseC_Telco_Customer_Churn WHERE MonthlyCharges > 100';

async function runCommand(page: Page, id: string, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

async function openFile(page: Page, file: string, rows: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
  await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 60_000 }).toContain(rows);
}

describe.skipIf(browserMissing)('results belong to the analysis (web build in Chromium)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('keeps a Kaplan-Meier result through split, unsplit and switching tabs', async () => {
    const { page } = s;
    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.survival', 'survival');
    const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await ed.waitFor();
    await expect.poll(() => ed.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await ed.locator('[data-testid="sv-group"]').selectOption('Contract');
    await ed.locator('[data-testid="analysis-run"]').click();
    await ed.locator('[data-testid="km-card"]').waitFor({ timeout: 60_000 });
    const atRisk = (group: number) => page.locator('.editor-group').nth(group).locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent();

    // Split: the one-group tree becomes two panels, so the original editor remounts; both show the result.
    await page.keyboard.press('Control+\\');
    await expect(page.locator('.editor-group').count()).resolves.toBe(2);
    await expect(atRisk(0)).resolves.toBe('3875');
    await expect(atRisk(1)).resolves.toBe('3875');

    // Unsplit (close the copy): the original remounts again and keeps its result, not stale.
    await page.keyboard.press('Control+w');
    await expect(page.locator('.editor-group').count()).resolves.toBe(1);
    await expect(page.locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent()).resolves.toBe('3875');
    await expect(page.locator(`${EDITOR} [data-testid="survival-results"]`).getAttribute('class')).resolves.toBeNull();

    // Switch to the table tab and back.
    await page.locator('.tab').first().click();
    await page.locator('.tab', { hasText: /survival|churn/i }).last().click();
    await expect(page.locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent()).resolves.toBe('3875');
    expect(s.errors).toEqual([]);
  });
});

const OUT = path.join(ARTIFACTS, 'study-e2e');
const HEADLINE = 'The top 20% of customers (1,407) produce 53.6% of TotalCharges; 80% is reached with 38.4% of customers.';
const ed = (page: Page, testId: string) => page.locator(`${EDITOR} [data-testid="${testId}"]`);

/** Real computations per analysis id since the page loaded (performance marks of the workbench). */
const runsSinceLoad = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of performance.getEntriesByName('tenure:analysis-run')) {
      const d = (m as PerformanceMark).detail as { id: string; before: boolean };
      if (!d.before) out[d.id] = (out[d.id] ?? 0) + 1;
    }
    return out;
  });

/** The deck rows as kind/chart, ticked or not, with the takeaway. */
const deckRows = (page: Page) =>
  ed(page, 'deck-items')
    .locator('[data-testid="deck-item"]')
    .evaluateAll((els) =>
      els.map((e) => ({
        id: `${e.getAttribute('data-kind')}/${e.getAttribute('data-chart')}`,
        on: (e.querySelector('[data-testid="deck-include"]') as HTMLInputElement).checked,
        takeaway: (e.querySelector('[data-testid="deck-takeaway"]') as HTMLInputElement).value,
      })),
    );
const riskAt0 = (page: Page, group: string) => ed(page, 'km-risk-table').locator(`tr[data-group="${group}"] td[data-time="0"]`).textContent();

async function openStudy(page: Page, file: string, data: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await runCommand(page, 'study.open', 'open study');
  await (await chooser).setFiles(file);
  const dialog = page.locator('[data-testid="relink-dialog"]');
  await dialog.waitFor({ timeout: 30_000 });
  const data2 = page.waitForEvent('filechooser');
  await dialog.locator('[data-testid="relink-choose"]').click();
  await (await data2).setFiles(data);
  await expect.poll(() => dialog.getAttribute('data-missing')).toBe('0');
  await dialog.locator('[data-testid="relink-open"]').click();
  await dialog.waitFor({ state: 'detached' });
}

describe.skipIf(browserMissing)('studies: save, reopen, relink, recover (web build in Chromium)', () => {
  let s: Session;
  let profile: string;
  let deckBefore: { id: string; on: boolean; takeaway: string }[] = [];
  const studyFile = path.join(OUT, 'telco.tenure');

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    profile = mkdtempSync(path.join(os.tmpdir(), 'tenure-study-'));
    s = await launch({ colorScheme: 'dark', height: 1000, profile });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('builds a study on Telco (Pareto with saved classes, churn-time by class), saves it without the data', async () => {
    const { page } = s;
    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.pareto', 'pareto');
    const pa = ed(page, 'pareto-editor');
    await pa.waitFor();
    await pa.locator('[data-testid="pareto-customer"]').selectOption('customerID');
    await pa.locator('[data-testid="pareto-value"]').selectOption('TotalCharges');
    await pa.locator('[data-testid="analysis-run"]').click();
    await expect.poll(() => pa.locator('[data-testid="headline-text"]').textContent(), { timeout: 60_000 }).toBe(HEADLINE);
    await pa.locator('[data-testid="pareto-save-open"]').click();
    await pa.locator('[data-testid="pareto-save-name"]').fill('telco_classes');
    await pa.locator('[data-testid="pareto-save"]').click();
    await expect.poll(() => page.locator('[data-testid="notification"]').allTextContents()).toContainEqual(expect.stringContaining('telco_classes'));

    await runCommand(page, 'analysis.survival', 'survival');
    const sv = ed(page, 'survival-editor');
    await sv.waitFor();
    await expect.poll(() => sv.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await sv.locator('[data-testid="sv-group-table"]').selectOption('telco_classes');
    await expect(sv.locator('[data-testid="sv-group"]').inputValue()).resolves.toBe('class');
    await sv.locator('[data-testid="analysis-run"]').click();
    await ed(page, 'km-card').waitFor({ timeout: 60_000 });
    await expect(riskAt0(page, 'A')).resolves.toBe('2702');

    // A table made in the SQL editor: the study keeps the statement (never the rows) and makes it again on opening.
    await page.keyboard.press('Control+N');
    const sql = page.locator(`${EDITOR} .cm-content`);
    await sql.waitFor();
    await sql.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(VIP_SQL);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-table="vip"] [data-testid="table-rows"]').textContent(), { timeout: 30_000 }).toBe('902');
    await page.locator('.tab[data-kind="sql"]').click();
    await page.keyboard.press('Control+w');

    // A note on the Pareto, kept with the study.
    await page.locator('.tab[data-kind="pareto"]').click();
    await ed(page, 'pareto-editor').locator('.tn-an-section-title', { hasText: 'Notes' }).click();
    await ed(page, 'analysis-notes').fill(NOTE);

    // The loyalty-driver quadrant on the airline survey.
    await openFile(page, AIRLINE, '25,976 rows');
    await runCommand(page, 'analysis.quadrant', 'quadrant');
    const qd = ed(page, 'quadrant-editor');
    await qd.waitFor();
    await expect(qd.locator('[data-testid="qd-outcome"]').inputValue()).resolves.toBe('satisfaction');
    // "Select all rating columns": the 14 service ratings of golden/airline_test_ipa.json.
    await qd.locator('[data-testid="qd-select-ratings"]').click();
    await expect.poll(() => qd.locator('[data-testid="qd-drivers"] input:checked').count(), { timeout: 30_000 }).toBe(14);
    const satisfied = qd.locator('[data-testid="qd-positive"] label', { hasText: /^satisfied/ }).locator('input');
    await satisfied.waitFor({ timeout: 20_000 });
    await satisfied.check();
    await qd.locator('[data-testid="analysis-run"]').click();
    const wifi = qd.locator('[data-testid="qd-priority"] tr[data-driver="Inflight wifi service"]');
    await wifi.waitFor({ timeout: 90_000 });
    // golden quadrant_pearson_satisfied: Inflight wifi service is "Concentrate here", 25,163 valid answers.
    await expect(wifi.getAttribute('data-zone')).resolves.toBe('concentrate');
    await expect(wifi.textContent()).resolves.toContain('25,163');

    // A 3-slide deck: the Pareto curve, the churn curve by class first with its own takeaway, the quadrant.
    await runCommand(page, 'deck.export', 'deck');
    const deck = ed(page, 'deck-editor');
    await deck.locator('[data-testid="deck-items"]').waitFor({ timeout: 90_000 });
    await expect.poll(() => deck.getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    const items = deck.locator('[data-testid="deck-item"]');
    for (let i = 0; i < (await items.count()); i++) await items.nth(i).locator('[data-testid="deck-include"]').uncheck();
    for (const id of ['pareto/pareto', 'survival/km', 'quadrant/quadrant']) {
      const [kind, chart] = id.split('/');
      await deck.locator(`[data-kind="${kind}"][data-chart="${chart}"] [data-testid="deck-include"]`).check();
    }
    for (let i = 0; i < 4; i++) {
      const up = deck.locator('[data-kind="survival"][data-chart="km"] [data-testid="deck-up"]');
      if (await up.isEnabled()) await up.click();
    }
    await deck.locator('[data-kind="survival"][data-chart="km"] [data-testid="deck-takeaway"]').fill(TAKEAWAY);
    await deck.locator('[data-testid="deck-title"]').fill('Telco and airline, monthly');
    if (await deck.locator('[data-testid="deck-brief"]').count()) await deck.locator('[data-testid="deck-brief"]').uncheck();
    await expect(deck.locator('[data-testid="deck-count"]').textContent()).resolves.toBe('3 chart slides + title slide');
    deckBefore = await deckRows(page);
    expect(deckBefore[0]).toEqual({ id: 'survival/km', on: true, takeaway: TAKEAWAY });

    // Unsaved work: the title and the tabs say so.
    await expect.poll(() => page.title(), { timeout: 10_000 }).toMatch(/^● /);
    await expect.poll(() => page.locator('[data-testid="tab-dirty"]').count()).toBeGreaterThan(0);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await (await download).saveAs(studyFile);
    await expect.poll(() => page.title()).not.toMatch(/^● /);
    await s.screenshot('study-saved-dark');

    const text = readFileSync(studyFile, 'utf8');
    const study = JSON.parse(text);
    expect(study.format).toBe('tenure-study');
    expect(study.sources).toHaveLength(2);
    expect(study.sources[0]).toMatchObject({ fileName: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', size: readFileSync(TELCO).length });
    expect(study.sources[1]).toMatchObject({ fileName: 'airline_satisfaction_test.csv', size: readFileSync(AIRLINE).length });
    expect(study.derived).toEqual([expect.objectContaining({ kind: 'paretoClasses', table: 'telco_classes' })]);
    expect(study.analyses.map((a: { kind: string }) => a.kind).sort()).toEqual(['hazard', 'pareto', 'quadrant', 'survival']);
    expect(study.analyses.find((a: { kind: string }) => a.kind === 'pareto').notes).toBe(NOTE);
    expect(study.sql).toEqual([{ sql: VIP_SQL }]);
    // The deck: every row in its order, three ticked, the typed takeaway and title only (generated text is made anew).
    const ticked = study.deck.slides.filter((x: { include: boolean }) => x.include);
    expect(ticked.map((x: { chart: string }) => x.chart)).toEqual(['km', 'pareto', 'quadrant']);
    expect(ticked.map((x: { takeaway?: string }) => x.takeaway)).toEqual([TAKEAWAY, undefined, undefined]);
    expect(study.deck).toMatchObject({ title: 'Telco and airline, monthly', brief: false });
    expect(study.deck.slides).toHaveLength(deckBefore.length);
    // Never the customers' data: no customer id of the file appears in the study.
    expect(text).not.toContain('7590-VHVEG');
  });

  it('reopens the study after a reload: same headline and numbers, re-run from the file', async () => {
    const { page } = s;
    await openWorkbench(page, inject('baseURL'));
    await openStudy(page, studyFile, [TELCO, AIRLINE]);
    await page.locator('.tab[data-kind="pareto"]').click();
    await expect.poll(() => ed(page, 'pareto-editor').locator('[data-testid="headline-text"]').textContent(), { timeout: 90_000 }).toBe(HEADLINE);
    await expect(ed(page, 'analysis-notes').inputValue()).resolves.toBe(NOTE);
    await ed(page, 'analysis-notes').scrollIntoViewIfNeeded();
    await s.screenshot('study-notes-dark');
    await page.locator('.tab[data-kind="survival"]').click();
    await ed(page, 'km-card').waitFor({ timeout: 60_000 });
    await expect(riskAt0(page, 'A')).resolves.toBe('2702');
    await expect(riskAt0(page, 'B')).resolves.toBe('1693');
    // The table made in SQL is back: its statement ran again after the files were imported.
    await expect.poll(() => page.locator('[data-table="vip"] [data-testid="table-rows"]').textContent(), { timeout: 30_000 }).toBe('902');
    await page.locator('.tab[data-kind="quadrant"]').click();
    const wifi = ed(page, 'quadrant-editor').locator('[data-testid="qd-priority"] tr[data-driver="Inflight wifi service"]');
    await wifi.waitFor({ timeout: 90_000 });
    await expect(wifi.getAttribute('data-zone')).resolves.toBe('concentrate');
    await expect(wifi.textContent()).resolves.toContain('25,163');
    await s.screenshot('study-reopened-dark');

    // The deck as it was: order, ticks, the typed takeaway, the title; the other takeaways made again.
    await page.locator('.tab[data-kind="deck"]').click();
    await expect.poll(() => ed(page, 'deck-editor').getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    await expect.poll(() => deckRows(page), { timeout: 30_000 }).toEqual(deckBefore);
    await expect(ed(page, 'deck-title').inputValue()).resolves.toBe('Telco and airline, monthly');
    await expect(ed(page, 'deck-count').textContent()).resolves.toBe('3 chart slides + title slide');
    await s.screenshot('study-reopened-deck-dark');

    // Opening ran each analysis once: the study run's results went to the editors, nothing ran twice.
    const runs = await runsSinceLoad(page);
    expect(Object.keys(runs).length).toBeGreaterThanOrEqual(3);
    expect(Object.values(runs).every((n) => n === 1), JSON.stringify(runs)).toBe(true);
    // Nothing was changed by opening: no unsaved-changes marker.
    await page.waitForTimeout(2500);
    const title = await page.title();
    // Saved again, the study is the same file (but for when it was saved and its name, now the file's).
    const again = path.join(OUT, 'telco-again.tenure');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await (await download).saveAs(again);
    const strip = (f: string) => ({ ...JSON.parse(readFileSync(f, 'utf8')), savedAt: undefined, title: undefined });
    expect(strip(again)).toEqual(strip(studyFile));
    expect(title).not.toMatch(/^● /);
  });

  it('relinks to a copy with 500 rows removed: says the file changed and shows the new figures', async () => {
    const { page } = s;
    const lines = readFileSync(TELCO, 'utf8').split(/\r?\n/);
    const dir = path.join(OUT, 'december');
    mkdirSync(dir, { recursive: true });
    const copy = path.join(dir, path.basename(TELCO));
    writeFileSync(copy, [lines[0], ...lines.slice(501)].join('\n'));
    await openWorkbench(page, inject('baseURL'));
    await openStudy(page, studyFile, [copy, AIRLINE]);
    await expect.poll(() => page.locator('[data-testid="notification"]').allTextContents(), { timeout: 60_000 }).toContainEqual(expect.stringContaining('changed since the study was saved'));
    await page.locator('.tab[data-kind="pareto"]').click();
    await expect.poll(() => ed(page, 'pareto-summary').textContent(), { timeout: 90_000 }).toContain('6,543 rows');
  });

  it('after the browser is killed mid-session, the next start offers to restore it, and does', async () => {
    let { page } = s;
    await openWorkbench(page, inject('baseURL'));
    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.survival', 'survival');
    await ed(page, 'survival-editor').waitFor();
    await page.waitForTimeout(2500); // autosave lands within 2 s
    const cdp = await s.context.newCDPSession(page);
    await cdp.send('Browser.crash' as never).catch(() => undefined);
    await s.context.close().catch(() => undefined);
    s = await launch({ colorScheme: 'light', height: 1000, profile });
    page = s.page;
    await openWorkbench(page, inject('baseURL'));
    const banner = page.locator('[data-testid="restore-banner"]');
    await banner.waitFor({ timeout: 30_000 });
    await s.screenshot('study-restore-light');
    const chooser = page.waitForEvent('filechooser');
    await banner.locator('[data-testid="restore-session"]').click();
    const dialog = page.locator('[data-testid="relink-dialog"]');
    await dialog.waitFor();
    await s.screenshot('study-relink-light');
    await dialog.locator('[data-testid="relink-choose"]').click();
    await (await chooser.catch(() => page.waitForEvent('filechooser'))).setFiles(TELCO);
    await expect.poll(() => dialog.getAttribute('data-missing')).toBe('0');
    await dialog.locator('[data-testid="relink-open"]').click();
    await ed(page, 'survival-editor').waitFor({ timeout: 60_000 });
    await expect(page.locator('.tab[data-kind="table"]').count()).resolves.toBe(1);
  });

  it('a damaged study file gives a clear message and the workbench stays usable', async () => {
    const { page } = s;
    const bad = path.join(OUT, 'damaged.tenure');
    const text = readFileSync(studyFile, 'utf8');
    writeFileSync(bad, text.slice(0, Math.floor(text.length / 2)));
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'study.open', 'open study');
    await (await chooser).setFiles(bad);
    await expect.poll(() => page.locator('[data-testid="notification"]').allTextContents()).toContainEqual(expect.stringContaining('damaged.tenure is damaged or truncated'));
    // Still usable: the open survival editor is there and the palette works.
    await expect(ed(page, 'survival-editor').count()).resolves.toBe(1);
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input input').waitFor();
    await page.keyboard.press('Escape');
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});

/** Top-20% share of TotalCharges computed here from the file's own lines (k = ⌈0.2·n⌉, blanks left out). */
function top20Share(lines: string[]): { n: number; share: number } {
  const head = lines[0].split(',');
  const col = head.indexOf('TotalCharges');
  const v = lines
    .slice(1)
    .filter((l) => l)
    .map((l) => l.split(',')[col].trim())
    .filter((x) => x !== '')
    .map(Number)
    .sort((a, b) => b - a);
  const k = Math.ceil(0.2 * v.length);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  return { n: v.length, share: sum(v.slice(0, k)) / sum(v) };
}

describe.skipIf(browserMissing)('next month’s export: Replace data file… and What changed (web build in Chromium)', () => {
  let s: Session;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-replace-'));

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the Telco CSV with a copy without 500 rows: Pareto re-runs, What changed shows n and the top-20% share', async () => {
    const { page } = s;
    const lines = readFileSync(TELCO, 'utf8').split(/\r?\n/);
    const next = path.join(dir, 'telco-next-month.csv');
    writeFileSync(next, [lines[0], ...lines.slice(501)].join('\n'));
    const was = top20Share(lines);
    const now = top20Share([lines[0], ...lines.slice(501)]);

    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.pareto', 'pareto');
    const pa = ed(page, 'pareto-editor');
    await pa.waitFor();
    await pa.locator('[data-testid="pareto-customer"]').selectOption('customerID');
    await pa.locator('[data-testid="pareto-value"]').selectOption('TotalCharges');
    await pa.locator('[data-testid="analysis-run"]').click();
    await expect.poll(() => pa.locator('[data-testid="headline-text"]').textContent(), { timeout: 60_000 }).toBe(HEADLINE);

    const runsBefore = await runsSinceLoad(page);
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'study.replaceData', 'replace data');
    await (await chooser).setFiles(next);
    const view = ed(page, 'what-changed');
    await view.waitFor({ timeout: 120_000 });
    const rows = view.locator('[data-testid^="changed-"] tbody tr');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).map((x) => x.trim());
    const pct = (x: number) => `${(x * 100).toLocaleString('en', { maximumFractionDigits: 1 })}%`;
    await expect(cells(0)).resolves.toEqual(['Customers', was.n.toLocaleString('en'), now.n.toLocaleString('en'), (now.n - was.n).toLocaleString('en')]);
    const top = await cells(2);
    expect(top.slice(0, 3)).toEqual(['Top 20% share of value', pct(was.share), pct(now.share)]);
    expect(top[1]).toBe('53.6%');
    await s.screenshot('study-what-changed-dark');

    // The comparison as a picture, through the charts' export: SVG with every figure, a 2× PNG of a 16:9 slide.
    const card = view.locator('section[data-testid^="changed-"]').first();
    const figures = await card.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    await card.locator('[data-testid="chart-export"]').click();
    await s.screenshot('study-what-changed-export-menu-dark');
    const svgDownload = page.waitForEvent('download');
    await card.locator('[data-testid="chart-export-menu"] [data-format="svg"]').click();
    const svgFile = path.join(dir, 'changed.svg');
    await (await svgDownload).saveAs(svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('What changed: Who makes the profit');
    expect(figures.flat().length).toBe(6 * 4);
    for (const cell of figures.flat()) expect(svg, cell).toContain(`>${cell}<`);
    await card.locator('[data-testid="chart-export"]').click();
    const pngDownload = page.waitForEvent('download');
    await card.locator('[data-testid="chart-export-menu"] [data-format="png2"]').click();
    const pngFile = path.join(dir, 'changed.png');
    await (await pngDownload).saveAs(pngFile);
    const png = readFileSync(pngFile);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(path.join(OUT, 'what-changed-export.png'), png);

    // The Pareto editor shows the new file, computed once (the replacement's run, handed over).
    await page.locator('.tab[data-kind="pareto"]').click();
    await expect.poll(() => ed(page, 'pareto-summary').textContent(), { timeout: 90_000 }).toContain('6,543 rows');
    await page.waitForTimeout(1000);
    const runsAfter = await runsSinceLoad(page);
    const ids = Object.keys(runsAfter);
    expect(ids).toHaveLength(1);
    expect(runsAfter[ids[0]] - (runsBefore[ids[0]] ?? 0), JSON.stringify({ runsBefore, runsAfter })).toBe(1);

    // The same comparison as a slide: "Add to deck" opens the deck with a comparison table row.
    await page.locator('.tab[data-kind="whatChanged"]').click();
    await view.locator('[data-testid="changed-add-to-deck"]').click();
    const deck = ed(page, 'deck-editor');
    await expect.poll(() => deck.getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    const row = deck.locator('[data-testid="deck-item"][data-kind="whatChanged"]');
    await expect(row.locator('[data-testid="deck-item-title"]').textContent()).resolves.toBe('What changed: Who makes the profit');
    await expect(row.locator('[data-testid="deck-include"]').isChecked()).resolves.toBe(true);
    await s.screenshot('study-changed-in-deck-dark');
    const download = page.waitForEvent('download');
    await deck.locator('[data-testid="deck-export"]').click();
    const pptx = path.join(dir, 'changed.pptx');
    await (await download).saveAs(pptx);
    const zip = await JSZip.loadAsync(readFileSync(pptx));
    const slideText = (await Promise.all(zip.file(/^ppt\/slides\/slide\d+\.xml$/).map((f) => f.async('string')))).join('\n');
    expect(slideText).toContain('What changed: Who makes the profit');
    expect(slideText).toContain(`Before (WA_Fn-UseC_-Telco-Customer-Churn.csv)`);
    expect(slideText).toContain(pct(was.share));
    await page.locator('.tab[data-kind="whatChanged"]').click();
    await runCommand(page, 'theme.light', 'light');
    await runCommand(page, 'language.zh-CN', '中文');
    await expect.poll(() => view.locator('h2').textContent()).toBe('变化对比');
    await s.screenshot('study-what-changed-light-zh');
    expect(s.errors).toEqual([]);
  });

  it('saved and reopened, the What changed view and its slide come back with the same figures', async () => {
    const { page } = s;
    await runCommand(page, 'language.en', 'English');
    const view = ed(page, 'what-changed');
    const firstRow = async () => (await view.locator('[data-testid^="changed-"] tbody tr').first().locator('td').allTextContents()).map((x) => x.trim());
    const before = await firstRow();
    const file = path.join(dir, 'replaced.tenure');
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await (await download).saveAs(file);
    const study = JSON.parse(readFileSync(file, 'utf8'));
    expect(study.deck.slides.filter((x: { changes?: unknown }) => x.changes)).toHaveLength(1);

    await openWorkbench(page, inject('baseURL'));
    await runCommand(page, 'language.en', 'English'); // the reload may come before the setting was stored
    await openStudy(page, file, [path.join(dir, 'telco-next-month.csv')]);
    await page.locator('.tab[data-kind="whatChanged"]').click();
    await expect.poll(firstRow, { timeout: 60_000 }).toEqual(before);
    await page.locator('.tab[data-kind="deck"]').click();
    await expect.poll(() => ed(page, 'deck-editor').getAttribute('data-state'), { timeout: 90_000 }).toBe('ready');
    await expect(ed(page, 'deck-editor').locator('[data-testid="deck-item"][data-kind="whatChanged"] [data-testid="deck-item-title"]').textContent()).resolves.toBe('What changed: Who makes the profit');
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
