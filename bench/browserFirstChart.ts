/**
 * Open a 1M-row CSV → first Pareto chart on screen, in Debian's Chromium on the production web build
 * (duckdb-wasm in its Web Worker), as a user would: Ctrl+O, the import dialog (its detected plan
 * accepted at once), the Pareto editor from the command palette with customer and value chosen, Run.
 * The clock covers what the machine does, not the clicks: file chosen → dialog ready (sniffing), Import
 * → table loaded, Run → headline and chart drawn. Part of `npm run bench:browser`.
 * With `timeline`, the app is opened with `?timeline` (every engine statement becomes a performance
 * measure, loggedEngine.ts) and the result lists each statement's start and duration against the phases.
 */
import path from 'node:path';
import { statSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
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
  /** With `timeline`: phase marks and engine statements, milliseconds from the file being chosen. */
  timeline?: { at: number; ms: number; what: string }[];
}

export async function firstChart(baseURL: string, file: string, opts: { timeline?: boolean; profile?: string; idleSeconds?: number } = {}): Promise<FirstChartResult> {
  const s = await launch({ colorScheme: 'light', autoImport: false, width: 1600, height: 1000 });
  const { page } = s;
  const tracer = opts.profile ? await startTrace(page) : null;
  // Phase marks in the page's own clock (one round trip each: only with the timeline).
  const mark = async (name: string) => {
    if (opts.timeline) await page.evaluate((n) => performance.mark(n), `phase:${name}`);
  };
  try {
    await openWorkbench(page, baseURL, [opts.timeline ? 'timeline' : '', process.env.BENCH_QUERY ?? ''].filter(Boolean).join('&') || undefined);
    // A user takes a while to find the file: `idleSeconds` gives the engine's warm-up that time.
    if (opts.idleSeconds) await page.waitForTimeout(opts.idleSeconds * 1000);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    const picked = await chooser;
    const t0 = Date.now();
    await mark('chosen');
    await picked.setFiles(file);
    await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 120_000 });
    const t1 = Date.now();
    await mark('dialog ready');
    await page.locator('[data-testid="import-confirm"]').click();
    await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'detached', timeout: 300_000 });
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="status-rows"]')?.textContent ?? ''), undefined, { timeout: 300_000 });
    const t2 = Date.now();
    await mark('loaded');
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
    await mark('run');
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
    await mark('chart drawn');
    if (tracer && opts.profile) await tracer.stop(opts.profile);
    await s.screenshot('bench-browser-first-chart');
    const timeline = opts.timeline ? await readTimeline(page) : undefined;
    return {
      file: path.basename(file), bytes: statSync(file).size, rows,
      dialogSeconds: (t1 - t0) / 1000, importSeconds: (t2 - t1) / 1000, paretoSeconds: (t4 - t3) / 1000,
      totalSeconds: (t1 - t0 + t2 - t1 + t4 - t3) / 1000, errors: s.errors, timeline,
    };
  } finally {
    await s.close();
  }
}

/** Phase marks and statement spans from the page's performance timeline, from the file being chosen on. */
async function readTimeline(page: Page): Promise<FirstChartResult['timeline']> {
  const entries = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => (e.entryType === 'mark' && e.name.startsWith('phase:')) || (e.entryType === 'measure' && (e.name === 'sql' || e.name === 'engine')))
      .map((e) => ({ at: e.startTime, ms: e.duration, what: e.entryType === 'mark' ? `== ${e.name.slice(6)}` : String((e as PerformanceMeasure).detail ?? '').replace(/\s+/g, ' ').slice(0, 160) })),
  );
  const zero = entries.find((e) => e.what === '== chosen')?.at ?? 0;
  return entries.map((e) => ({ at: Math.round(e.at - zero), ms: Math.round(e.ms), what: e.what })).filter((e) => e.at >= 0).sort((a, b) => a.at - b.at);
}

/**
 * A Chromium trace of every thread (the page, duckdb-wasm's worker) with V8's sampling profiler, for
 * `--profile FILE`: open FILE in DevTools' Performance panel (summarised by bench/traceSummary.ts).
 */
async function startTrace(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8.execute', 'blink.user_timing', 'toplevel', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8.compile'];
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  return {
    async stop(file) {
      const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
      await cdp.send('Tracing.end');
      const stream = await done;
      const parts: string[] = [];
      for (;;) {
        const r = await cdp.send('IO.read', { handle: stream });
        parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data);
        if (r.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      writeFileSync(file, parts.join(''));
    },
  };
}
