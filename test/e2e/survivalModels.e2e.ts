import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const EDITOR = '.editor-host:not([hidden])';

async function palette(page: Page, query: string, id: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

describe.skipIf(browserMissing)('survival editor: pairwise tests, RMST, competing causes, many groups (Chromium)', () => {
  let s: Session;
  const ed = () => s.page.locator(`${EDITOR} [data-testid="survival-editor"]`);
  const run = async () => {
    await ed().locator('[data-testid="analysis-run"]').click();
    await expect.poll(() => ed().locator('[data-testid="analysis-running"]').count(), { timeout: 120_000 }).toBe(0);
  };
  const view = async (v: string) => {
    await ed().locator(`[data-testid="sv-view"] button[data-value="${v}"]`).click();
    await s.page.waitForTimeout(400);
  };
  const shot = async (testId: string, name: string) => {
    await ed().locator(`[data-testid="${testId}"]`).first().scrollIntoViewIfNeeded();
    await s.page.waitForTimeout(400);
    await s.screenshot(name);
  };

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
    await s.page.keyboard.press('Control+J');
  });

  afterAll(async () => {
    await s?.close();
  });

  it('PaymentMethod: six pairwise log-rank tests with Holm-adjusted p under the curves', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 60_000 }).toContain('7,043 rows');
    await palette(page, 'survival', 'analysis.survival');
    await ed().waitFor();
    await expect.poll(() => ed().locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await ed().locator('[data-testid="sv-group"]').selectOption('PaymentMethod');
    await run();
    const rows = ed().locator('[data-testid="pairwise-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(6);
    // R: Bank transfer vs Credit card χ² 0.868, p 0.351 (Holm leaves the largest p as it is)
    await expect(rows.nth(0).textContent()).resolves.toMatch(/^Bank transfer \(automatic\)Credit card \(automatic\)0\.870\.350\.35$/);
    await expect(rows.nth(1).textContent()).resolves.toContain('< 0.0001');
    await expect(ed().locator('[data-testid="pairwise-table"]').textContent()).resolves.toContain('5 of 6 pairs of groups differ (Holm-adjusted p < 0.05)');
    await ed().locator('[data-testid="sv-pairwise"]').selectOption('bonferroni');
    await run();
    await expect.poll(() => ed().locator('[data-testid="pairwise-table"] thead').textContent()).toContain('Bonferroni');
    // 6 × 0.351 → capped at 1
    await expect(rows.nth(0).textContent()).resolves.toMatch(/1$/);
    await shot('pairwise-table', 'survival-pairwise-dark');
    expect(s.errors).toEqual([]);
  });

  it('Contract: RMST over the 72 months every group reaches, and the sentence', async () => {
    await ed().locator('[data-testid="sv-group"]').selectOption('Contract');
    await run();
    await view('rmst');
    await expect.poll(() => ed().locator('[data-testid="rmst-differences"] tbody tr').count(), { timeout: 30_000 }).toBe(3);
    await expect(ed().locator('[data-testid="headline-text"]').textContent()).resolves.toBe(
      'Over 72 months (6 years), One year keeps a customer 30.1 months longer than Month-to-month; Two year: 35.2 months longer',
    );
    await expect(ed().locator('[data-testid="rmst-groups"] tbody tr').nth(0).textContent()).resolves.toMatch(/^Month-to-month36\.30/);
    // τ chosen by the user
    await ed().locator('[data-testid="sv-rmst-tau"]').fill('24');
    await run();
    await expect.poll(() => ed().locator('[data-testid="headline-text"]').textContent()).toMatch(/^Over 24 months \(2 years\), One year keeps a customer 6\.3 months longer/);
    await ed().locator('[data-testid="sv-rmst-tau"]').fill('');
    await run();
    await shot('rmst-chart', 'survival-rmst-dark');
    expect(s.errors).toEqual([]);
  });

  it('competing causes from an SQL expression: stacked cumulative incidence and its table', async () => {
    await ed().locator('[data-testid="sv-cause-kind"]').selectOption('sql');
    await ed().locator('[data-testid="sv-cause-sql"]').fill(`CASE WHEN MonthlyCharges > 80 THEN 'Price' WHEN tenure < 6 THEN 'Early exit' ELSE 'Other' END`);
    await run();
    await view('incidence');
    await ed().locator('[data-testid="incidence-chart"]').waitFor({ timeout: 30_000 });
    const rows = ed().locator('[data-testid="incidence-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(9);
    await expect(rows.nth(0).textContent()).resolves.toMatch(/^1/);
    await expect(ed().locator('[data-testid="incidence-table"] thead').textContent()).resolves.toMatch(/Early exit.*Other.*Price/);
    await expect(ed().locator('[data-testid="headline-text"]').textContent()).resolves.toMatch(/^By 72 months: \d+\.\d% left for (Price|Other|Early exit)/);
    await shot('incidence-chart', 'survival-incidence-dark');
    expect(s.errors).toEqual([]);
  });

  it('a numeric group with 1,585 values is refused at once with the count, then offered as quartiles', async () => {
    await view('curves');
    await ed().locator('[data-testid="sv-cause-kind"]').selectOption('');
    await ed().locator('[data-testid="sv-group"]').selectOption('MonthlyCharges');
    await run();
    await expect(ed().locator('[data-testid="analysis-error"]').textContent()).resolves.toContain('Column "MonthlyCharges" has 1585 distinct values; at most 20 groups');
    await ed().locator('[data-testid="sv-use-bands"]').click();
    await expect(ed().locator('[data-testid="sv-bands"]').inputValue()).resolves.toBe('4');
    await run();
    const risk = ed().locator('[data-testid="km-risk-table"] tbody tr');
    await expect.poll(() => risk.count(), { timeout: 60_000 }).toBe(4);
    await expect(risk.nth(0).getAttribute('data-group')).resolves.toMatch(/^MonthlyCharges \[18\.25, /);
    await shot('km-card', 'survival-bands-dark');
    expect(s.errors).toEqual([]);
  });

  it('light theme and Chinese', async () => {
    const { page } = s;
    await ed().locator('[data-testid="sv-group"]').selectOption('Contract');
    await ed().locator('[data-testid="sv-cause-kind"]').selectOption('sql');
    await run();
    await palette(page, 'light', 'theme.light');
    await view('rmst');
    await shot('rmst-chart', 'survival-rmst-light');
    await view('incidence');
    await shot('incidence-chart', 'survival-incidence-light');
    await palette(page, '简体中文', 'language.zh-CN');
    await expect.poll(() => ed().locator('[data-testid="headline-text"]').textContent()).toMatch(/^到 72/);
    await shot('incidence-chart', 'survival-incidence-light-zh');
    await view('rmst');
    await shot('rmst-chart', 'survival-rmst-light-zh');
    await palette(page, '深色', 'theme.dark');
    await view('curves');
    await shot('pairwise-table', 'survival-pairwise-dark-zh');
    expect(s.errors).toEqual([]);
  });
});
