import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO_CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/**
 * Issue 11/16 in the browser: a damaged workbook is parsed in a Web Worker (the window never
 * freezes) and ends in a clear error; forcing a type the values do not fit shows the count under
 * the column and asks before importing.
 */
for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`hostile imports (${scheme}, ${locale})`, () => {
    let s: Session;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-hostile-e2e-'));
      s = await launch({ colorScheme: scheme, locale, autoImport: false });
      await openWorkbench(s.page, inject('baseURL'));
    });
    afterAll(async () => {
      await s?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function open(file: string): Promise<void> {
      const chooser = s.page.waitForEvent('filechooser');
      await s.page.keyboard.press('Control+O');
      await (await chooser).setFiles(file);
    }

    it('a workbook with one flipped byte: parsed in a worker, the window stays responsive, a clear error', async () => {
      const { page } = s;
      const bytes = new Uint8Array(readFileSync(path.join(DATA, 'Telco_customer_churn.xlsx')));
      bytes[1359074] = 0xf6;
      const file = path.join(dir, 'telco_damaged.xlsx');
      writeFileSync(file, bytes);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      await open(file);
      await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'attached', timeout: 30_000 });
      // The main thread answers while the workbook is being read.
      for (let k = 0; k < 5; k++) {
        const t = Date.now();
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(1))));
        expect(Date.now() - t).toBeLessThan(1000);
      }
      await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached', timeout: 60_000 });
      await expect.poll(() => workers.some((u) => /excelWorker/.test(u)), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toMatch(/telco_damaged\.xlsx.*invalid distance/s);
      await s.screenshot(`hostile-01-damaged-xlsx-${scheme}`);
    });

    it('forcing Number on a text column: the count under the column, and a question before most values are lost', async () => {
      const { page } = s;
      await open(TELCO_CSV);
      const dialog = page.locator('[data-testid="import-dialog"]');
      await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 60_000 });
      const gender = dialog.locator('th', { has: page.locator('input[value="gender"]') });
      await gender.locator('[data-testid="import-type"]').selectOption('DOUBLE');
      const lost = gender.locator('[data-testid="import-lost"]');
      await lost.waitFor({ timeout: 60_000 });
      await expect(lost.getAttribute('title')).resolves.toMatch(/\d/);
      await page.locator('[data-testid="import-dialog"][data-status="ready"] [data-testid="import-confirm"]').click();
      const ask = page.locator('[data-testid="import-ask-loss"]');
      await ask.waitFor();
      await expect(ask.textContent()).resolves.toContain('gender');
      await s.screenshot(`hostile-02-forced-type-${scheme}`);
      await page.locator('[data-testid="import-keep-detected"]').click();
      await expect.poll(() => gender.locator('[data-testid="import-type"]').inputValue(), { timeout: 60_000 }).toBe('VARCHAR');
      await expect(lost.count()).resolves.toBe(0);
      await page.locator('[data-testid="import-cancel"]').click();
      await dialog.waitFor({ state: 'detached' });
    });
  });
}
