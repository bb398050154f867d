import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const RETAIL = path.join(DATA, 'online_retail_2010-12_to_2011-03.csv');
const EDITOR = '.editor-host:not([hidden])';

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

/** Scroll a card into view and let the chart settle (canvas redraws on resize). */
async function showCard(page: Page, testId: string): Promise<void> {
  await page.locator(`${EDITOR} [data-testid="${testId}"]`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
}

describe.skipIf(browserMissing)('survival, hazard, cohort (web build in Chromium)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
    // The bottom panel is not part of these editors: give the charts the height.
    await s.page.keyboard.press('Control+J');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('runs Kaplan-Meier on Telco by Contract: log-rank p on the chart, at-risk numbers at t = 0', async () => {
    const { page } = s;
    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.survival', 'survival');
    const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await ed.waitFor();
    // Guessed from the column names: tenure + Churn, "Yes" ticked from the distinct values.
    await expect(ed.locator('[data-testid="sv-duration"]').inputValue()).resolves.toBe('tenure');
    await expect(ed.locator('[data-testid="sv-event"]').inputValue()).resolves.toBe('Churn');
    await expect.poll(() => ed.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await ed.locator('[data-testid="sv-group"]').selectOption('Contract');
    await ed.locator('[data-testid="analysis-run"]').click();
    const km = ed.locator('[data-testid="km-card"]');
    await km.waitFor({ timeout: 60_000 });
    await expect(km.locator('[data-testid="km-logrank"]').textContent()).resolves.toBe('Log-rank p < 0.0001');
    await expect(km.locator('[data-testid="echart"]').getAttribute('aria-label')).resolves.toContain('Log-rank p < 0.0001');
    const atRisk0 = (group: string) => km.locator(`[data-testid="km-risk-table"] tr[data-group="${group}"] td[data-time="0"]`).textContent();
    await expect(atRisk0('Month-to-month')).resolves.toBe('3875');
    await expect(atRisk0('One year')).resolves.toBe('1473');
    await expect(atRisk0('Two year')).resolves.toBe('1695');
    // The survival table: per group n and churned; medians (Month-to-month 35, others not reached).
    const summary = ed.locator('[data-testid="survival-summary"] tbody tr');
    await expect(summary.nth(0).textContent()).resolves.toMatch(/^Month-to-month3,8751,655/);
    await expect(summary.nth(1).textContent()).resolves.toContain('not reached');
    await expect(ed.locator('[data-testid="headline-text"]').textContent()).resolves.toMatch(/Month-to-month/);
    await page.waitForTimeout(300);
    await s.screenshot('survival-dark');
    await showCard(page, 'survival-table');
    await s.screenshot('survival-table-dark');
    expect(s.errors).toEqual([]);
  });

  it('shows the hazard per interval and changes the width without a new query', async () => {
    const { page } = s;
    const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await ed.locator('[data-testid="sv-view"] button[data-value="hazard"]').click();
    await ed.locator('[data-testid="hazard-chart"]').waitFor();
    await ed.locator('[data-testid="hazard-width"]').selectOption('6');
    // 0–6, 6–12, … 72–78: 13 intervals.
    await expect.poll(() => ed.locator('[data-testid="hazard-table"] tbody tr').count()).toBe(13);
    // The headline follows the width on screen: a 6-month interval.
    const m = /(\d+)–(\d+) months/.exec((await ed.locator('[data-testid="headline-text"]').textContent()) ?? '');
    expect(m && Number(m[2]) - Number(m[1])).toBe(6);
    await page.waitForTimeout(300);
    await s.screenshot('survival-hazard-dark');
    await ed.locator('[data-testid="sv-view"] button[data-value="curves"]').click();
  });

  it('draws the same chart in the light theme', async () => {
    const { page } = s;
    await runCommand(page, 'theme.light', 'light');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await page.locator(`${EDITOR} [data-testid="km-card"]`).scrollIntoViewIfNeeded();
    await page.locator(`${EDITOR} .tn-an-results`).evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await s.screenshot('survival-light');
  });

  it('opens churn reasons from the survival editor and tags a reason as controllable', async () => {
    const { page } = s;
    // Telco has no stated reason: derive one in SQL (a session table), as a user would.
    await page.keyboard.press('Control+N');
    const sql = page.locator(`${EDITOR} .cm-content`);
    await sql.waitFor();
    await sql.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(
      `CREATE TABLE telco_reasons AS SELECT *, CASE WHEN Churn = 'Yes' THEN CASE WHEN MonthlyCharges > 80 THEN 'Price too high' WHEN InternetService = 'Fiber optic' THEN 'Network quality' WHEN tenure < 6 THEN 'Moved away' ELSE 'Competitor offer' END END AS ChurnReason FROM WA_Fn_UseC_Telco_Customer_Churn`,
    );
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-table="telco_reasons"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator('.tab', { hasText: 'Churn-time analysis' }).click();
    const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await ed.locator('[data-testid="sv-table"]').selectOption('telco_reasons');
    await expect(ed.locator('[data-testid="sv-reason"]').inputValue()).resolves.toBe('ChurnReason');
    await ed.locator('[data-testid="sv-open-reasons"]').click({ timeout: 20_000 });
    const rs = page.locator(`${EDITOR} [data-testid="reasons-editor"]`);
    await rs.locator('[data-testid="reasons-chart"]').waitFor({ timeout: 60_000 });
    await expect(rs.locator('[data-testid="headline-text"]').textContent()).resolves.toContain('Price too high');
    const row = rs.locator('[data-testid="reasons-tags"] tr[data-reason="Price too high"]');
    await row.locator('button[data-value="yes"]').click();
    await rs.locator('[data-testid="reasons-tags"] tr[data-reason="Moved away"] button[data-value="no"]').click();
    await expect(row.locator('button[data-value="yes"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(rs.locator('[data-testid="headline"]').textContent()).resolves.toMatch(/\d+(\.\d)?%/);
    await page.waitForTimeout(300);
    await s.screenshot('survival-reasons-light');
    expect(s.errors).toEqual([]);
  });

  it('builds the cohort triangle on Online Retail: 2010-12 has 885 customers', async () => {
    const { page } = s;
    await openFile(page, RETAIL, '142,083 rows');
    await runCommand(page, 'analysis.cohort', 'cohort');
    const ed = page.locator(`${EDITOR} [data-testid="cohort-editor"]`);
    await ed.waitFor();
    await ed.locator('[data-testid="co-customer"]').selectOption('CustomerID');
    await ed.locator('[data-testid="co-date"]').selectOption('InvoiceDate');
    await ed.locator('[data-testid="co-where"]').fill(`"CustomerID" IS NOT NULL AND "InvoiceNo" NOT LIKE 'C%'`);
    await ed.locator('[data-testid="analysis-run"]').click();
    const table = ed.locator('[data-testid="cohort-table"]');
    await table.waitFor({ timeout: 60_000 });
    const first = table.locator('tbody tr').first();
    await expect(first.locator('td').nth(0).textContent()).resolves.toBe('2010-12');
    await expect(first.locator('td').nth(1).textContent()).resolves.toBe('885');
    await expect(first.locator('td').nth(2).textContent()).resolves.toBe('100.0%');
    // The last cohort is observed for one period only: the cells after it stay empty.
    await expect(table.locator('tbody tr').nth(3).locator('td').nth(3).textContent()).resolves.toBe('');
    await page.waitForTimeout(300);
    await s.screenshot('cohort-light');
    await runCommand(page, 'theme.dark', 'dark');
    await page.waitForTimeout(300);
    await s.screenshot('cohort-dark');
    await showCard(page, 'cohort-curve');
    await s.screenshot('cohort-curve-dark');
    expect(s.errors).toEqual([]);
  });
});
