import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, waitForGrid, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

describe.skipIf(browserMissing)('grid header column profiles (web build in Chromium)', () => {
  let s: Session;
  const grid = () => s.page.locator('.editor-host:not([hidden]) .tn-grid');
  const header = (column: string) => grid().locator(`.tn-grid-hcell[data-column="${column}"]`);
  const scrollGrid = (left: number) =>
    grid().locator('.tn-grid-scroller').evaluate((el, x) => {
      el.scrollLeft = x < 0 ? el.scrollWidth : x;
      el.dispatchEvent(new Event('scroll'));
    }, left);

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark' });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('opens the Telco CSV and profiles the visible columns after the rows are in', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.welcome [data-command="file.open"]').click();
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 60_000 }).toContain('7,043 rows');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    // A numeric column: a histogram with bars; a text column: a share bar and its distinct count.
    const tenure = header('tenure').locator('.tn-grid-profile[data-state="ready"]');
    await tenure.waitFor({ timeout: 30_000 });
    await expect(tenure.locator('[data-testid="profile-histogram"] .tn-grid-bar').count()).resolves.toBeGreaterThan(5);
    const gender = header('gender').locator('.tn-grid-profile[data-state="ready"]');
    await gender.waitFor({ timeout: 30_000 });
    await expect(gender.locator('[data-testid="profile-share"] .tn-grid-seg').count()).resolves.toBe(2);
    await expect(gender.locator('.tn-grid-pdistinct').textContent()).resolves.toBe('2 distinct');
    // The grid's first window ran before the first profile query.
    await page.locator('[data-panel-tab="log"]').click();
    const sql = await page.locator('[data-testid="log"] .log-sql').allTextContents();
    const firstWindow = sql.findIndex((q) => q.includes('"tenure_w"'));
    const firstProfile = sql.findIndex((q) => q.startsWith('SELECT data_type FROM information_schema.columns'));
    expect(firstWindow).toBeGreaterThanOrEqual(0);
    expect(firstProfile).toBeGreaterThan(firstWindow);
  });

  it('profiles columns scrolled into view: TotalCharges shows its 11 NULLs', async () => {
    await scrollGrid(-1);
    const total = header('TotalCharges').locator('.tn-grid-profile[data-state="ready"]');
    await total.waitFor({ timeout: 30_000 });
    await expect(total.locator('[data-testid="header-nulls"]').textContent()).resolves.toBe('NULL 11');
    await expect(total.locator('[data-testid="profile-histogram"] .tn-grid-bar').count()).resolves.toBeGreaterThan(5);
    await header('Contract').locator('.tn-grid-profile[data-state="ready"]').waitFor({ timeout: 30_000 });
    // Exact counts on a table this size (HyperLogLog says 2 contract types, and 7,032 charge values).
    await expect(header('Contract').locator('.tn-grid-pdistinct').textContent()).resolves.toBe('3 distinct');
    await expect(total.locator('.tn-grid-pdistinct').textContent()).resolves.toBe('6,530 distinct');
    await s.screenshot('grid-profile-01-headers-dark');
    await grid().locator('.tn-grid-header').screenshot({ path: path.join(SCREENSHOTS, 'grid-profile-01b-header-closeup-dark.png') });
  });

  it('opens the full profile card on hover: Contract lists its most frequent values', async () => {
    const { page } = s;
    await header('Contract').locator('.tn-grid-profile').hover();
    const card = grid().locator('[data-testid="grid-profile-popover"][data-column="Contract"]');
    await card.waitFor({ timeout: 10_000 });
    await expect.poll(() => card.locator('.cp-top').textContent(), { timeout: 20_000 }).toContain('Month-to-month');
    await expect(card.locator('.cp-top').textContent()).resolves.toContain('3,875');
    await s.screenshot('grid-profile-02-popover-dark');
    await page.mouse.move(5, 5);
    await card.waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('pins the card with a click and keeps sort-by-click and resize-by-drag working', async () => {
    const { page } = s;
    // A click on the strip pins the card without sorting.
    await header('MonthlyCharges').locator('.tn-grid-profile').click();
    const card = grid().locator('[data-testid="grid-profile-popover"][data-column="MonthlyCharges"]');
    await card.locator('[data-testid="column-profile"] .cp-hist').waitFor({ timeout: 20_000 });
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await expect(card.count()).resolves.toBe(1);
    await expect(header('MonthlyCharges').getAttribute('aria-sort')).resolves.toBe('none');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5_000 });
    // A click on the name sorts (through a temp index); the profiles stay those of the table.
    await header('TotalCharges').locator('.tn-grid-hname').click();
    await expect.poll(() => header('TotalCharges').getAttribute('aria-sort'), { timeout: 20_000 }).toBe('ascending');
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await expect(header('TotalCharges').locator('[data-testid="header-nulls"]').textContent()).resolves.toBe('NULL 11');
    // Drag the right edge wider.
    const before = (await header('Contract').boundingBox())!;
    const handle = (await header('Contract').locator('.tn-grid-resize').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 60, handle.y + handle.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await header('Contract').boundingBox())!.width).toBeGreaterThan(before.width + 40);
  });

  it('looks right in the light theme', async () => {
    const { page } = s;
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.quick-input input');
    await input.waitFor();
    await input.fill('light');
    await page.keyboard.press('Enter');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await scrollGrid(0);
    await header('customerID').locator('.tn-grid-profile[data-state="ready"]').waitFor({ timeout: 30_000 });
    await s.screenshot('grid-profile-03-headers-light');
    await grid().locator('.tn-grid-header').screenshot({ path: path.join(SCREENSHOTS, 'grid-profile-03b-header-closeup-light.png') });
    await scrollGrid(-1);
    await header('PaymentMethod').locator('.tn-grid-profile[data-state="ready"]').click({ timeout: 30_000 });
    await grid().locator('[data-testid="grid-profile-popover"] .cp-top').waitFor({ timeout: 20_000 });
    await s.screenshot('grid-profile-04-popover-light');
    await page.keyboard.press('Escape');
  });

  it('profiles a table over 2,000,000 rows only on request, one column per click', async () => {
    const { page } = s;
    await page.keyboard.press('Control+N');
    const editor = page.locator('.editor-host:not([hidden]) .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('CREATE TABLE big_profile AS SELECT i AS id, i % 7 AS k FROM range(2500000) t(i)');
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Escape');
    const node = page.locator('[data-table="big_profile"] .tree-row').first();
    await node.waitFor({ timeout: 30_000 });
    await node.click();
    await waitForGrid(page.locator('.editor-host:not([hidden])'));
    await page.waitForTimeout(600); // longer than the automatic profiles' settle delay: none may start
    await expect(header('id').locator('[data-testid="profile-compute"]').count()).resolves.toBe(1);
    await header('k').locator('[data-testid="profile-compute"]').click();
    const k = header('k').locator('.tn-grid-profile[data-state="ready"]');
    await k.waitFor({ timeout: 60_000 });
    await expect(k.locator('.tn-grid-pdistinct').textContent()).resolves.toBe('7 distinct');
    await expect(header('k').getAttribute('aria-sort')).resolves.toBe('none');
    await expect(header('id').locator('[data-testid="profile-compute"]').count()).resolves.toBe(1);
    await s.screenshot('grid-profile-05-large-table-light');
  });

  it('had no page errors', () => {
    expect(s.errors).toEqual([]);
  });
});
