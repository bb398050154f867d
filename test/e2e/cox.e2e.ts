import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

// Issue 13: a Cox model on the Telco CSV in Chromium — forest plot, PH table, a predicted-survival profile —
// in both themes and languages (light + English, dark + Chinese), screenshots under test-artifacts/e2e/.
const CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const EDITOR = '.editor-host:not([hidden])';

async function palette(page: Page, query: string, id: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input input').fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`Cox regression (${scheme}, ${locale})`, () => {
    let s: Session;
    const zh = locale === 'zh-CN';
    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale, width: 1600, height: 1000 });
      await openWorkbench(s.page, inject('baseURL'));
    });
    afterAll(async () => {
      await s?.close();
    });

    it('fits the golden model, shows the forest plot, the PH table and a predicted profile', async () => {
      const { page } = s;
      const chooser = page.waitForEvent('filechooser');
      await page.locator('.welcome [data-command="file.open"]').click();
      await (await chooser).setFiles(CSV);
      await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toMatch(/7,043|7043/);
      if (zh) await palette(page, '简体中文', 'language.zh-CN');
      await palette(page, 'cox', 'analysis.cox');
      const ed = page.locator(`${EDITOR} [data-testid="cox-editor"]`);
      await ed.waitFor();
      await ed.locator('[data-testid="cx-tenure"]').selectOption('tenure');
      await ed.locator('[data-testid="cx-event"]').selectOption('Churn');
      await ed.locator('[data-testid="cx-event-values"] label:has(.tn-an-check-name:text-is("Yes")) input').check({ timeout: 60_000 });
      const covs = ed.locator('[data-testid="cx-covariates"]');
      while ((await covs.locator('input:checked').count()) > 0) await covs.locator('input:checked').first().uncheck();
      for (const c of ['Contract', 'InternetService', 'MonthlyCharges', 'SeniorCitizen']) await covs.locator(`label:has(.tn-an-check-name:text-is("${c}")) input`).check();
      // the default reference is shown: R's first value in sorted order
      await expect.poll(() => ed.locator('[data-testid="cx-ref-Contract"]').textContent(), { timeout: 20_000 }).toContain('Month-to-month');
      await ed.locator('[data-testid="analysis-run"]').click();
      await ed.locator('[data-testid="cox-forest"] canvas').first().waitFor({ timeout: 90_000 });
      const headline = await ed.locator('[data-testid="headline-text"]').textContent();
      expect(headline).toContain(zh ? '0.024 倍' : 'Contract Two year: 0.024× the churn rate of Month-to-month');
      // coefficients as R: HR of One year 0.150, of Fiber optic 4.577
      const coef = ed.locator('[data-testid="cox-coefficients"]');
      await expect.poll(() => coef.textContent()).toContain('0.150');
      await expect.poll(() => coef.textContent()).toContain('4.577');
      // PH table: one row per column plus GLOBAL, with the plain-language warning
      const ph = ed.locator('[data-testid="cox-ph-table"]');
      await expect.poll(() => ph.locator('tbody tr').count()).toBe(5);
      expect(await ph.textContent()).toContain(zh ? '总体' : 'GLOBAL');
      expect(await ed.locator('[data-testid="cox-ph-warning"]').textContent()).toContain('Contract');
      await ed.locator('[data-testid="cox-forest"]').scrollIntoViewIfNeeded();
      await s.screenshot(`cox-forest-${scheme}-${locale}`);
      await ed.locator('[data-testid="cox-ph-plot"]').scrollIntoViewIfNeeded();
      await s.screenshot(`cox-ph-${scheme}-${locale}`);

      // a profile: month-to-month, fibre, 95 a month, senior → R's survfit: S(12) = 0.747, S(24) = 0.638
      await ed.locator('[data-testid="cox-profile-add"]').click();
      await ed.locator('[data-testid="cox-profile-0-InternetService"]').selectOption('Fiber optic');
      await ed.locator('[data-testid="cox-profile-0-MonthlyCharges"]').fill('95');
      await ed.locator('[data-testid="cox-profile-0-SeniorCitizen"]').fill('1');
      const table = ed.locator('[data-testid="cox-predicted-table"]');
      await expect.poll(() => table.textContent(), { timeout: 20_000 }).toContain('74.7%');
      expect(await table.textContent()).toContain('63.8%');
      await ed.locator('[data-testid="cox-predicted"]').scrollIntoViewIfNeeded();
      await s.screenshot(`cox-predicted-${scheme}-${locale}`);
      expect(s.errors).toEqual([]);
    });
  });
}
