import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTelcoDataFiles } from '../helpers/dataFiles';
import { browserMissing, launch, openWorkbench, waitForGrid, type Session } from './harness';

async function runCommand(page: Page, id: string, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

// The browser build runs duckdb-wasm: Parquet has no reader offline (a clear message, no download);
// a DuckDB database file is copied into the engine and attached read-only, its tables listed.
for (const [scheme, locale] of [['light', 'en-US'], ['dark', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`Parquet and DuckDB files in the browser (${scheme}, ${locale})`, () => {
    let s: Session;
    let dir: string;
    let files: Awaited<ReturnType<typeof makeTelcoDataFiles>>;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-datafiles-e2e-'));
      files = await makeTelcoDataFiles(dir);
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

    it('a .duckdb file: no dialog, each of its tables in the Explorer under the file, the grid shows one', async () => {
      const { page } = s;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await open(files.duckdb);
      for (const table of ['telco', 'contracts', 'accounts']) await page.locator(`[data-table="${table}"]`).first().waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-testid="import-dialog"]').count()).toBe(0);
      await waitForGrid(page.locator('.tn-grid').first());
      expect(await page.locator('body').textContent()).toContain('crm.duckdb');
      await s.screenshot(`datafiles-01-duckdb-${scheme}`);
      expect(requests.filter((u) => !u.startsWith(inject('baseURL')) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    });

    it('Replace data file… on a database moves every one of its tables to the new file', async () => {
      const { page } = s;
      const next = path.join(dir, 'crm-next.duckdb');
      copyFileSync(files.duckdb, next);
      const inst = await DuckDBInstance.create(':memory:');
      const c = await inst.connect();
      await c.run(`ATTACH '${next.replaceAll("'", "''")}' AS n; DELETE FROM n.telco WHERE customerID IN (SELECT customerID FROM n.telco ORDER BY customerID LIMIT 500); DETACH n`);
      c.closeSync();
      inst.closeSync();
      await page.locator('[data-table="telco"]').first().click();
      const chooser = page.waitForEvent('filechooser');
      await runCommand(page, 'study.replaceData', locale === 'zh-CN' ? '替换' : 'replace data');
      await (await chooser).setFiles(next);
      await page.locator('[data-testid="what-changed"]').waitFor({ timeout: 120_000 });
      await expect.poll(() => page.locator('[data-table="telco"]').first().textContent(), { timeout: 60_000 }).toContain('6,543');
      expect(await page.locator('[data-table="contracts"]').first().textContent()).toContain('3');
      expect(await page.locator('body').textContent()).toContain('crm-next.duckdb');
    });

    it('a .parquet file: the clear message that Parquet needs the desktop app, no table, nothing fetched', async () => {
      const { page } = s;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await open(files.parquet);
      const text = locale === 'zh-CN' ? 'Parquet 需要桌面版的原生引擎' : "Parquet needs the desktop app's native engine";
      await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toContain(text);
      expect(await page.locator('[data-table="telco_2"]').count()).toBe(0);
      await s.screenshot(`datafiles-02-parquet-${scheme}`);
      expect(requests.filter((u) => !u.startsWith(inject('baseURL')) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
      expect(s.errors.filter((e) => !/Parquet/.test(e))).toEqual([]);
    });

    it('File → Open Folder of Parquet Files… says a folder needs the desktop app, and opens nothing', async () => {
      const { page } = s;
      const tables = await page.locator('[data-table]').count();
      await runCommand(page, 'file.openFolder', locale === 'zh-CN' ? 'Parquet 文件夹' : 'open folder');
      const text = locale === 'zh-CN' ? '打开 Parquet 文件夹需要 Tenure 桌面版或命令行' : 'Opening a folder of Parquet files needs the Tenure desktop app or the CLI';
      await expect.poll(() => page.locator('[data-testid="notification"]').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining(text));
      expect(await page.locator('[data-table]').count()).toBe(tables);
      await s.screenshot(`datafiles-03-folder-${scheme}`);
    });
  });
}
