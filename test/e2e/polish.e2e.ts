import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/** Issue 16: errors a person can act on, in both themes and both languages. */
for (const [scheme, locale] of [['dark', 'en-US'], ['light', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`workbench polish (${scheme}, ${locale})`, () => {
    let s: Session;
    const tag = `${scheme}-${locale === 'en-US' ? 'en' : 'zh'}`;
    const zh = locale === 'zh-CN';

    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale });
      await openWorkbench(s.page, inject('baseURL'));
    });

    afterAll(async () => {
      await s?.close();
    });

    async function runSql(text: string) {
      const { page } = s;
      const editor = page.locator('.editor-host:not([hidden]) .cm-content');
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(text);
      await page.keyboard.press('Control+Enter');
      await page.keyboard.press('Escape');
    }

    it('opens the Telco CSV', async () => {
      const chooser = s.page.waitForEvent('filechooser');
      await s.page.locator('.welcome [data-command="file.open"]').click();
      await (await chooser).setFiles(TELCO);
      await expect.poll(() => s.page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toMatch(/7,043/);
    });

    it('tells a SQL syntax error in words, marks it in the user\'s text and lists it once in Problems', async () => {
      const { page } = s;
      await page.keyboard.press('Control+N');
      await page.locator('.editor-host:not([hidden]) .cm-content').waitFor();
      await runSql('SELECT customerID, tenure\nFROM WA_Fn_UseC_Telco_Customer_Churn\nWHERE tenure >');
      const box = page.locator('.editor-host:not([hidden]) .tn-sql-error');
      await expect.poll(() => box.textContent(), { timeout: 20_000 }).toContain(zh ? '语句不完整' : 'The statement is incomplete');
      const text = (await box.textContent()) ?? '';
      expect(text).not.toMatch(/tenure_src|exception_type|\{"/);
      expect(text).toContain(zh ? '第 3 行' : 'Line 3');
      await expect(page.locator('.editor-host:not([hidden]) .tn-sql-error-mark').count()).resolves.toBe(1);
      await runSql('SELECT customerID FORM WA_Fn_UseC_Telco_Customer_Churn');
      await expect.poll(() => box.textContent(), { timeout: 20_000 }).toContain(zh ? '语法错误：“WA_Fn_UseC_Telco_Customer_Churn”附近' : 'Syntax error near “WA_Fn_UseC_Telco_Customer_Churn”');
      await expect(page.locator('.editor-host:not([hidden]) .tn-sql-error-mark').textContent()).resolves.toBe('WA_Fn_UseC_Telco_Customer_Churn');
      await page.locator('[data-panel-tab="problems"]').click();
      const problems = page.locator('[data-testid="problems"] .problem');
      await expect.poll(() => problems.count()).toBe(1); // the editor's latest run only
      await expect(problems.first().textContent()).resolves.toContain(zh ? '语法错误' : 'Syntax error');
      await s.screenshot(`polish-sql-syntax-${tag}`);
      // A successful run clears the editor's problems.
      await runSql('SELECT 42 AS answer');
      await expect.poll(() => page.locator('[data-testid="problems"] .problem').count(), { timeout: 20_000 }).toBe(0);
    });

    it('Welcome cards act: Churn reasons opens on the table, its tab names the table; Problems keeps no internal keys', async () => {
      const { page } = s;
      await page.locator('.tab[data-kind="welcome"]').click();
      const card = page.locator('.welcome [data-command="analysis.reasons"]');
      await expect(card.textContent()).resolves.toContain(zh ? '客户为什么离开' : 'Why do customers leave?');
      await card.click();
      const tab = page.locator('.tab.active[data-kind="reasons"]');
      await tab.waitFor({ timeout: 20_000 });
      await expect(tab.locator('.tab-description').textContent()).resolves.toBe('WA_Fn_UseC_Telco_Customer_Churn');
      await s.screenshot(`polish-welcome-reasons-${tag}`);
      await page.locator('.tab[data-kind="welcome"]').click();
      await s.screenshot(`polish-welcome-${tag}`);
    });
  });
}
