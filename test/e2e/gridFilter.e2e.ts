import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, waitForGrid, type Session } from './harness';

const RETAIL = path.join(DATA, 'online_retail_2010-12_to_2011-03.csv');

/**
 * Rows left after each filter, counted independently with Python's csv module on the file
 * (Country = United Kingdom; 1 ≤ Quantity ≤ 10; InvoiceDate in January 2011; CustomerID not empty;
 * Description contains "heart", any case).
 */
const ALL = 142_083;
const STEPS = [130_876, 102_237, 25_336, 12_833, 1_899];

/** Issue 16: per-column filters in the table grid, in both themes and both languages. */
for (const [scheme, locale] of [['dark', 'en-US'], ['light', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`grid filters (${scheme}, ${locale})`, () => {
    let s: Session;
    const tag = `${scheme}-${locale === 'en-US' ? 'en' : 'zh'}`;
    const zh = locale === 'zh-CN';
    const fmt = (n: number) => n.toLocaleString('en-US');
    const host = () => s.page.locator('.editor-host:not([hidden])');
    const header = (column: string) => host().locator(`.tn-grid-hcell[data-column="${column}"]`);
    const popover = () => host().locator('[data-testid="grid-filter-popover"]');
    const status = () => s.page.locator('[data-testid="status-filtered"]');
    const filteredText = (n: number) => (zh ? `${fmt(n)} / ${fmt(ALL)} 行` : `${fmt(n)} of ${fmt(ALL)} rows`);
    /** Columns are virtualised: scroll the grid until the column's header exists. */
    const reveal = async (column: string) => {
      for (const x of [0, 1e6]) {
        await host().locator('.tn-grid-scroller').evaluate((el, left) => {
          el.scrollLeft = left;
          el.dispatchEvent(new Event('scroll'));
        }, x);
        if (await header(column).count()) return;
      }
    };
    const openFilter = async (column: string) => {
      await reveal(column);
      await header(column).hover();
      await header(column).locator('[data-testid="filter-button"]').click();
      await popover().waitFor();
      await expect(popover().getAttribute('data-column')).resolves.toBe(column);
    };
    const expectCount = (n: number) => expect.poll(() => status().textContent(), { timeout: 60_000 }).toBe(filteredText(n));

    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale });
      await openWorkbench(s.page, inject('baseURL'));
    });

    afterAll(async () => {
      await s?.close();
    });

    it('opens the retail transactions in a grid with a funnel in every header', async () => {
      const chooser = s.page.waitForEvent('filechooser');
      await s.page.locator('.welcome [data-command="file.open"]').click();
      await (await chooser).setFiles(RETAIL);
      await expect.poll(() => s.page.locator('[data-testid="status-rows"]').textContent(), { timeout: 120_000 }).toMatch(/142,083/);
      await waitForGrid(host());
      await expect(host().locator('[data-testid="filter-button"]').count()).resolves.toBeGreaterThan(5);
      await expect(host().locator('[data-testid="grid-filterbar"]').count()).resolves.toBe(0);
    });

    it('filters by a top value, a number range, a date range, NOT NULL and a text; the status bar counts', async () => {
      const { page } = s;
      await openFilter('Country');
      const uk = popover().locator('[data-testid="filter-values"] label', { hasText: 'United Kingdom' });
      await uk.waitFor({ timeout: 30_000 });
      await expect(uk.textContent()).resolves.toContain(fmt(130_876));
      await uk.locator('input').check();
      await popover().locator('[data-testid="filter-apply"]').click();
      await expectCount(STEPS[0]);

      await openFilter('Quantity');
      await popover().locator('[data-testid="filter-min"]').fill('1');
      await popover().locator('[data-testid="filter-max"]').fill('10');
      await page.keyboard.press('Enter');
      await expectCount(STEPS[1]);

      await openFilter('InvoiceDate');
      await popover().locator('[data-testid="filter-from"]').fill('2011-01-01');
      await popover().locator('[data-testid="filter-to"]').fill('2011-01-31');
      await popover().locator('[data-testid="filter-apply"]').click();
      await expectCount(STEPS[2]);

      await openFilter('CustomerID');
      await popover().locator('[data-testid="filter-null-notNull"]').check();
      await popover().locator('[data-testid="filter-apply"]').click();
      await expectCount(STEPS[3]);

      await openFilter('Description');
      await popover().locator('[data-testid="filter-text"]').fill('HeArT');
      await s.screenshot(`grid-filter-01-popover-${tag}`);
      await page.keyboard.press('Enter');
      await expectCount(STEPS[4]);
      await waitForGrid(host());

      const chips = host().locator('[data-testid="filter-chip"]');
      await expect(chips.count()).resolves.toBe(5);
      await expect(chips.allTextContents()).resolves.toEqual(
        zh
          ? ['Country：United Kingdom', 'Quantity 1 – 10', 'InvoiceDate 2011-01-01 – 2011-01-31', 'CustomerID 非 NULL', 'Description 包含“HeArT”']
          : ['Country: United Kingdom', 'Quantity 1 – 10', 'InvoiceDate 2011-01-01 – 2011-01-31', 'CustomerID is not NULL', 'Description contains “HeArT”'],
      );
      await expect(host().locator('[data-testid="filter-count"]').textContent()).resolves.toBe(filteredText(STEPS[4]));
      await expect(header('Description').locator('[data-testid="filter-button"]').getAttribute('aria-pressed')).resolves.toBe('true');
      // Every row shown passes: Country and the text, as the grid draws them.
      const country = await host().locator('.tn-grid-row .tn-grid-cell').allTextContents();
      expect(country.some((c) => /heart/i.test(c))).toBe(true);
      await s.screenshot(`grid-filter-02-bar-${tag}`);
      await host().locator('[data-testid="grid-filterbar"]').screenshot({ path: path.join(SCREENSHOTS, `grid-filter-02b-bar-closeup-${tag}.png`) });
    });

    it("lists a column's values and counts under the other columns' filters, not its own (as Excel does)", async () => {
      // Counted with Python's csv module: the rows passing the Quantity, InvoiceDate, CustomerID and
      // Description filters are 1,951 in 13 countries; 1,899 of them in the United Kingdom, 19 in Spain.
      await openFilter('Country');
      const values = popover().locator('[data-testid="filter-values"] label');
      await expect.poll(() => popover().locator('[data-testid="filter-values-narrowed"]').textContent(), { timeout: 30_000 }).toBe(zh ? '按其他列筛选后剩下的 1,951 行计数' : "Counted in the 1,951 rows the other columns' filters keep");
      await expect.poll(() => values.count()).toBe(13);
      await expect(values.filter({ hasText: 'United Kingdom' }).textContent()).resolves.toContain(fmt(1_899));
      await expect(values.filter({ hasText: 'Spain' }).textContent()).resolves.toContain('19');
      await expect(values.filter({ hasText: 'United Kingdom' }).locator('input').isChecked()).resolves.toBe(true);
      await popover().screenshot({ path: path.join(SCREENSHOTS, `grid-filter-02c-values-narrowed-${tag}.png`) });
      await s.page.keyboard.press('Escape');
      await popover().waitFor({ state: 'detached' });
      await expectCount(STEPS[4]);
    });

    it('sorts the filtered rows: the count stays, the biggest quantity comes first', async () => {
      await reveal('Quantity');
      await header('Quantity').locator('.tn-grid-hname').click();
      await header('Quantity').locator('.tn-grid-hname').click();
      await expect.poll(() => header('Quantity').getAttribute('aria-sort'), { timeout: 30_000 }).toBe('descending');
      await waitForGrid(host());
      const col = await header('Quantity').evaluate((el) => el.getBoundingClientRect().left);
      const first = host().locator('.tn-grid-row').first().locator('.tn-grid-cell').filter({ hasText: /^\d+$/ });
      await expect.poll(async () => {
        for (const cell of await first.all()) if (Math.abs((await cell.evaluate((el) => el.getBoundingClientRect().left)) - col) < 2) return cell.textContent();
        return null;
      }).toBe('10');
      await expectCount(STEPS[4]);
    });

    it('exports exactly the filtered rows as CSV', async () => {
      const { page } = s;
      const download = page.waitForEvent('download', { timeout: 60_000 });
      await host().locator('[data-testid="grid-filterbar"] [data-testid="export-csv"]').click();
      const file = path.join(SCREENSHOTS, `grid-filter-export-${tag}.csv`);
      await (await download).saveAs(file);
      const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country');
      expect(lines).toHaveLength(STEPS[4] + 1);
      const rows = lines.slice(1).map((l) => l.split(','));
      expect(rows.every((r) => r[r.length - 1] === 'United Kingdom')).toBe(true);
      expect(rows.every((r) => /HEART/i.test(r[2]))).toBe(true);
      // Sorted as the grid: quantities descending; dates as written in the file's form, not epoch numbers.
      expect(Number(rows[0][3])).toBe(10);
      expect(Number(rows[rows.length - 1][3])).toBe(1);
      expect(rows[0][4]).toMatch(/^2011-01-\d\d \d\d:\d\d:00$/);
    });

    it('opens the filtered view as SQL: running it returns the same count', async () => {
      const { page } = s;
      await host().locator('[data-testid="filter-open-sql"]').click();
      const editor = page.locator('.editor-host:not([hidden]) .cm-content');
      await expect.poll(() => editor.textContent(), { timeout: 20_000 }).toContain('WHERE');
      const sql = (await editor.textContent()) ?? '';
      expect(sql).toContain(`CAST("Country" AS VARCHAR) IN ('United Kingdom')`);
      expect(sql).toContain('ORDER BY "Quantity" DESC');
      await editor.click();
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.locator('[data-testid="status-result"]').textContent(), { timeout: 60_000 }).toContain(fmt(STEPS[4]));
      await s.screenshot(`grid-filter-03-open-sql-${tag}`);
    });

    it('draws long timestamps whole: columns fit fractions of a second by default', async () => {
      const { page } = s;
      const editor = page.locator('.editor-host:not([hidden]) .cm-content');
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(
        "SELECT TIMESTAMP '2011-12-09 12:50:00.123456' + INTERVAL (i) SECOND AS at_us, CAST('2011-12-09 12:50:00.123456789' AS TIMESTAMP_NS) AS at_ns, DATE '2011-12-09' AS d FROM range(50) r(i)",
      );
      await page.keyboard.press('Control+Enter');
      const results = page.locator('[data-testid="bottom-panel"] .tn-grid');
      await waitForGrid(results);
      const cells = results.locator('.tn-grid-row').first().locator('.tn-grid-cell');
      await expect.poll(() => cells.allTextContents()).toEqual(['2011-12-09 12:50:00.123456', '2011-12-09 12:50:00.123456789', '2011-12-09']);
      const cut = await cells.evaluateAll((els) => els.map((el) => el.scrollWidth > el.clientWidth));
      expect(cut).toEqual([false, false, false]);
      await results.screenshot({ path: path.join(SCREENSHOTS, `grid-filter-04-timestamps-${tag}.png`) });
    });

    it('a split copy of the table keeps its filters (they live in the tab)', async () => {
      const { page } = s;
      await page.locator('.tab[data-kind="table"]').first().click();
      await page.keyboard.press('Control+\\');
      await expect.poll(() => page.locator('.editor-group').count()).toBe(2);
      const copy = page.locator('.editor-group').nth(1);
      await waitForGrid(copy);
      await expect.poll(() => copy.locator('[data-testid="filter-chip"]').count(), { timeout: 30_000 }).toBe(5);
      await expect.poll(() => copy.locator('[data-testid="filter-count"]').textContent(), { timeout: 60_000 }).toBe(filteredText(STEPS[4]));
      await copy.locator('.tab.active .tab-close').click();
      await expect.poll(() => page.locator('.editor-group').count()).toBe(1);
    });

    it('removes a chip and clears all: the count follows and the table count returns', async () => {
      const { page } = s;
      await page.locator('.tab[data-kind="table"]').first().click();
      await host().locator('[data-testid="grid-filterbar"]').waitFor();
      await host().locator('[data-testid="filter-chip"][data-column="Description"] .tn-gfb-chip-x').click();
      await expectCount(STEPS[3]);
      await host().locator('[data-testid="filter-clear-all"]').click();
      await host().locator('[data-testid="grid-filterbar"]').waitFor({ state: 'detached' });
      await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 30_000 }).toMatch(/142,083/);
      await expect(status().count()).resolves.toBe(0);
      expect(s.errors).toEqual([]);
    });
  });
}
