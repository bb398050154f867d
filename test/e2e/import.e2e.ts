import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, confirmImport, launch, openWorkbench, waitForGrid, type Session } from './harness';

const GBK = path.join(DATA, '商场客户_gbk.csv');
const TELCO_CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const TELCO_XLSX = path.join(DATA, 'Telco_customer_churn.xlsx');

/** A generated CSV of about `mb` MiB (ids, dates, amounts, a category). */
function bigCsv(dir: string, name: string, rows: number): string {
  const p = path.join(dir, name);
  const fd = openSync(p, 'w');
  writeSync(fd, 'customer_id,order_date,amount,segment,note\n');
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(`C${String(i % 500000).padStart(7, '0')},2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${((i * 37) % 100000) / 100},${['gold', 'silver', 'bronze'][i % 3]},order number ${i} placed online`);
    if (batch.length === 50000) {
      writeSync(fd, batch.join('\n') + '\n');
      batch.length = 0;
    }
  }
  if (batch.length) writeSync(fd, batch.join('\n') + '\n');
  closeSync(fd);
  return p;
}

describe.skipIf(browserMissing)('import dialog (web build in Chromium)', () => {
  let s: Session;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-import-e2e-'));
    s = await launch({ colorScheme: 'dark', locale: 'zh-CN', autoImport: false });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function choose(file: string): Promise<void> {
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.keyboard.press('Control+O');
    await (await chooser).setFiles(file);
    await s.page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 60_000 });
  }

  const dialog = () => s.page.locator('[data-testid="import-dialog"]');
  const columnType = (table: string, column: string) => s.page.locator(`[data-table="${table}"] .column-row`, { hasText: column }).first().locator('.tree-type');

  it('GBK CSV: encoding detected, Chinese headers, 客户编号 stays text 0001', async () => {
    const { page } = s;
    await choose(GBK);
    await expect(page.locator('[data-testid="import-encoding"]').inputValue()).resolves.toMatch(/^(gbk|gb18030)$/);
    await expect(dialog().locator('th').first().locator('input').inputValue()).resolves.toBe('客户编号');
    await expect(dialog().locator('tbody tr').first().locator('td').first().textContent()).resolves.toBe('0001');
    await expect(dialog().locator('th').first().locator('select').first().inputValue()).resolves.toBe('VARCHAR');
    await expect(dialog().locator('tbody tr').count()).resolves.toBe(100);
    await s.screenshot('import-01-gbk-dialog');
    await confirmImport(page);
    await page.locator('[data-table="商场客户_gbk"] [data-testid="table-rows"]').waitFor({ timeout: 60_000 });
    await expect(page.locator('[data-table="商场客户_gbk"] [data-testid="table-rows"]').textContent()).resolves.toBe('200');
    await page.locator('[data-table="商场客户_gbk"] .twistie').click();
    await expect(columnType('商场客户_gbk', '客户编号').textContent()).resolves.toBe('VARCHAR');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await expect(page.locator('.editor-host:not([hidden]) .tn-grid').textContent()).resolves.toContain('0001');
    await s.screenshot('import-02-gbk-table');
  });

  it('Telco CSV loads well under a few seconds in the browser', async () => {
    const { page } = s;
    await choose(TELCO_CSV);
    const t0 = Date.now();
    await confirmImport(page);
    const ms = Date.now() - t0;
    console.log(`Telco CSV (7,043 rows) import in Chromium: ${ms} ms (dialog Import → table ready)`);
    // The Log panel lists every statement with its duration: print the slowest for the record.
    await page.locator('[data-panel-tab="log"]').click();
    const entries = await page.locator('[data-testid="log"] .log-entry').evaluateAll((els) =>
      els.map((e) => `${e.querySelector('.log-ms')?.textContent} ${(e.querySelector('.log-sql')?.textContent ?? '').slice(0, 90)}`),
    );
    console.log(entries.slice(-10).join('\n'));
    await expect(page.locator('[data-table="WA_Fn_UseC_Telco_Customer_Churn"] [data-testid="table-rows"]').textContent()).resolves.toBe('7,043');
    expect(ms).toBeLessThan(15_000);
  });

  it('Excel: sheet list shown, a type changed in the dialog, 7,043 rows, Total Charges DOUBLE with 11 NULLs', async () => {
    const { page } = s;
    await choose(TELCO_XLSX);
    const sheets = await page.locator('[data-testid="import-sheet"] option').allTextContents();
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    const zip = dialog().locator('th', { has: page.locator('input[value="Zip Code"]') });
    await expect(zip.locator('[data-testid="import-type"]').inputValue()).resolves.toBe('BIGINT');
    await zip.locator('[data-testid="import-type"]').selectOption('VARCHAR');
    await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor();
    await expect.poll(() => zip.locator('[data-testid="import-type"]').inputValue()).toBe('VARCHAR');
    await s.screenshot('import-03-xlsx-dialog');
    await confirmImport(page);
    const table = 'Telco_customer_churn';
    await expect.poll(() => page.locator(`[data-table="${table}"] [data-testid="table-rows"]`).textContent(), { timeout: 60_000 }).toBe('7,043');
    await page.locator(`[data-table="${table}"] .twistie`).click();
    await expect(columnType(table, 'Zip Code').textContent()).resolves.toBe('VARCHAR');
    // The grid (DuckDB's own schema) agrees: zip codes as text, 90003 not 90,003.
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await expect(page.locator('.editor-host:not([hidden]) .tn-grid').textContent()).resolves.toContain('90003');
    await expect(columnType(table, 'Total Charges').textContent()).resolves.toBe('DOUBLE');
    // Column profile on demand: NULL count, histogram.
    await page.locator(`[data-table="${table}"] .column-row`, { hasText: 'Total Charges' }).click();
    const profile = page.locator('[data-testid="column-profile"][data-column="Total Charges"]');
    await expect.poll(() => profile.locator('[data-testid="profile-nulls"]').textContent(), { timeout: 30_000 }).toBe('11');
    await expect(profile.locator('.cp-hist span').count()).resolves.toBeGreaterThan(5);
    await s.screenshot('import-04-xlsx-profile');
  });

  it('reopening a file offers the same choices (remembered per file)', async () => {
    const { page } = s;
    await choose(TELCO_XLSX);
    await expect(dialog().textContent()).resolves.toContain('沿用上次');
    const zip = dialog().locator('th', { has: page.locator('input[value="Zip Code"]') });
    await expect(zip.locator('[data-testid="import-type"]').inputValue()).resolves.toBe('VARCHAR');
    await page.locator('[data-testid="import-cancel"]').click();
    await dialog().waitFor({ state: 'detached' });
  });

  it('the import made while the dialog is shown: Cancel drops it, a type changed afterwards and a new name are honoured', async () => {
    const { page } = s;
    // A CSV starts loading as soon as its plan is shown (importController.ts, importAhead).
    await choose(TELCO_CSV);
    await page.waitForTimeout(1500);
    await page.locator('[data-testid="import-cancel"]').click();
    await dialog().waitFor({ state: 'detached' });
    await choose(TELCO_CSV);
    const tenure = dialog().locator('th', { has: page.locator('input[value="tenure"]') });
    await expect(tenure.locator('[data-testid="import-type"]').inputValue()).resolves.toBe('BIGINT');
    await page.waitForTimeout(1500);
    await tenure.locator('[data-testid="import-type"]').selectOption('VARCHAR');
    await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor();
    await expect.poll(() => tenure.locator('[data-testid="import-type"]').inputValue()).toBe('VARCHAR');
    await page.locator('[data-testid="import-table-name"]').fill('telco_ahead');
    await confirmImport(page);
    await expect.poll(() => page.locator('[data-table="telco_ahead"] [data-testid="table-rows"]').textContent(), { timeout: 60_000 }).toBe('7,043');
    await page.locator('[data-table="telco_ahead"] .twistie').click();
    await expect(columnType('telco_ahead', 'tenure').textContent()).resolves.toBe('VARCHAR');
    await expect(columnType('telco_ahead', 'MonthlyCharges').textContent()).resolves.toBe('DOUBLE');
  });

  it('cancelling a large import stops it, leaves no table, and the app keeps working', async () => {
    const { page } = s;
    const big = bigCsv(dir, 'big_orders.csv', 2_300_000);
    await choose(big);
    await page.locator('[data-testid="import-confirm"]').click();
    const progress = page.locator('[data-testid="import-progress"]');
    await expect.poll(async () => Number(await progress.getAttribute('data-bytes').catch(() => 0)), { timeout: 60_000 }).toBeGreaterThan(0);
    await s.screenshot('import-05-progress');
    const bytesAtCancel = Number(await progress.getAttribute('data-bytes'));
    await page.locator('[data-testid="import-cancel"]').click();
    await dialog().waitFor({ state: 'detached', timeout: 60_000 });
    console.log(`cancelled the 150 MB import after ${bytesAtCancel} bytes`);
    await expect(page.locator('[data-table="big_orders"]').count()).resolves.toBe(0);
    // The engine answers, the earlier tables are intact, nothing half-made is left.
    await page.keyboard.press('Control+N');
    const editor = page.locator('.editor-host:not([hidden]) .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.insertText("SELECT string_agg(table_name, ' ' ORDER BY table_name) AS tables, (SELECT count(*) FROM \"商场客户_gbk\") AS mall FROM duckdb_tables()");
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    const results = page.locator('[data-testid="results"]');
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toContain('Telco_customer_churn');
    const text = (await results.textContent()) ?? '';
    expect(text).not.toContain('big_orders');
    expect(text).not.toContain('__tenure');
    expect(text).toContain('200');
    await s.screenshot('import-06-after-cancel');
    expect(s.errors.filter((e) => !/cancel/i.test(e))).toEqual([]);
  });
});
