import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, confirmImport, launch, openWorkbench, type Session } from './harness';

const TELCO_XLSX = path.join(DATA, 'Telco_customer_churn.xlsx');
const AIRLINE = path.join(DATA, 'airline_satisfaction_test.csv');
const RETAIL = path.join(DATA, 'online_retail_2010-12_to_2011-03.csv');
const EDITOR = '.editor-host:not([hidden])';

async function runCommand(page: Page, id: string, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

async function openFile(page: Page, file: string, rows: RegExp): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
  await confirmImport(page);
  await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 120_000 }).toMatch(rows);
}

/** Pick an option as a person would: a native select fires no change when the value is already chosen. */
async function pick(select: Locator, value: string): Promise<void> {
  if ((await select.inputValue()) !== value) await select.selectOption(value);
}

async function run(ed: Locator, done: string): Promise<void> {
  await ed.locator('[data-testid="analysis-run"]').click();
  await ed.locator(`[data-testid="${done}"]`).first().waitFor({ timeout: 120_000 });
  await expect.poll(() => ed.locator('[data-testid="analysis-running"]').count(), { timeout: 120_000 }).toBe(0);
}

/**
 * A new user's first hour, in pictures: the Welcome page, the import dialog, every analysis kind, the deck,
 * the brief and What changed, each in the dark and light theme and in English and Chinese. The shots are
 * for people to look at (test-artifacts/e2e/tour-*); the run fails only when a step a user takes fails.
 */
