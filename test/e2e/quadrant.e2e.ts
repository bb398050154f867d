import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, SCREENSHOTS, type Session } from './harness';

const AIRLINE = path.join(DATA, 'airline_satisfaction_test.csv');
const EDITOR = '.editor-host:not([hidden]) [data-testid="quadrant-editor"]';
// The 14 rating columns of golden/airline_test_ipa.json (input.attribute_columns).
const DRIVERS = [
  'Inflight wifi service',
  'Departure/Arrival time convenient',
  'Ease of Online booking',
  'Gate location',
  'Food and drink',
  'Online boarding',
  'Seat comfort',
  'Inflight entertainment',
  'On-board service',
  'Leg room service',
  'Baggage handling',
  'Checkin service',
  'Inflight service',
  'Cleanliness',
];

async function palette(page: Page, text: string, command: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input input').fill(text);
  await page.locator(`.quick-input-item[data-command="${command}"]`).click();
}

describe.skipIf(browserMissing)('Loyalty-driver quadrant (web build in Chromium)', () => {
  let s: Session;
  const editor = () => s.page.locator(EDITOR);

  async function shots(name: string) {
    await s.page.waitForTimeout(400);
    await s.screenshot(`quadrant-${name}`);
    const chart = editor().locator('[data-testid="qd-chart"]');
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: path.join(SCREENSHOTS, `quadrant-chart-${name}.png`) });
    const table = editor().locator('[data-testid="qd-priority"]');
    await table.scrollIntoViewIfNeeded();
    await table.screenshot({ path: path.join(SCREENSHOTS, `quadrant-table-${name}.png`) });
  }

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', width: 1600, height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('opens the airline survey CSV through the file chooser', async () => {
    const { page } = s;
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles(AIRLINE);
    await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 90_000 }).toContain('25,976 rows');
  });

  it('runs the quadrant: 14 drivers, 0 = not applicable, satisfaction = satisfied', async () => {
    const { page } = s;
    await palette(page, 'quadrant', 'analysis.quadrant');
    await editor().waitFor();
    // The outcome is guessed from its name.
    await expect(editor().locator('[data-testid="qd-outcome"]').inputValue()).resolves.toBe('satisfaction');
    for (const d of DRIVERS) await editor().locator('[data-testid="qd-drivers"] label', { hasText: new RegExp(`^${d.replace(/[/]/g, '\\/')}`) }).locator('input').check();
    await expect(editor().locator('[data-testid="qd-drivers"] input:checked').count()).resolves.toBe(14);
    // Untouched: the field really holds 0 (not a grey placeholder), and the run leaves zeros out.
    await expect(editor().locator('[data-testid="qd-missing"]').inputValue()).resolves.toBe('0');
    const satisfied = editor().locator('[data-testid="qd-positive"] label', { hasText: /^satisfied/ }).locator('input');
    await satisfied.waitFor({ timeout: 20_000 });
    await satisfied.check();
    await editor().locator('[data-testid="analysis-run"]').click();
    const table = editor().locator('[data-testid="qd-priority"]');
    await table.waitFor({ timeout: 90_000 });
    // golden: quadrant_pearson_satisfied of Inflight wifi service = "Concentrate here", n_valid 25,163.
    const wifi = table.locator('tr[data-driver="Inflight wifi service"]');
    await expect(wifi.getAttribute('data-zone')).resolves.toBe('concentrate');
    await expect(wifi.locator('[data-testid="qd-zone"]').textContent()).resolves.toBe('Concentrate here');
    await expect(wifi.textContent()).resolves.toContain('25,163');
    await expect(editor().locator('[data-testid="headline"]').textContent()).resolves.toContain('codes: 0');
    // Concentrate-here drivers come first.
    await expect(table.locator('tbody tr').first().getAttribute('data-zone')).resolves.toBe('concentrate');
    await expect(table.locator('tbody tr').count()).resolves.toBe(14);
    await expect(editor().locator('[data-testid="headline-text"]').textContent()).resolves.toContain('Inflight wifi service');
    await expect(editor().locator('[data-testid="qd-summary"]').textContent()).resolves.toContain('25,976 respondents');
    await shots('dark-en');
    expect(s.errors).toEqual([]);
  });

  it('shows the SQL of the run in a SQL editor', async () => {
    const { page } = s;
    await editor().locator('[data-testid="analysis-show-sql"]').click();
    await expect.poll(() => page.locator('.editor-host:not([hidden]) .cm-content').textContent(), { timeout: 20_000 }).toContain('corr(');
    await page.locator('.tab[data-kind="quadrant"]').click();
    await editor().waitFor();
  });

  it('draws the light theme', async () => {
    const { page } = s;
    await palette(page, 'light', 'theme.light');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('light');
    await shots('light-en');
  });

  it('speaks Chinese: zones, table and headline follow the language', async () => {
    const { page } = s;
    await palette(page, '简体中文', 'language.zh-CN');
    const wifi = editor().locator('[data-testid="qd-priority"] tr[data-driver="Inflight wifi service"]');
    await expect.poll(() => wifi.locator('[data-testid="qd-zone"]').textContent()).toBe('重点改进');
    await shots('light-zh');
    await palette(page, '深色', 'theme.dark');
    await expect(page.locator('.workbench').getAttribute('data-theme')).resolves.toBe('dark');
    await shots('dark-zh');
    expect(s.errors).toEqual([]);
  });
});
