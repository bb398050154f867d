import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeTelcoDataFiles } from '../helpers/dataFiles';
import { browserMissing, launch, openWorkbench, waitForGrid, type Session } from './harness';

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
  });
}
