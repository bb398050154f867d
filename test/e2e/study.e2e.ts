import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATA } from '../helpers/paths';
import { browserMissing, launch, openWorkbench, type Session } from './harness';

const TELCO = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');
const EDITOR = '.editor-host:not([hidden])';

async function runCommand(page: Page, id: string, query: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input input');
  await input.waitFor();
  await input.fill(query);
  await page.locator(`.quick-input-item[data-command="${id}"]`).click();
}

async function openFile(page: Page, file: string, rows: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
  await expect.poll(() => page.locator('[data-testid="status-rows"]').textContent(), { timeout: 60_000 }).toContain(rows);
}

describe.skipIf(browserMissing)('results belong to the analysis (web build in Chromium)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await launch({ colorScheme: 'dark', height: 1000 });
    await openWorkbench(s.page, inject('baseURL'));
  });

  afterAll(async () => {
    await s?.close();
  });

  it('keeps a Kaplan-Meier result through split, unsplit and switching tabs', async () => {
    const { page } = s;
    await openFile(page, TELCO, '7,043 rows');
    await runCommand(page, 'analysis.survival', 'survival');
    const ed = page.locator(`${EDITOR} [data-testid="survival-editor"]`);
    await ed.waitFor();
    await expect.poll(() => ed.locator('[data-testid="sv-event-values"] label', { hasText: 'Yes' }).locator('input').isChecked(), { timeout: 20_000 }).toBe(true);
    await ed.locator('[data-testid="sv-group"]').selectOption('Contract');
    await ed.locator('[data-testid="analysis-run"]').click();
    await ed.locator('[data-testid="km-card"]').waitFor({ timeout: 60_000 });
    const atRisk = (group: number) => page.locator('.editor-group').nth(group).locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent();

    // Split: the one-group tree becomes two panels, so the original editor remounts; both show the result.
    await page.keyboard.press('Control+\\');
    await expect(page.locator('.editor-group').count()).resolves.toBe(2);
    await expect(atRisk(0)).resolves.toBe('3875');
    await expect(atRisk(1)).resolves.toBe('3875');

    // Unsplit (close the copy): the original remounts again and keeps its result, not stale.
    await page.keyboard.press('Control+w');
    await expect(page.locator('.editor-group').count()).resolves.toBe(1);
    await expect(page.locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent()).resolves.toBe('3875');
    await expect(page.locator(`${EDITOR} [data-testid="survival-results"]`).getAttribute('class')).resolves.toBeNull();

    // Switch to the table tab and back.
    await page.locator('.tab').first().click();
    await page.locator('.tab', { hasText: /survival|churn/i }).last().click();
    await expect(page.locator(`${EDITOR} [data-testid="km-risk-table"] tr[data-group="Month-to-month"] td[data-time="0"]`).textContent()).resolves.toBe('3875');
    expect(s.errors).toEqual([]);
  });
});
