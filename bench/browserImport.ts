/**
 * `npm run bench:browser [-- --gib 1] [--what chart,import] [--timeline]`: first, a 1M-row CSV opened to its first
 * Pareto chart (browserFirstChart.ts; target ≤ 3 s); then a real ~1 GiB CSV imported through the import dialog of the
 * production web build in Debian's Chromium (duckdb-wasm in its Web Worker), as a user would.
 * Reports total time, MiB/s and rows/s from the progress bar, the final row count in the Explorer,
 * and how responsive the page stayed (round trips to the page while the import runs).
 * Needs dist/ (`npm run build:web`) and /usr/bin/chromium; the file is made from the 10M-row bench CSV.
 */
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, openWorkbench } from '../test/e2e/harness';
import { serveStatic } from '../test/e2e/staticServer';
import { ensureData } from './generate';
import { firstChart } from './browserFirstChart';
import { DATA_DIR, RESULTS_DIR, ROOT, csvPath } from './paths';

const { values } = parseArgs({ options: { gib: { type: 'string', default: '1' }, what: { type: 'string', default: 'chart,import' }, timeline: { type: 'boolean', default: false }, profile: { type: 'string' }, idle: { type: 'string', default: '0' } } });
const what = values.what!.split(',');
const targetBytes = Number(values.gib) * 1024 ** 3;

/** transactions_10m.csv repeated (header once) until the target size: a deterministic ~1 GiB input. */
async function bigCsv(): Promise<string> {
  const out = path.join(DATA_DIR, `transactions_${values.gib}gib.csv`);
  if (existsSync(out) && statSync(out).size >= targetBytes * 0.95) return out;
  ensureData(['10m'], console.log);
  const src = csvPath('10m');
  const fd = openSync(out, 'w');
  let written = 0;
  for (let copy = 0; written < targetBytes; copy++) {
    let first = true;
    for await (const chunk of createReadStream(src, { highWaterMark: 8 * 1024 * 1024 }) as AsyncIterable<Buffer>) {
      let part = chunk;
      if (first && copy > 0) part = chunk.subarray(chunk.indexOf(10) + 1);
      first = false;
      writeSync(fd, part);
      written += part.length;
    }
  }
  closeSync(fd);
  return out;
}

// BENCH_DIST: another build to compare with (e.g. the main branch's, built elsewhere).
const dist = process.env.BENCH_DIST ?? path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build:web` first');
mkdirSync(RESULTS_DIR, { recursive: true });
if (what.includes('chart')) {
  ensureData(['1m'], console.log);
  const server = await serveStatic(dist);
  try {
    const r = { date: new Date().toISOString(), load: os.loadavg().map((x) => Number(x.toFixed(2))), ...(await firstChart(server.url, csvPath('1m'), { timeline: values.timeline, profile: values.profile, idleSeconds: Number(values.idle) })) };
    writeFileSync(path.join(RESULTS_DIR, 'browser-first-chart.json'), JSON.stringify(r, null, 2));
    console.log(
      `| file | rows | choose → dialog ready (s) | Import → loaded (s) | Run → chart drawn (s) | total (s, target ≤ 3) |\n| --- | ---: | ---: | ---: | ---: | ---: |\n` +
        `| ${r.file} | ${r.rows.toLocaleString('en-US')} | ${r.dialogSeconds.toFixed(2)} | ${r.importSeconds.toFixed(2)} | ${r.paretoSeconds.toFixed(2)} | ${r.totalSeconds.toFixed(2)} |`,
    );
    if (r.errors.length) console.log('page errors:', r.errors);
    if (r.timeline) console.log(r.timeline.map((e) => `${String(e.at).padStart(7)} ms ${String(e.ms).padStart(6)} ms  ${e.what}`).join('\n'));
  } finally {
    await server.close();
  }
}
if (!what.includes('import')) process.exit(0);
const file = await bigCsv();
const size = statSync(file).size;
console.log(`input: ${file} (${(size / 1024 ** 3).toFixed(2)} GiB)`);
const server = await serveStatic(dist);
const s = await launch({ colorScheme: 'light', autoImport: false });
const { page } = s;
try {
  await openWorkbench(page, server.url);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles(file);
  await page.locator('[data-testid="import-dialog"][data-status="ready"]').waitFor({ timeout: 120_000 });
  const t0 = Date.now();
  await page.locator('[data-testid="import-confirm"]').click();
  const lags: number[] = [];
  let shot = false;
  for (;;) {
    const a = Date.now();
    const running = await page.evaluate(() => !!document.querySelector('[data-testid="import-progress"]'));
    lags.push(Date.now() - a);
    if (!running) break;
    const bytes = Number(await page.locator('[data-testid="import-progress"]').getAttribute('data-bytes').catch(() => 0));
    if (!shot && bytes > size / 3) {
      await s.screenshot('bench-browser-import-progress');
      shot = true;
    }
    await page.waitForTimeout(1000);
  }
  const seconds = (Date.now() - t0) / 1000;
  const rowsText = (await page.locator('[data-testid="table-rows"]').first().textContent()) ?? '';
  const rows = Number(rowsText.replace(/\D/g, ''));
  await s.screenshot('bench-browser-import-done');
  lags.sort((x, y) => x - y);
  const result = {
    date: new Date().toISOString(), file: path.basename(file), bytes: size, rows, seconds,
    mibPerSecond: size / 1024 ** 2 / seconds, rowsPerSecond: rows / seconds,
    pageRoundTripMs: { median: lags[lags.length >> 1], max: lags[lags.length - 1], samples: lags.length },
    errors: s.errors,
  };
  writeFileSync(path.join(RESULTS_DIR, 'browser-import.json'), JSON.stringify(result, null, 2));
  console.log(
    `| file | GiB | rows | seconds | MiB/s | rows/s | page round trip median / max (ms) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
      `| ${result.file} | ${(size / 1024 ** 3).toFixed(2)} | ${rows.toLocaleString('en-US')} | ${seconds.toFixed(1)} | ${result.mibPerSecond.toFixed(1)} | ${Math.round(result.rowsPerSecond).toLocaleString('en-US')} | ${result.pageRoundTripMs.median} / ${result.pageRoundTripMs.max} |`,
  );
  if (s.errors.length) console.log('page errors:', s.errors);
} finally {
  await s.close();
  await server.close();
}
