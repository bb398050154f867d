import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const GBK = path.join(DATA, '商场客户_gbk.csv');
const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/** What the dialog showed at one moment: its status, first header, and whether Import could be pressed. */
interface Frame {
  status: string | null;
  first: string | null;
  importEnabled: boolean;
}

/** Issue 16: the import preview's headers, column count, re-reading after an encoding change, Cancel. */
for (const [scheme, locale] of [['dark', 'en-US'], ['light', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`import preview (${scheme}, ${locale})`, () => {
    let s: Session;
    const tag = `${scheme}-${locale === 'en-US' ? 'en' : 'zh'}`;
    const zh = locale === 'zh-CN';
    const dialog = () => s.page.locator('[data-testid="import-dialog"]');

    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale, autoImport: false });
      await openWorkbench(s.page, inject('baseURL'));
    });

    afterAll(async () => {
      await s?.close();
    });

    async function choose(file: string): Promise<void> {
      const chooser = s.page.waitForEvent('filechooser');
      await s.page.keyboard.press('Control+O');
      await (await chooser).setFiles(file);
      await s.page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 60_000 });
    }

    it('counts the columns and gives every header its full name and type as a tooltip', async () => {
      await choose(TELCO);
      await expect(dialog().locator('[data-testid="import-column-count"]').textContent()).resolves.toBe(zh ? ' · 21 列' : ' · 21 columns');
      const th = dialog().locator('th[data-column="PaperlessBilling"]');
      await expect(th.getAttribute('title')).resolves.toBe(zh ? 'PaperlessBilling\n文本' : 'PaperlessBilling\nText');
      await expect(dialog().locator('th[data-column="MonthlyCharges"]').getAttribute('title')).resolves.toBe(zh ? 'MonthlyCharges\n数值' : 'MonthlyCharges\nNumber');
      // The name box is narrower than the name: the tooltip is what shows it whole.
      const cut = await th.locator('input').evaluate((el: HTMLInputElement) => el.scrollWidth > el.clientWidth);
      expect(cut).toBe(true);
      await s.screenshot(`import-preview-01-count-${tag}`);
      await dialog().locator('[data-testid="import-cancel"]').click();
      await dialog().waitFor({ state: 'detached' });
    });

    it('re-reads the headers after a new encoding: never the old headers with Import enabled', async () => {
      const { page } = s;
      await choose(GBK);
      await expect(dialog().locator('th').first().locator('input').inputValue()).resolves.toBe('客户编号');
      await expect(dialog().locator('[data-testid="import-column-count"]').textContent()).resolves.toContain('5');
      // Record every state the dialog passes through while it re-reads the file as UTF-16.
      await page.evaluate(() => {
        const frames: Frame[] = [];
        (window as unknown as { __frames: Frame[] }).__frames = frames;
        const snap = () => {
          const d = document.querySelector('[data-testid="import-dialog"]');
          const first = d?.querySelector<HTMLInputElement>('th input');
          const button = d?.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]');
          frames.push({ status: d?.getAttribute('data-status') ?? null, first: first?.value ?? null, importEnabled: !!button && !button.disabled });
        };
        new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.locator('[data-testid="import-encoding"]').selectOption('utf-16le');
      await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);
      expect(frames.some((f) => f.status === 'planning')).toBe(true);
      // While re-reading: no headers at all and Import off; afterwards never the GBK headers again.
      const firstPlanning = frames.findIndex((f) => f.status === 'planning');
      expect(frames.slice(firstPlanning).filter((f) => f.first === '客户编号')).toEqual([]);
      expect(frames.filter((f) => f.status === 'planning' && (f.importEnabled || f.first !== null))).toEqual([]);
      const after = frames[frames.length - 1];
      if (after.first === null) expect(after.importEnabled).toBe(false);
      await s.screenshot(`import-preview-02-utf16-${tag}`);
      // Back to GBK: the Chinese headers return.
      await page.locator('[data-testid="import-encoding"]').selectOption('gbk');
      await expect.poll(() => dialog().locator('th').first().locator('input').inputValue(), { timeout: 30_000 }).toBe('客户编号');
    });

    it('Cancel keeps the choices: reopening the file shows them again', async () => {
      const { page } = s;
      const age = dialog().locator('th', { has: page.locator('input[value="年龄"]') });
      await age.locator('[data-testid="import-type"]').selectOption('VARCHAR');
      await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor();
      await page.locator('[data-testid="import-table-name"]').fill('mall_customers');
      await dialog().locator('[data-testid="import-cancel"]').click();
      await dialog().waitFor({ state: 'detached' });

      await choose(GBK);
      await expect(page.locator('[data-testid="import-table-name"]').inputValue()).resolves.toBe('mall_customers');
      await expect(page.locator('[data-testid="import-encoding"]').inputValue()).resolves.toBe('gbk');
      await expect(dialog().locator('th', { has: page.locator('input[value="年龄"]') }).locator('[data-testid="import-type"]').inputValue()).resolves.toBe('VARCHAR');
      await expect(dialog().locator('.import-badge').count()).resolves.toBe(1);
      await s.screenshot(`import-preview-03-reopened-${tag}`);
      await dialog().locator('[data-testid="import-cancel"]').click();
      expect(s.errors).toEqual([]);
    });
  });
}
