import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../cliTypes';
import { TenureError } from '../../errors';
import type { QueryEngine } from '../../engine/QueryEngine';
import { ENGINE_OPTIONS, startCliEngine } from '../cliEngine';
import { importFile } from '../../import/importFile';
import { nodeFileSource } from '../nodeFileSource';
import { parseDeck, sourceKey, type DeckSpec } from '../../deck/deckSpec';
import { deckSlides, type DeckSource, type Rasterise, type SlideWarning } from '../../deck/buildSlides';

const USAGE = 'deck DECK.json --pptx OUT.pptx';

function readDeck(file: string): DeckSpec {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new TenureError('file.notFound', `${file}: no such file`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TenureError('deck.badJson', `${file} is not valid JSON: ${(err as Error).message}`, { file });
  }
  return parseDeck(json, file);
}

// ECharts, resvg and pptxgenjs load only when a deck is built (they dominate the CLI's start-up).
export const rasterisePngs: Rasterise = async (options, size) => {
  const [{ renderChartSvg }, { svgToPng }] = await Promise.all([import('../../export/renderSvg'), import('../../export/node/svgToPng')]);
  return options.map((o) => svgToPng(renderChartSvg(o, size), size.scale, '#ffffff'));
};

/**
 * Read DECK.json, start an engine and import each distinct file once; `fn` runs with them and the
 * engine is closed after. Every file is resolved (and checked) before the engine starts.
 */
export async function withDeckSources<R>(deckFile: string, fn: (deck: DeckSpec, engine: QueryEngine, sources: Map<string, DeckSource>) => Promise<R>, ctx: CliContext = { positionals: [], values: {} }): Promise<R> {
  const deck = readDeck(deckFile);
  const dir = path.dirname(path.resolve(deckFile));
  const files = new Map(deck.slides.map((s) => [sourceKey(s), { ...s, src: nodeFileSource(path.resolve(dir, s.file)) }]));
  const engine = await startCliEngine(ctx);
  try {
    const sources = new Map<string, DeckSource>();
    for (const [key, f] of files) {
      const imported = await importFile(engine, f.src, { sheet: f.sheet, encoding: f.encoding });
      sources.set(key, { table: imported.table, fileName: f.src.name });
    }
    return await fn(deck, engine, sources);
  } finally {
    await engine.close();
  }
}

/** Build a .pptx from DECK.json: each distinct file imported once, one slide per entry (the brief first when asked). */
export async function runDeck(deckFile: string, out: string, ctx?: CliContext): Promise<{ pptx: string; slides: { title: string; kind: string; file: string }[]; imports: number; warnings: SlideWarning[]; ms: number }> {
  const started = Date.now();
  return withDeckSources(deckFile, async (deck, engine, sources) => {
    const built = await deckSlides(deck, engine, sources, rasterisePngs);
    const { buildDeck } = await import('../../export/deck');
    writeFileSync(out, await buildDeck(built));
    const lead = built.slides.length - deck.slides.length;
    return {
      pptx: out,
      slides: built.slides.map((s, i) => (i < lead ? { title: s.title, kind: 'brief', file: '' } : { title: s.title, kind: deck.slides[i - lead].kind, file: deck.slides[i - lead].file })),
      imports: sources.size,
      warnings: built.warnings,
      ms: Date.now() - started,
    };
  }, ctx);
}

export const deckCommand: CliCommand = {
  name: 'deck',
  usage: USAGE,
  options: { pptx: { type: 'string' }, json: { type: 'boolean' }, ...ENGINE_OPTIONS },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new TenureError('cli.missingFile', `Missing DECK.json argument (usage: tenure ${USAGE})`);
    const out = ctx.values.pptx;
    if (typeof out !== 'string' || !out) throw new TenureError('cli.badOption', `Give --pptx OUT.pptx (usage: tenure ${USAGE})`);
    return runDeck(file, out, ctx);
  },
};
