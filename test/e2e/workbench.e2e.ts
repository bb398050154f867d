import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, waitForGrid, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const LAST_CUSTOMER = '3186-AJIEK';

describe.skipIf(browserMissing)('workbench (web build in Chromium)', () => {
  let s: Session;
  let sidebarWidth = 0;

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark' });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('starts on the Welcome page in the OS (dark) theme with DuckDB ready', async () => {
    const { page } = s;
    await expect(page.locator('.welcome h1').textContent()).resolves.toBe('Tenure');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('dark');
    await s.screenshot('01-welcome-dark');
  });

  it('opens the Telco CSV through the file chooser: 7,043 rows in the status bar and the Explorer', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.welcome [data-command="file.open"]').click();
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 60_000 }).toContain('7,043 rows');
    await expect(page.locator('.tab.active .tab-label').textContent()).resolves.toBe('WA_Fn_UseC_Telco_Customer_Churn');
    await expect(page.locator('[data-table="WA_Fn_UseC_Telco_Customer_Churn"] [data-testid="table-rows"]').textContent()).resolves.toBe('7,043');
    // Columns with their DuckDB types.
    await page.locator('[data-table="WA_Fn_UseC_Telco_Customer_Churn"] .twistie').click();
    await expect(page.locator('.column-row', { hasText: 'tenure' }).locator('.tree-type').textContent()).resolves.toBe('BIGINT');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await s.screenshot('02-telco-grid');
  });

  it('scrolls the grid to the last row', async () => {
    const { page } = s;
    const scroller = page.locator('.editor-host:not([hidden]) .tn-grid-scroller');
    await scroller.evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => page.locator('.editor-host:not([hidden]) .tn-grid').textContent(), { timeout: 20_000 }).toContain(LAST_CUSTOMER);
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await s.screenshot('03-grid-end');
  });

  it('runs SQL from the SQL editor and shows the result in the panel', async () => {
    const { page } = s;
    await page.keyboard.press('Control+N');
    const editor = page.locator('.editor-host:not([hidden]) .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('SELECT Contract, count(*) AS customers, round(avg(MonthlyCharges), 2) AS avg_monthly\nFROM WA_Fn_UseC_Telco_Customer_Churn\nGROUP BY Contract\nORDER BY customers DESC');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape'); // close the completion popup before the screenshot
    const results = page.locator('[data-testid="results"]');
    await expect.poll(() => results.textContent(), { timeout: 30_000 }).toContain('Month-to-month');
    await expect(results.textContent()).resolves.toContain('3,875');
    await expect.poll(() => page.locator('[data-testid="status-query-time"]').textContent()).toMatch(/\d+(\.\d)? (ms|s)/);
    await s.screenshot('04-sql-result');
  });

  it('lists every statement with its duration in the Log panel', async () => {
    const { page } = s;
    await page.locator('[data-panel-tab="log"]').click();
    const log = page.locator('[data-testid="log"]');
    await expect(log.textContent()).resolves.toContain('GROUP BY Contract');
    await expect(log.locator('.log-entry').count()).resolves.toBeGreaterThan(3);
    await s.screenshot('05-log');
  });

  it('reports a SQL error in Problems and keeps working', async () => {
    const { page } = s;
    const editor = page.locator('.editor-host:not([hidden]) .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT nope FROM WA_Fn_UseC_Telco_Customer_Churn');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid="problems"]').textContent(), { timeout: 20_000 }).toContain('nope');
    await s.screenshot('06-problems');
  });

  it('cancels a long-running query from the SQL editor, then runs the next one', async () => {
    const { page } = s;
    const editor = page.locator('.editor-host:not([hidden]) .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT count(*) FROM range(4000000000) t(i) WHERE i % 7 = 3');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-testid="engine-state"]').getAttribute('data-state')).toBe('busy');
    await page.locator('.tn-sql-cancel').click();
    await expect.poll(() => page.locator('.tn-sql-error').textContent(), { timeout: 10_000 }).toMatch(/cancel/i);
    await expect.poll(() => page.locator('[data-testid="engine-state"]').getAttribute('data-state')).toBe('ready');
    await expect(page.locator('[data-testid="problems"]').textContent()).resolves.not.toMatch(/cancel/i);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('SELECT 6 * 7 AS answer');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('[data-testid="results"] .tn-grid-row').first().textContent(), { timeout: 20_000 }).toContain('42');
  });

  it('finds commands in the palette by fuzzy match and switches to the light theme', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input input');
    await input.waitFor();
    await input.fill('lght');
    await expect(page.locator('.quick-input-item').first().textContent()).resolves.toContain('Light+');
    await expect(page.locator('.quick-input-item[data-command="sql.newEditor"] kbd').allTextContents()).resolves.toEqual([]);
    await input.fill('new sql');
    await expect(page.locator('.quick-input-item').first().locator('kbd').allTextContents()).resolves.toEqual(['Ctrl', 'N']);
    await s.screenshot('07-palette');
    await input.fill('light');
    await page.keyboard.press('Enter');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await page.locator('.tab[data-kind="table"]').click();
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await s.screenshot('08-light-theme');
  });

  it('switches the display language to Simplified Chinese', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input input').fill('简体中文');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent()).toContain('7,043 行');
    await expect(page.locator('.sidebar-title').textContent()).resolves.toBe('资源管理器');
    await s.screenshot('09-chinese');
  });

  it('opens the sample workspace: three tables in the Explorer', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input input').fill('示例工作区');
    await page.keyboard.press('Enter');
    const sample = page.locator('[role="treeitem"]', { hasText: '示例工作区' }).first();
    await expect.poll(() => sample.locator('[data-table]').count(), { timeout: 60_000 }).toBe(3);
    for (const t of ['customers', 'billing', 'survey']) await expect(sample.locator(`[data-table="${t}"]`).count()).resolves.toBe(1);
    await expect(page.locator('.tab.active .tab-label').textContent()).resolves.toBe('customers');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await s.screenshot('10-sample-workspace');
  });

  it('opens files dropped onto the window; a broken one lands in Problems and a notification', async () => {
    const { page } = s;
    await page.locator('[data-panel-tab="problems"]').click();
    const before = await page.locator('[data-testid="problems"] .problem').count();
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['id,score\n1,10\n2,20\n3,30\n'], 'dropped scores.csv', { type: 'text/csv' }));
      dt.items.add(new File([''], 'empty.csv', { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.locator('.tab.active .tab-label').textContent(), { timeout: 30_000 }).toBe('dropped_scores');
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent()).toContain('3 行');
    const toast = page.locator('[data-testid="notification"]', { hasText: 'empty.csv' });
    await toast.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('[data-testid="problems"] .problem').count()).toBe(before + 1);
    await expect(page.locator('[data-testid="problems"] .problem').first().textContent()).resolves.toContain('empty.csv');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await s.screenshot('11-drop-and-error');
    await toast.locator('.toast-close').click();
  });

  it('reorders tabs by dragging', async () => {
    const { page } = s;
    const labels = () => page.locator('.editor-group').first().locator('.tab .tab-label').allTextContents();
    const before = await labels();
    const last = page.locator('.editor-group').first().locator('.tab').last();
    await last.dragTo(page.locator('.editor-group').first().locator('.tab').first());
    const after = await labels();
    expect(after[0]).toBe(before[before.length - 1]);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('toggles the side bar and panel from the keyboard and resizes the side bar', async () => {
    const { page } = s;
    await page.keyboard.press('Control+B');
    await expect(page.locator('[data-testid="explorer"]').count()).resolves.toBe(0);
    await page.keyboard.press('Control+B');
    await page.keyboard.press('Control+J');
    await expect(page.locator('[data-testid="bottom-panel"]').count()).resolves.toBe(0);
    await page.keyboard.press('Control+J');
    await page.locator('[data-testid="bottom-panel"]').waitFor();
    const sash = page.locator('[data-testid="sidebar-sash"]');
    const box = (await sash.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 300);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 300, { steps: 8 });
    await page.mouse.up();
    const width = (await page.locator('.sidebar').boundingBox())!.width;
    expect(width).toBeGreaterThan(box.x - 48 + 80);
    sidebarWidth = width;
  });

  it('splits the editor right and keeps both groups working', async () => {
    const { page } = s;
    await page.locator('.tab[data-tab="table:customers"]').click();
    await page.keyboard.press('Control+\\');
    await expect(page.locator('.editor-group').count()).resolves.toBe(2);
    await waitForGrid(page.locator('.editor-group').nth(1));
    await s.screenshot('12-split');
  });

  it('remembers theme and language after a reload', async () => {
    const { page } = s;
    await page.waitForTimeout(600); // settings are saved debounced
    await openWorkbench(page, inject('baseURL'));
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await expect(page.locator('.sidebar-title').textContent()).resolves.toBe('资源管理器');
    const width = (await page.locator('.sidebar').boundingBox())!.width;
    expect(Math.abs(width - sidebarWidth)).toBeLessThan(3);
  });

  it('had no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