describe.skipIf(browserMissing)('a first hour with the workbench, in pictures (web build in Chromium)', () => {
  let s: Session;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-tour-'));
  const ed = (testId: string) => s.page.locator(`${EDITOR} [data-testid="${testId}"]`);
  const tabs: string[] = [];

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', width: 1440, height: 900, autoImport: false });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Welcome and the import dialog', async () => {
    const { page } = s;
    await page.waitForTimeout(300);
    await s.screenshot('tour-01-welcome-dark-en');
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles(TELCO_XLSX);
    await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(300);
    await s.screenshot('tour-02-import-dark-en');
    await confirmImport(page);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 120_000 }).toMatch(/7,043/);
  });

  /** One step of the walk: on failure, a picture of where it stopped (tour-failed-<name>). */
  const step = (name: string, fn: (page: Page) => Promise<void>) =>
    it(name, async () => {
      try {
        await fn(s.page);
      } catch (err) {
        await s.screenshot(`tour-failed-${name.split(' ')[0]}`);
        throw err;
      }
    });

  step('pareto on the Telco workbook', async (page) => {
    await runCommand(page, 'analysis.pareto', 'pareto');
    const pa = ed('pareto-editor');
    await pa.waitFor();
    await pick(pa.locator('[data-testid="pareto-customer"]'), 'CustomerID');
    await pick(pa.locator('[data-testid="pareto-value"]'), 'Total Charges');
    await pick(pa.locator('[data-testid="pareto-group"]'), 'Contract');
    await run(pa, 'headline-text');
    tabs.push('pareto');
  });

  step('survival by contract', async (page) => {
    await runCommand(page, 'analysis.survival', 'survival');
    const sv = ed('survival-editor');
    await sv.waitFor();
    await pick(sv.locator('[data-testid="sv-duration"]'), 'Tenure Months');
    await pick(sv.locator('[data-testid="sv-event"]'), 'Churn Label');
    await expect.poll(() => sv.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await pick(sv.locator('[data-testid="sv-group"]'), 'Contract');
    await run(sv, 'km-card');
    tabs.push('survival');
  });

  step('reasons as guessed', async (page) => {
    await runCommand(page, 'analysis.reasons', 'reasons');
    const rs = ed('reasons-editor');
    await rs.waitFor();
    await run(rs, 'reasons-chart');
    tabs.push('reasons');
  });

  step('risk on CLTV', async (page) => {
    await runCommand(page, 'analysis.risk', 'value at risk');
    const rk = ed('risk-editor');
    await rk.waitFor();
    await pick(rk.locator('[data-testid="rk-event"]'), 'Churn Label');
    await expect.poll(() => rk.locator('[data-testid="rk-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await pick(rk.locator('[data-testid="rk-value"]'), 'CLTV');
    await run(rk, 'headline-text');
    tabs.push('risk');
  });

  step('cox with four covariates', async (page) => {
    await runCommand(page, 'analysis.cox', 'cox');
    const cx = ed('cox-editor');
    await cx.waitFor();
    await pick(cx.locator('[data-testid="cx-tenure"]'), 'Tenure Months');
    await pick(cx.locator('[data-testid="cx-event"]'), 'Churn Label');
    await expect.poll(() => cx.locator('[data-testid="cx-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    const covs = cx.locator('[data-testid="cx-covariates"]');
    while ((await covs.locator('input:checked').count()) > 0) await covs.locator('input:checked').first().uncheck();
    for (const c of ['Contract', 'Internet Service', 'Monthly Charges', 'Senior Citizen']) await covs.locator(`label:has(.tn-an-check-name:text-is("${c}")) input`).check();
    await cx.locator('[data-testid="analysis-run"]').click();
    await cx.locator('[data-testid="cox-forest"] canvas').first().waitFor({ timeout: 120_000 });
    tabs.push('cox');
  });

  step('quadrant on the airline survey', async (page) => {
    await openFile(page, AIRLINE, /25,976/);
    await runCommand(page, 'analysis.quadrant', 'quadrant');
    const qd = ed('quadrant-editor');
    await qd.waitFor();
    await qd.locator('[data-testid="qd-select-ratings"]').click();
    const satisfied = qd.locator('[data-testid="qd-positive"] label', { hasText: /^satisfied/ }).locator('input');
    await satisfied.waitFor({ timeout: 20_000 });
    await satisfied.check();
    await run(qd, 'qd-priority');
    tabs.push('quadrant');
  });

  step('cohort on the retail transactions', async (page) => {
    await openFile(page, RETAIL, /142,083/);
    await runCommand(page, 'analysis.cohort', 'cohort');
    const co = ed('cohort-editor');
    await co.waitFor();
    await pick(co.locator('[data-testid="co-customer"]'), 'CustomerID');
    await pick(co.locator('[data-testid="co-date"]'), 'InvoiceDate');
    await run(co, 'cohort-table');
    tabs.push('cohort');
  });

  step('deck and brief', async (page) => {
    await runCommand(page, 'deck.export', 'export deck');
    await expect.poll(() => ed('deck-editor').getAttribute('data-state'), { timeout: 120_000 }).toBe('ready');
    tabs.push('deck');
    await runCommand(page, 'brief.open', 'brief');
    await expect.poll(() => ed('brief-editor').getAttribute('data-state'), { timeout: 120_000 }).toBe('ready');
    tabs.push('brief');
  });

  step('whatChanged after replacing the airline survey', async (page) => {
    // Next month's airline survey: 3,000 fewer answers; What changed opens.
    const lines = readFileSync(AIRLINE, 'utf8').split(/\r?\n/);
    const next = path.join(dir, 'airline_next_month.csv');
    writeFileSync(next, [lines[0], ...lines.slice(3001)].join('\n'));
    await page.locator('.tab[data-kind="quadrant"]').click();
    const chooser = page.waitForEvent('filechooser');
    await runCommand(page, 'study.replaceData', 'replace data');
    await (await chooser).setFiles(next);
    await ed('what-changed').waitFor({ timeout: 120_000 });
    tabs.push('whatChanged');
    expect(s.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  for (const [theme, lang] of [['dark', 'en'], ['light', 'en'], ['light', 'zh'], ['dark', 'zh']] as const) {
    it(`every editor in the ${theme} theme, ${lang === 'en' ? 'English' : 'Chinese'}`, async () => {
      const { page } = s;
      // English first: the palette is searched in the UI language.
      await runCommand(page, 'language.en', 'English');
      await runCommand(page, `theme.${theme}`, theme === 'dark' ? 'dark+' : 'light+');
      if (lang === 'zh') await runCommand(page, 'language.zh-CN', '中文');
      for (const kind of tabs) {
        await page.locator(`.tab[data-kind="${kind}"]`).first().click();
        await page.waitForTimeout(kind === 'deck' || kind === 'brief' ? 1500 : 600);
        await s.screenshot(`tour-${kind}-${theme}-${lang}`);
      }
      await runCommand(page, 'help.welcome', lang === 'zh' ? '欢迎' : 'welcome');
      await page.waitForTimeout(300);
      await s.screenshot(`tour-welcome-${theme}-${lang}`);
    });
  }
});
