import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const TABLE = 'WA_Fn_UseC_Telco_Customer_Churn';

/** Issue 16, shell: context menus, the tab overflow list, column completion, the panel over analyses. */
for (const [scheme, locale] of [['dark', 'en-US'], ['light', 'zh-CN']] as const) {
  describe.skipIf(browserMissing)(`workbench shell (${scheme}, ${locale})`, () => {
    let s: Session;
    const tag = `${scheme}-${locale === 'en-US' ? 'en' : 'zh'}`;
    const zh = locale === 'zh-CN';
    const row = (table: string) => s.page.locator(`[data-testid="explorer"] [data-table="${table}"] > .tree-row`);
    const menu = () => s.page.locator('.context-menu').first();

    beforeAll(async () => {
      s = await launch({ colorScheme: scheme, locale, width: 1100, height: 760 });
      await openWorkbench(s.page, inject('baseURL'));
    });

    afterAll(async () => {
      await s?.close();
    });

    async function typeSql(text: string) {
      const editor = s.page.locator('.editor-host:not([hidden]) .cm-content');
      await editor.click();
      await s.page.keyboard.press('Control+A');
      await s.page.keyboard.press('Delete');
      await s.page.keyboard.type(text, { delay: 5 });
    }

    it('opens the Telco CSV', async () => {
      const chooser = s.page.waitForEvent('filechooser');
      await s.page.locator('.welcome [data-command="file.open"]').click();
      await (await chooser).setFiles(TELCO);
      await expect.poll(() => s.page.locator('[data-testid="status-rows"]').textContent(), { timeout: 120_000 }).toMatch(/7,043/);
    });

    it('Explorer context menu: keyboard opens New Analysis → Pareto on that table; Escape closes and gives focus back', async () => {
      const { page } = s;
      await row(TABLE).click({ button: 'right' });
      await menu().waitFor();
      const labels = await menu().locator(':scope > [role="menuitem"]').allTextContents();
      expect(labels).toEqual(
        zh ? ['打开', '在 SQL 编辑器中查询', '基于此表新建分析', '表概况', '复制名称', '重命名…F2', '删除表…Delete'] : ['Open', 'Query in SQL Editor', 'New Analysis on This Table', 'Profile Table', 'Copy Name', 'Rename…F2', 'Drop Table…Delete'],
      );
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('.context-menu').count()).toBe(0);
      await expect(page.evaluate(() => document.activeElement?.closest('[data-table]')?.getAttribute('data-table'))).resolves.toBe(TABLE);
      // The Explorer has focus: its toolbar shows without hovering.
      await page.mouse.move(900, 700);
      await expect(page.locator('.pane-header-actions').isVisible()).resolves.toBe(true);
      // Shift+F10 on the focused row, then the keyboard only.
      await page.keyboard.press('Shift+F10');
      await menu().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const sub = page.locator('.context-menu .context-menu');
      await sub.waitFor();
      await expect(sub.locator('[role="menuitem"]').count()).resolves.toBe(7);
      await s.screenshot(`shell-explorer-menu-${tag}`);
      await page.keyboard.press('Enter');
      const tab = page.locator('.tab.active[data-kind="pareto"]');
      await tab.waitFor({ timeout: 20_000 });
      await expect(tab.locator('.tab-description').textContent()).resolves.toBe(TABLE);
      // The bottom panel stays closed over the analysis; Mod+J opens it there.
      await expect.poll(() => page.locator('[data-testid="bottom-panel"]').count()).toBe(0);
      // Run: the result has the editor's whole height (the segmented toggles show their border in both themes).
      await page.locator('.editor-host:not([hidden]) [data-testid="analysis-run"]').click();
      await page.locator('.editor-host:not([hidden]) [data-testid="pareto-results"]').waitFor({ timeout: 60_000 });
      await s.screenshot(`shell-analysis-no-panel-${tag}`);
      // Split right: each half is narrow, so the settings fold away (the user can open them again).
      await page.keyboard.press('Control+\\');
      await expect.poll(() => page.locator('.editor-group .tn-an.collapsed').count(), { timeout: 10_000 }).toBe(2);
      await s.screenshot(`shell-analysis-split-${tag}`);
      await page.keyboard.press('Control+W');
      await expect.poll(() => page.locator('.editor-group').count()).toBe(1);
      await expect.poll(() => page.locator('.editor-host:not([hidden]) .tn-an.collapsed').count()).toBe(0);
      await page.keyboard.press('Control+J');
      await page.locator('[data-testid="bottom-panel"]').waitFor();
      await page.keyboard.press('Control+J');
    });

    it('profile, rename refused while an analysis reads the table, rename and drop of a free table', async () => {
      const { page } = s;
      await row(TABLE).click({ button: 'right' });
      await menu().locator('[data-command="table.profile"]').click();
      const grid = page.locator('.editor-host:not([hidden]) [data-testid="query-grid"]');
      await grid.waitFor({ timeout: 30_000 });
      await expect(page.locator('.tab.active .tab-label').textContent()).resolves.toBe(zh ? `概况：${TABLE}` : `Profile: ${TABLE}`);
      await expect.poll(() => grid.textContent(), { timeout: 30_000 }).toContain('MonthlyCharges');
      // The open Pareto analysis reads the table: rename says so and leaves it.
      await row(TABLE).click({ button: 'right' });
      await menu().locator('[data-command="table.rename"]').click();
      const box = page.locator('[data-testid="rename-table"]');
      await box.fill('telco');
      await box.press('Enter');
      await expect.poll(() => page.locator('[data-testid="notification"]').last().textContent()).toContain(zh ? '正被 1 个打开的分析使用' : 'is used by 1 open analysis');
      await box.press('Escape');
      await expect(row(TABLE).count()).resolves.toBe(1);
      // A table of the session's own: renamed with F2, dropped with Delete (after the confirmation).
      await page.keyboard.press('Control+N');
      await typeSql('CREATE TABLE scratch AS SELECT 1 AS a');
      await page.keyboard.press('Control+Enter');
      await row('scratch').waitFor({ timeout: 20_000 });
      await row('scratch').focus();
      await page.keyboard.press('F2');
      await box.fill('scratch_renamed');
      await box.press('Enter');
      await row('scratch_renamed').waitFor();
      await expect(page.evaluate(() => document.activeElement?.closest('[data-table]')?.getAttribute('data-table'))).resolves.toBe('scratch_renamed');
      // The workbench's own dialog (never the browser's confirm): Escape keeps the table, Enter drops it.
      const ask = page.locator('[data-testid="confirm-dialog"]');
      await page.keyboard.press('Delete');
      await ask.waitFor();
      await expect(ask.locator('#tn-confirm-message').textContent()).resolves.toBe(zh ? '删除表“scratch_renamed”？' : 'Drop table “scratch_renamed”?');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-ok');
      await s.screenshot(`shell-drop-confirm-${tag}`);
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-cancel');
      await page.keyboard.press('Escape');
      await ask.waitFor({ state: 'detached' });
      await expect(row('scratch_renamed').count()).resolves.toBe(1);
      // Focus went back to the row, so Delete asks again; Enter on the focused confirm button drops the table.
      await page.keyboard.press('Delete');
      await ask.waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => row('scratch_renamed').count(), { timeout: 20_000 }).toBe(0);
    });

    it('SQL completion offers the statement’s columns after WHERE', async () => {
      const { page } = s;
      await page.keyboard.press('Control+N');
      await typeSql(`SELECT customerID FROM ${TABLE} WHERE Mon`);
      const popup = page.locator('.editor-host:not([hidden]) .cm-tooltip-autocomplete');
      await popup.waitFor({ timeout: 10_000 });
      // The popup of the table name typed before may still show for a moment under load: wait for the columns.
      await expect.poll(() => popup.textContent(), { timeout: 10_000 }).toContain('MonthlyCharges');
      await s.screenshot(`shell-sql-completion-${tag}`);
      await page.keyboard.press('Enter');
      await expect(page.locator('.editor-host:not([hidden]) .cm-content').textContent()).resolves.toContain('WHERE MonthlyCharges');
    });

    it('tab context menu and the opened-editors list of a crowded strip', async () => {
      const { page } = s;
      for (let i = 0; i < 6; i++) await page.keyboard.press('Control+N');
      const overflow = page.locator('[data-testid="tabs-overflow"]');
      await overflow.waitFor();
      await overflow.click();
      await menu().waitFor();
      const count = await page.locator('.editor-group .tab').count();
      await expect(menu().locator('[role="menuitem"]').count()).resolves.toBe(count);
      await expect(menu().locator('[aria-checked="true"]').count()).resolves.toBe(1);
      await s.screenshot(`shell-tabs-overflow-${tag}`);
      // Pick the Pareto tab from the list (scrolled out of sight at the left).
      const pareto = await page.locator('.tab[data-kind="pareto"]').getAttribute('data-tab');
      await menu().locator(`[data-command="opened-${pareto}"]`).click();
      await expect.poll(() => page.locator('.tab.active').getAttribute('data-kind')).toBe('pareto');
      // Close Others from the Pareto tab's menu leaves it alone.
      await page.locator('.tab.active').click({ button: 'right' });
      await menu().waitFor();
      await s.screenshot(`shell-tab-menu-${tag}`);
      await menu().locator('[data-command="editor.closeOthers"]').click();
      await expect.poll(() => page.locator('.editor-group .tab').count()).toBe(1);
      await expect(overflow.count()).resolves.toBe(0);
      await page.locator('.tab.active').click({ button: 'right' });
      await expect(menu().locator('[data-command="editor.closeToRight"]').getAttribute('aria-disabled')).resolves.toBe('true');
      await page.keyboard.press('Escape');
      expect(s.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    });
  });
}
