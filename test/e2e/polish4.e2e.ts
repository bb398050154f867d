import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serializeStudy } from '../../shared/study/migrate';
import { emptyStudy, type Study } from '../../shared/study/schema';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const TABLE = 'WA_Fn_UseC_Telco_Customer_Churn';
const EDITOR = '.editor-host:not([hidden])';

/** A study reading the Telco CSV and a Parquet folder (made on a desktop): what the browser can and cannot open. */
function folderStudy(dir: string): string {
  const base = { path: null, mtime: null, fingerprint: null, options: {}, columns: {} };
  const study: Study = {
    ...emptyStudy(),
    title: 'Folders',
    sources: [
      { ...base, id: 'telco', name: 'telco', fileName: path.basename(TELCO), kind: 'csv', size: statSync(TELCO).size, table: TABLE },
      { ...base, id: 'parts', name: 'telco_parts', path: '/data/exports/telco_parts', fileName: 'telco_parts', kind: 'parquetFolder', pattern: '**/*.parquet', files: 3, size: 412_000, table: 'telco_parts' },
    ],
  };
  const file = path.join(dir, 'folders.tenure');
  writeFileSync(file, serializeStudy(study));
  return file;
}

/** Leftovers of the workbench polish: each in both themes and both languages. */
for (const [scheme, locale] of [['dark', 'en-US'], ['light', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`workbench polish 4 (${scheme}, ${locale})`, () => {
    let s: Session;
    let dir: string;
    const tag = `${scheme}-${locale === 'en-US' ? 'en' : 'zh'}`;
    const zh = locale === 'zh-CN';

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-polish4-'));
      s = await launch({ colorScheme: scheme, locale });
      await openWorkbench(s.page, inject('baseURL'));
    });

    afterAll(async () => {
      await s?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    async function runCommand(page: Page, id: string, query: string): Promise<void> {
      await page.keyboard.press('Control+Shift+P');
      await page.locator('.quick-input input').fill(query);
      await page.locator(`.quick-input-item[data-command="${id}"]`).click();
    }

    it('a study with a Parquet folder: the browser says folders need the desktop app instead of offering Locate…', async () => {
      const { page } = s;
      const chooser = page.waitForEvent('filechooser');
      await runCommand(page, 'study.open', zh ? '打开研究' : 'open study');
      await (await chooser).setFiles(folderStudy(dir));
      const dialog = page.locator('[data-testid="relink-dialog"]');
      await dialog.waitFor({ timeout: 30_000 });
      const folderRow = dialog.locator('tr[data-kind="folder"]');
      await expect(folderRow.getAttribute('data-state')).resolves.toBe('missing');
      await expect(folderRow.locator('[data-testid="relink-locate"]').count()).resolves.toBe(0);
      await expect(folderRow.textContent()).resolves.toContain(zh ? '仅限桌面版' : 'desktop app only');
      const note = dialog.locator('[data-testid="relink-folder-note"]');
      await expect(note.textContent()).resolves.toContain(zh ? 'telco_parts 是 Parquet 文件夹' : 'telco_parts is a folder of Parquet files');
      // The data file is still located as before.
      const files = page.waitForEvent('filechooser');
      await dialog.locator('tr[data-kind="file"] [data-testid="relink-locate"]').click();
      await (await files).setFiles(TELCO);
      await expect.poll(() => dialog.locator('tr[data-kind="file"]').getAttribute('data-state')).toBe('found');
      await expect(dialog.getAttribute('data-missing')).resolves.toBe('1');
      await s.screenshot(`polish4-relink-folder-${tag}`);
      await dialog.locator('[data-testid="relink-open"]').click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toMatch(/7,043/);
      // Opened (its layout restored): the folder's analyses are skipped with a Problem saying why.
      await expect.poll(() => page.locator('[data-testid="statusbar"] .codicon-modifier-spin').count(), { timeout: 60_000 }).toBe(0);
      await page.locator('[data-panel-tab="problems"]').click();
      await expect.poll(() => page.locator('[data-testid="problems"] .problem').first().textContent()).toContain('telco_parts');
      await s.screenshot(`polish4-relink-folder-problem-${tag}`);
    });

    it("a user's own table named __tenure_… is listed in the Explorer", async () => {
      const { page } = s;
      await page.keyboard.press('Control+N');
      const editor = page.locator(`${EDITOR} .cm-content`);
      await editor.click();
      await page.keyboard.insertText('CREATE TABLE "__tenure_mine" AS SELECT 1 AS a');
      await page.keyboard.press('Control+Enter');
      await page.locator('[data-testid="explorer"] [data-table="__tenure_mine"]').waitFor({ timeout: 20_000 });
    });

    it('the column picker shows the column type once', async () => {
      const { page } = s;
      await runCommand(page, 'analysis.pareto', zh ? '帕累托' : 'pareto');
      const ed = page.locator(`${EDITOR} [data-testid="pareto-editor"]`);
      await ed.waitFor();
      await ed.locator('[data-testid="pareto-customer"]').selectOption('customerID');
      const picker = ed.locator('.tn-an-column', { has: page.locator('[data-testid="pareto-customer"]') });
      const shown = await picker.evaluate((el) => {
        const select = el.querySelector('select')!;
        return `${select.selectedOptions[0].textContent} ${[...el.querySelectorAll('.tn-an-type')].map((x) => x.textContent).join(' ')}`;
      });
      expect(shown.match(/VARCHAR/g)).toHaveLength(1);
      await ed.locator('[data-testid="analysis-run"]').click();
      await ed.locator('[data-testid="headline-text"]').waitFor({ timeout: 60_000 });
      await ed.locator('[data-testid="pareto-customer"]').scrollIntoViewIfNeeded();
      await s.screenshot(`polish4-column-picker-${tag}`);
    });

    it('the deck subtitle wraps a long file list instead of cutting it', async () => {
      const { page } = s;
      await runCommand(page, 'deck.export', zh ? '演示' : 'export deck');
      const deck = page.locator(`${EDITOR} [data-testid="deck-editor"]`);
      await expect.poll(() => deck.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
      const field = deck.locator('[data-testid="deck-subtitle"]');
      const long = `${zh ? '数据' : 'Data'}: ${Array.from({ length: 9 }, (_, i) => `customer_export_2026_${String(i + 1).padStart(2, '0')}.csv`).join(', ')}`;
      await field.fill(long);
      const box = await field.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight, width: el.scrollWidth - el.clientWidth, value: (el as HTMLTextAreaElement).value }));
      expect(box.value).toBe(long);
      expect(box.width).toBeLessThanOrEqual(0);
      expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
      expect(box.client).toBeGreaterThan(30); // more than one line
      // Enter does not put a line break into a one-line slide subtitle.
      await field.press('End');
      await field.press('Enter');
      await expect(field.inputValue()).resolves.toBe(long);
      await s.screenshot(`polish4-deck-subtitle-${tag}`);
      expect(s.errors).toEqual([]);
    });
  });
}
