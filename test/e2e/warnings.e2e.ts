import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

// Issue 11: a degenerate result is said, not left to look like an answer. A Kaplan-Meier grouped by
// Contract but filtered to one contract has one curve: the warning shows above the result and in
// Problems, in both themes and languages; the next clean run clears it. Screenshots in test-artifacts/e2e/.
const CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const EDITOR = '.editor-host:not([hidden])';

async function palette(page: Page, query: string, id: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input input').fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`result warnings (${scheme}, ${locale})`, () => {
    let s: Session;
    const zh = locale === 'zh-CN';
    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale, width: 1440, height: 900 });
      await openWorkbench(s.page, inject('baseURL'));
    });
    afterAll(async () => {
      await s?.close();
    });

    it('a group with one value: the warning above the result and in Problems; a clean run clears both', async () => {
      const { page } = s;
      const chooser = page.waitForEvent('filechooser');
      await page.locator('.welcome [data-command="file.open"]').click();
      await (await chooser).setFiles(CSV);
      await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toMatch(/7,043|7043/);
      if (zh) await palette(page, '简体中文', 'language.zh-CN');
      await palette(page, zh ? '生存分析' : 'survival', 'analysis.survival');
      const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
      await ed.waitFor();
      await expect.poll(() => ed.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 30_000 }).toBe(true);
      await ed.locator('[data-testid="sv-group"]').selectOption('Contract');
      // The filter is under More options (closed by default); it ends in a comment, which is accepted.
      await ed.locator('.tn-an-section-title', { hasText: zh ? '更多选项' : 'More options' }).click();
      await ed.locator('[data-testid="sv-where"]').fill(`Contract = 'One year' -- one contract only`);
      await ed.locator('[data-testid="analysis-run"]').click();
      const warned = ed.locator('[data-testid="analysis-warnings"]');
      await warned.waitFor({ timeout: 90_000 });
      const text = zh ? '列“Contract”在分析的行中只有一个取值（“One year”）' : 'Column "Contract" has one value ("One year") in the analysed rows: there is nothing to compare.';
      await expect(warned.textContent()).resolves.toContain(text);
      await expect(warned.locator('[data-code="survival.singleGroup"]').count()).resolves.toBe(1);
      // Problems lists it as a warning of this analysis (the panel opens on the status bar's count).
      await page.locator('[data-panel-tab="problems"]').click().catch(async () => {
        await page.keyboard.press('Control+J');
        await page.locator('[data-panel-tab="problems"]').click();
      });
      const problem = page.locator('[data-testid="problems"] li.problem.warning');
      await expect(problem.count()).resolves.toBe(1);
      await expect(problem.textContent()).resolves.toContain(text);
      await page.waitForTimeout(300);
      await s.screenshot(`warnings-${scheme}-${locale}`);

      // Without the filter the three contracts compare: no warning, and Problems is empty again.
      await ed.locator('[data-testid="sv-where"]').fill('');
      await ed.locator('[data-testid="analysis-run"]').click();
      await expect.poll(() => ed.locator('[data-testid="km-card"] [data-testid="km-risk-table"] tr[data-group]').count(), { timeout: 90_000 }).toBe(3);
      await expect(warned.count()).resolves.toBe(0);
      await expect(page.locator('[data-testid="problems"] li.problem').count()).resolves.toBe(0);
      expect(s.errors).toEqual([]);
    });
  });
}
