import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, waitForGrid, type Session } from './harness';

// The workbook the issue names; the CLI gives the same figures for it and for its CSV export:
//   tenure pareto Telco_customer_churn.xlsx --customer CustomerID --value "Total Charges" --group Contract --json
// → n 7032 of 7043 rows, top20 k 1407 (53.607%), k80 2702 (38.42%), classes A 2702 / B 1693 / C 2637.
const TELCO = path.join(DATA, 'Telco_customer_churn.xlsx');
const CUSTOMER = 'CustomerID';
const VALUE = 'Total Charges';
const HEADLINE = `The top 20% of customers (1,407) produce 53.6% of ${VALUE}; 80% is reached with 38.4% of customers.`;
const SAVED = 'telco_pareto_classes';

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe.skipIf(browserMissing)('Pareto editor (web build in Chromium)', () => {
  let s: Session;
  const editor = () => s.page.locator('.editor-host:not([hidden]) [data-testid="pareto-editor"]');

  async function chartShots(theme: string) {
    for (const [id, name] of [['pareto-chart', 'pareto'], ['pareto-lorenz', 'lorenz'], ['pareto-mix', 'mix']] as const) {
      const card = editor().locator(`[data-testid="${id}"]`);
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: path.join(SCREENSHOTS, `pareto-${name}-${theme}.png`) });
    }
  }

  async function palette(text: string, command: string) {
    await s.page.keyboard.press('Control+Shift+P');
    await s.page.locator('.quick-input input').fill(text);
    await s.page.locator(`.quick-input-item[data-command="${command}"]`).click();
  }

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', width: 1600, height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('opens the Telco data through the file chooser', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.locator('.welcome [data-command="file.open"]').click();
    await (await chooser).setFiles(TELCO);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toContain('7,043 rows');
  });

  it('runs Pareto on total charges by Contract with the customer id as the customer', async () => {
    const { page } = s;
    // The bottom panel off: the results get the height a person would give them.
    await palette('toggle panel', 'workbench.togglePanel');
    await palette('pareto', 'analysis.pareto');
    await editor().waitFor();
    await editor().locator('[data-testid="pareto-customer"]').selectOption(CUSTOMER);
    await editor().locator('[data-testid="pareto-value"]').selectOption(VALUE);
    await editor().locator('[data-testid="pareto-group"]').selectOption('Contract');
    await editor().locator('[data-testid="analysis-run"]').click();
    const headline = editor().locator('[data-testid="headline-text"]');
    await expect.poll(() => headline.textContent(), { timeout: 60_000 }).toBe(HEADLINE);
    await expect(editor().locator('[data-testid="pareto-summary"]').textContent()).resolves.toContain('7,032 customers from 7,043 rows');
    const classes = editor().locator('[data-testid="pareto-classes"] tbody tr');
    await expect(classes.nth(0).textContent()).resolves.toContain('2,702');
    await expect(classes.nth(1).textContent()).resolves.toContain('1,693');
    await expect(classes.nth(2).textContent()).resolves.toContain('2,637');
    await expect(editor().locator('[data-testid="pareto-groups"] tbody tr').count()).resolves.toBe(3);
    // Let the canvases settle (resize observer, one frame) before screenshots.
    await page.waitForTimeout(300);
    await s.screenshot('pareto-editor-dark');
    await chartShots('dark');
    expect(s.errors).toEqual([]);
  });

  it('saves the classes as a table that appears in the Explorer', async () => {
    const { page } = s;
    await editor().locator('[data-testid="pareto-save-open"]').click();
    await editor().locator('[data-testid="pareto-save-name"]').fill(SAVED);
    await editor().locator('[data-testid="pareto-save"]').click();
    await page.locator(`[data-table="${SAVED}"]`).waitFor({ timeout: 30_000 });
    await expect(page.locator(`[data-table="${SAVED}"] [data-testid="table-rows"]`).textContent()).resolves.toBe('7,032');
  });

  it('exports a chart as a 16:9 PNG at 2× (1920×1080), rendered off-screen', async () => {
    const { page } = s;
    const card = editor().locator('[data-testid="pareto-chart"]');
    await card.locator('[data-testid="chart-export"]').click();
    await card.locator('[data-testid="chart-export-menu"]').waitFor();
    const download = page.waitForEvent('download');
    await card.locator('[data-format="png2"]').click();
    const dl = await download;
    expect(dl.suggestedFilename()).toMatch(/Pareto @2x \d{4}-\d{2}-\d{2}\.png$/);
    const file = path.join(SCREENSHOTS, 'pareto-export-slide.png');
    await dl.saveAs(file);
    expect(pngSize(file)).toEqual({ width: 1920, height: 1080 });
  });

  it('lists the customers of class A in a grid tab and exports them as CSV', async () => {
    const { page } = s;
    await editor().locator('[data-testid="pareto-classes"] tbody tr').first().click();
    const grid = page.locator('.editor-host:not([hidden]) [data-testid="query-grid"]');
    await grid.waitFor();
    await waitForGrid(grid);
    await expect(grid.textContent()).resolves.toContain('2,702 customers');
    await s.screenshot('pareto-customers-grid');
    const download = page.waitForEvent('download');
    await grid.locator('[data-testid="export-csv"]').click();
    const dl = await download;
    const file = path.join(SCREENSHOTS, 'pareto-class-a.csv');
    await dl.saveAs(file);
    const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('customer,value,rank,cum_share,class,group');
    expect(lines).toHaveLength(2702 + 1);
    expect(lines.slice(1).every((l) => l.split(',')[4] === 'A')).toBe(true);
  });

  it('a segment of the class-mix chart lists that class within that contract type', async () => {
    const { page } = s;
    await page.locator('.tab[data-kind="pareto"]').click();
    const card = editor().locator('[data-testid="pareto-mix"]');
    await card.scrollIntoViewIfNeeded();
    const box = (await card.boundingBox())!;
    // The bottom bar is "Two year"; its class A segment spans the left half of the plot.
    await page.mouse.click(box.x + box.width * 0.34, box.y + box.height * 0.7);
    const grid = page.locator('.editor-host:not([hidden]) [data-testid="query-grid"]');
    await grid.waitFor();
    await waitForGrid(grid);
    await expect(page.locator('.tab.active').textContent()).resolves.toContain('Class A customers in Two year');
  });

  it('compares churn between the saved classes (customer tier) in the churn-time editor', async () => {
    const { page } = s;
    await palette('churn-time', 'analysis.survival');
    const sv = page.locator('.editor-host:not([hidden]) [data-testid="survival-editor"]');
    await sv.waitFor();
    await sv.locator('[data-testid="sv-duration"]').selectOption('Tenure Months');
    await sv.locator('[data-testid="sv-event"]').selectOption('Churn Label');
    await sv.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').check({ timeout: 20_000 });
    await sv.locator('[data-testid="sv-group-table"]').selectOption(SAVED);
    // Guessed: the saved table's customer column matches CustomerID; the group is its class.
    await expect(sv.locator('[data-testid="sv-group-key"]').inputValue()).resolves.toBe('customer');
    await expect(sv.locator('[data-testid="sv-group-on"]').inputValue()).resolves.toBe(CUSTOMER);
    await expect(sv.locator('[data-testid="sv-group"]').inputValue()).resolves.toBe('class');
    await sv.locator('[data-testid="analysis-run"]').click();
    const km = sv.locator('[data-testid="km-card"]');
    await km.waitFor({ timeout: 60_000 });
    const atRisk0 = (group: string) => km.locator(`[data-testid="km-risk-table"] tr[data-group="${group}"] td[data-time="0"]`).textContent();
    await expect(atRisk0('A')).resolves.toBe('2702');
    await expect(atRisk0('B')).resolves.toBe('1693');
    await expect(atRisk0('C')).resolves.toBe('2637');
    await page.waitForTimeout(300);
    await s.screenshot('survival-by-pareto-class');
  });

  it('draws the charts in the light theme too', async () => {
    const { page } = s;
    await palette('light', 'theme.light');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await page.locator('.tab[data-kind="pareto"]').click();
    await editor().waitFor();
    await page.waitForTimeout(300);
    await s.screenshot('pareto-editor-light');
    await chartShots('light');
  });

  it('speaks Chinese: headline and charts follow the language', async () => {
    const { page } = s;
    await palette('简体中文', 'language.zh-CN');
    await expect.poll(() => editor().locator('[data-testid="headline-text"]').textContent()).toContain('前 20% 的客户（1,407 位）');
    await page.waitForTimeout(300);
    await s.screenshot('pareto-editor-zh');
    expect(s.errors).toEqual([]);
  });
});
