import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS } from '../helpers/paths';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ARTIFACTS, 'e2e');

/** Without the browser the e2e suite skips locally but must fail on CI (CI=true). */
export const browserMissing = !existsSync(CHROMIUM) && process.env.CI !== 'true';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium through playwright-core with a fresh profile, errors captured, screenshots under
 * test-artifacts/e2e/. Background networking is off: the app must work with no network at all.
 */
export async function launch(
  opts: { colorScheme?: 'dark' | 'light'; locale?: string; width?: number; height?: number; autoImport?: boolean; profile?: string } = {},
): Promise<Session> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  // A given profile outlives the session (a test restarts the browser on it); a fresh one is removed.
  const profile = opts.profile ?? mkdtempSync(path.join(os.tmpdir(), 'tenure-e2e-'));
  // A persistent context on a fresh temporary directory = a clean --user-data-dir per session.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: opts.colorScheme ?? 'dark',
    locale: opts.locale ?? 'en-US',
  });
  // Opening a file shows the import dialog; unless a test drives it (autoImport: false), accept
  // the detected plan as a user pressing Import would, so file-opening tests need no extra step.
  if (opts.autoImport !== false) await context.addInitScript(autoConfirmImports);
  const page = context.pages()[0] ?? (await context.newPage());
  // Keep file-chooser interception on for the whole session: Playwright turns it on (without waiting)
  // when a 'filechooser' listener is added, so a listener added just before Ctrl+O could lose the race
  // and headless Chromium would cancel a native chooser instead (seen as a flaky missing event).
  page.on('filechooser', () => undefined);
  await page.waitForTimeout(50);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    page,
    errors,
    async screenshot(name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      if (!opts.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the web build (with an optional query string) and wait until DuckDB is ready. */
export async function openWorkbench(page: Page, baseURL: string, query?: string): Promise<void> {
  await page.goto(new URL(`index.html${query ? `?${query}` : ''}`, baseURL).toString());
  await page.locator('[data-testid="engine-state"][data-state="ready"]').waitFor({ timeout: 60_000 });
}

/** Wait until a data grid shows rows and no cell is still loading. */
export async function waitForGrid(scope: Locator): Promise<void> {
  await scope.locator('.tn-grid-row').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => scope.locator('.tn-pending').count(), { timeout: 30_000 }).toBe(0);
}

/** Runs in the page: press the import dialog's Import button once a plan is ready (no error shown). */
function autoConfirmImports(): void {
  setInterval(() => {
    const dialog = document.querySelector('[data-testid="import-dialog"][data-status="ready"]');
    if (!dialog || dialog.querySelector('[data-testid="import-error"]')) return;
    const button = dialog.querySelector<HTMLButtonElement>('[data-testid="import-confirm"]');
    if (button && !button.disabled) button.click();
  }, 150);
}

/** Press Import in the import dialog (tests that drive the dialog themselves). */
export async function confirmImport(page: Page): Promise<void> {
  const button = page.locator('[data-testid="import-dialog"][data-status="ready"] [data-testid="import-confirm"]');
  await button.click({ timeout: 60_000 });
  await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached', timeout: 120_000 });
}
