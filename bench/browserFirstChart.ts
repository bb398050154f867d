/**
 * Open a 1M-row CSV → first Pareto chart on screen, in Debian's Chromium on the production web build
 * (duckdb-wasm in its Web Worker), as a user would: Ctrl+O, the import dialog (its detected plan
 * accepted at once), the Pareto editor from the command palette with customer and value chosen, Run.
 * The clock covers what the machine does, not the clicks: file chosen → dialog ready (sniffing), Import
 * → table loaded, Run → headline and chart drawn. Part of `npm run bench:browser`.
 */
import path from 'node:path';
import { statSync } from 'node:fs';
import { launch, openWorkbench } from '../test/e2e/harness';

export interface FirstChartResult {
  file: string;
  bytes: number;
  rows: number;
  /** Seconds: file chosen → import dialog ready; Import → rows in the status bar; Run → chart drawn. */
  dialogSeconds: number;
  importSeconds: number;
  paretoSeconds: number;
  totalSeconds: number;
  errors: string[];
}

export async function firstChart(baseURL: string, file: string): Promise<FirstChartResult> {
  const s = await launch({ colorScheme: 'light', autoImport: false, width: 1600, height: 1000 });
  const { page } = s;
  try {
    await openWorkbench(page, baseURL);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    const picked = await chooser;
    const t0 = Date.now();
    await picked.setFiles(file);
    await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 120_000 });
    const t1 = Date.now();
    await page.locator('[data-testid="import-confirm"]').click();
    await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached', timeout: 300_000 });
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="status-rows"]')?.textContent ?? ''), undefined, { timeout: 300_000 });
    const t2 = Date.now();
    // "1,000,000 rows · 5 columns": the first number.
    const rows = Number((/[\d,]+/.exec((await page.locator('[data-testid="status-rows"]').textContent()) ?? '')?.[0] ?? '').replace(/,/g, ''));
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.quick-input input').fill('pareto');
    await page.locator('.quick-input-item[data-command="analysis.pareto"]').click();
    const editor = page.locator('.editor-host:not([hidden]) [data-testid="pareto-editor"]');
    await editor.waitFor();
    await editor.locator('[data-testid="pareto-customer"]').selectOption('customer_id');
    await editor.locator('[data-testid="pareto-value"]').selectOption('revenue');
    const t3 = Date.now();
    await editor.locator('[data-testid="analysis-run"]').click();
    // On screen: the headline written and the chart's canvas drawn with non-blank pixels.
    await editor.locator('[data-testid="headline-text"]').filter({ hasText: /\d/ }).waitFor({ timeout: 300_000 });
    await page.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>('.editor-host:not([hidden]) [data-testid="pareto-chart"] canvas');
      if (!c || !c.width) return false;
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      return !!d && d.some((v, i) => i % 4 === 3 && v > 0);
    }, undefined, { timeout: 120_000, polling: 'raf' });
    const t4 = Date.now();
    await s.screenshot('bench-browser-first-chart');
    return {
      file: path.basename(file), bytes: statSync(file).size, rows,
      dialogSeconds: (t1 - t0) / 1000, importSeconds: (t2 - t1) / 1000, paretoSeconds: (t4 - t3) / 1000,
      totalSeconds: (t1 - t0 + t2 - t1 + t4 - t3) / 1000, errors: s.errors,
    };
  } finally {
    await s.close();
  }
}
