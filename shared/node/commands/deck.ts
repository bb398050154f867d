import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../cliTypes';
import { TenureError } from '../../errors';
import { WasmNodeEngine } from '../../engine/node/wasmNodeEngine';
import { importFile } from '../../import/importFile';
import { nodeFileSource } from '../nodeFileSource';
import { renderChartSvg } from '../../export/renderSvg';
import { svgToPng } from '../../export/node/svgToPng';
import { buildDeck } from '../../export/deck';
import { parseDeck, sourceKey, type DeckSpec } from '../../deck/deckSpec';
import { deckSlides, type DeckSource, type Rasterise } from '../../deck/buildSlides';

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

export const rasterisePngs: Rasterise = (options, size) => options.map((o) => svgToPng(renderChartSvg(o, size), size.scale, '#ffffff'));

/** Build a .pptx from DECK.json: each distinct file imported once, one slide per entry. */
export async function runDeck(deckFile: string, out: string): Promise<{ pptx: string; slides: { title: string; kind: string; file: string }[]; imports: number; ms: number }> {
  const started = Date.now();
  const deck = readDeck(deckFile);
  const dir = path.dirname(path.resolve(deckFile));
  // Resolve (and check) every file before the engine starts.
  const files = new Map(deck.slides.map((s) => [sourceKey(s), { ...s, src: nodeFileSource(path.resolve(dir, s.file)) }]));
  const engine = new WasmNodeEngine();
  await engine.init();
  try {
    const sources = new Map<string, DeckSource>();
    for (const [key, f] of files) {
      const imported = await importFile(engine, f.src, { sheet: f.sheet, encoding: f.encoding });
      sources.set(key, { table: imported.table, fileName: f.src.name });
    }
    const built = await deckSlides(deck, engine, sources, rasterisePngs);
    writeFileSync(out, await buildDeck(built));
    return {
      pptx: out,
      slides: built.slides.map((s, i) => ({ title: s.title, kind: deck.slides[i].kind, file: deck.slides[i].file })),
      imports: sources.size,
      ms: Date.now() - started,
    };
  } finally {
    await engine.close();
  }
}

export const deckCommand: CliCommand = {
  name: 'deck',
  usage: USAGE,
  options: { pptx: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new TenureError('cli.missingFile', `Missing DECK.json argument (usage: tenure ${USAGE})`);
    const out = ctx.values.pptx;
    if (typeof out !== 'string' || !out) throw new TenureError('cli.badOption', `Give --pptx OUT.pptx (usage: tenure ${USAGE})`);
    return runDeck(file, out);
  },
};
