/**
 * Slide-export benchmark (not a SQL case, so not in bench/cases/): `npx tsx bench/exportBench.ts [--runs N]`
 * 1. One chart to PNG at 2× (960×540 logical → 1920×1080): off-screen ECharts SVG + resvg. Target ≤ 500 ms.
 * 2. A 10-slide deck from a DECK spec, split into engine start, imports, slides (compute + PNGs) and
 *    .pptx write. Target ≤ 5 s for the build (slides + pptx, data already imported).
 * Writes bench/results/export.json; `npm run bench` runs it after the SQL cases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { WasmNodeEngine } from '../shared/engine/node/wasmNodeEngine';
import { importFile } from '../shared/import/importFile';
import { nodeFileSource } from '../shared/node/nodeFileSource';
import { REGISTRY } from '../shared/analysis/registry';
import { SLIDE_THEME } from '../shared/charts/theme';
import { createI18n } from '../shared/i18n/i18n';
import { PRESETS } from '../shared/export/exportSizes';
import { renderChartSvg } from '../shared/export/renderSvg';
import { svgToPng } from '../shared/export/node/svgToPng';
import { buildDeck } from '../shared/export/deck';
import { parseDeck, sourceKey } from '../shared/deck/deckSpec';
import { deckSlides, type DeckSource } from '../shared/deck/buildSlides';
import { rasterisePngs } from '../shared/node/commands/deck';
import { RESULTS_DIR, ROOT } from './paths';

const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const telco = path.join(DATA, 'Telco_customer_churn.xlsx');
const event = { column: 'Churn Value', values: [1] };
const totalCharges = { customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' } };
const km = (group: string) => ({ time: { kind: 'duration', column: 'Tenure Months' }, event, group });

export const TEN_SLIDES = {
  title: 'Benchmark deck',
  slides: [
    { file: telco, kind: 'pareto', spec: totalCharges, table: true },
    { file: telco, kind: 'pareto', spec: totalCharges, chart: 'lorenz' },
    { file: telco, kind: 'pareto', spec: totalCharges, chart: 'whale' },
    { file: telco, kind: 'pareto', spec: { ...totalCharges, group: 'Contract' }, chart: 'classMix' },
    { file: telco, kind: 'survival', spec: km('Contract'), table: true },
    { file: telco, kind: 'survival', spec: km('Internet Service') },
    { file: telco, kind: 'hazard', spec: km('Contract') },
    { file: telco, kind: 'reasons', spec: { reason: 'Churn Reason', event }, table: true },
    {
      file: path.join(DATA, 'airline_satisfaction_test.csv'),
      kind: 'quadrant',
      spec: { drivers: ['Inflight wifi service', 'Online boarding', 'Seat comfort', 'Cleanliness', 'Food and drink'].map((column) => ({ column })), missing: [0], outcome: { column: 'satisfaction', positive: 'satisfied' } },
      table: true,
    },
    { file: path.join(DATA, '电信客户流失数据.csv'), kind: 'pareto', language: 'zh-CN', spec: { customer: null, value: { kind: 'column', column: '费用' } } },
  ],
};

export interface ExportBenchResult {
  png2x: { medianMs: number; runs: number[]; bytes: number; target: number };
  deck: { slides: number; engineMs: number; importMs: number; slidesMs: number; rasteriseMs: number; pptxMs: number; buildMs: number; totalMs: number; bytes: number; target: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const now = () => performance.now();

export async function runExportBench(runs = 5): Promise<ExportBenchResult> {
  const t0 = now();
  const engine = new WasmNodeEngine();
  await engine.init();
  const engineMs = now() - t0;
  try {
    const deck = parseDeck(TEN_SLIDES);
    const t1 = now();
    const sources = new Map<string, DeckSource>();
    for (const s of deck.slides) {
      if (sources.has(sourceKey(s))) continue;
      const src = nodeFileSource(s.file);
      sources.set(sourceKey(s), { table: (await importFile(engine, src)).table, fileName: src.name });
    }
    const importMs = now() - t1;

    // 1. One chart → PNG at 2× (the Pareto chart of Total Charges; compute untimed).
    const result = await REGISTRY.pareto.compute(engine, { ...totalCharges, table: sources.get(sourceKey({ file: telco }))!.table });
    const [chart] = REGISTRY.pareto.charts(result, createI18n('en').t, SLIDE_THEME);
    const size = PRESETS.slide16x9;
    const pngRuns: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 1; i++) {
      const s = now();
      bytes = svgToPng(renderChartSvg(chart.option, size), size.scale, '#ffffff').length;
      if (i > 0) pngRuns.push(now() - s); // the first run warms ECharts and resvg's font database
    }

    // 2. The 10-slide deck.
    let rasteriseMs = 0;
    const t2 = now();
    const built = await deckSlides(deck, engine, sources, (options, sz) => {
      const s = now();
      const pngs = rasterisePngs(options, sz);
      rasteriseMs += now() - s;
      return pngs;
    });
    const slidesMs = now() - t2;
    const t3 = now();
    const pptx = await buildDeck(built);
    const pptxMs = now() - t3;
    return {
      png2x: { medianMs: median(pngRuns), runs: pngRuns, bytes, target: 500 },
      deck: { slides: built.slides.length, engineMs, importMs, slidesMs, rasteriseMs, pptxMs, buildMs: slidesMs + pptxMs, totalMs: now() - t0, bytes: pptx.length, target: 5000 },
    };
  } finally {
    await engine.close();
  }
}

export function exportMarkdown(r: ExportBenchResult): string {
  const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
  const ok = (v: number, limit: number) => (v <= limit ? '✅' : '❌');
  const d = r.deck;
  return [
    '### Slide export',
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| chart → PNG 2× (1920×1080), median of ${r.png2x.runs.length} | ${ms(r.png2x.medianMs)} | ≤ 500 ms ${ok(r.png2x.medianMs, 500)} |`,
    `| ${d.slides}-slide deck build (slides + .pptx) | ${ms(d.buildMs)} | ≤ 5 s ${ok(d.buildMs, 5000)} |`,
    `| — of which PNG rendering | ${ms(d.rasteriseMs)} | |`,
    `| — of which .pptx write (${(d.bytes / 2 ** 20).toFixed(1)} MiB) | ${ms(d.pptxMs)} | |`,
    `| engine start + ${'3'} imports (not in the build) | ${ms(d.engineMs)} + ${ms(d.importMs)} | |`,
    `| end to end | ${ms(d.totalMs)} | |`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, out: { type: 'string' } }, strict: true });
  const r = await runExportBench(Number(values.runs));
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(values.out ?? path.join(RESULTS_DIR, 'export.json'), JSON.stringify(r, null, 2));
  console.log(exportMarkdown(r));
}
