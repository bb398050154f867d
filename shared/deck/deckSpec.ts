import { z } from 'zod';
import { TenureError } from '../errors';
import { LANGUAGES } from '../i18n/resources';
import { ANALYSIS_KINDS, REGISTRY, type AnalysisKind } from '../analysis/registry';

/** The DECK.json format this Tenure reads. A future incompatible change bumps it. */
export const DECK_VERSION = 1;

const slideSchema = z
  .object({
    /** Data file, relative to the DECK.json's folder (or absolute). */
    file: z.string().min(1),
    sheet: z.string().min(1).optional(),
    encoding: z.string().min(1).optional(),
    kind: z.enum(ANALYSIS_KINDS),
    /** The spec the workbench saves; its `table` is replaced by the imported file's table. */
    spec: z.record(z.string(), z.unknown()),
    /** Which chart of the analysis (default: its main chart); false = table only. */
    chart: z.union([z.string().min(1), z.literal(false)]).optional(),
    table: z.boolean().default(false),
    /** Overrides the computed finding / takeaway. */
    title: z.string().min(1).optional(),
    takeaway: z.string().optional(),
    /** Language of this slide's generated text (default: the deck's). */
    language: z.enum(LANGUAGES).optional(),
  })
  .strict();

export const deckSchema = z
  .object({
    version: z.number().int().default(DECK_VERSION),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    language: z.enum(LANGUAGES).default('en'),
    /** Start with the retention brief built from the slides' analyses (brief, call list top 10). */
    brief: z.boolean().default(false),
    slides: z.array(slideSchema).min(1).max(200),
  })
  .strict();

export type DeckSpec = z.output<typeof deckSchema>;
export type DeckSlideSpec = DeckSpec['slides'][number];

/** "slides[2].spec.value" → "slide 3 (slides[2].spec.value)": people count from 1, the path is exact. */
function where(path: readonly PropertyKey[]): string {
  const p = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
  return path[0] === 'slides' && typeof path[1] === 'number' ? `slide ${path[1] + 1} (${p})` : p || 'deck';
}

function fail(file: string, issues: { path: readonly PropertyKey[]; message: string }[]): never {
  const msg = issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ');
  throw new TenureError('deck.badSpec', `Invalid deck ${file}: ${msg}`, { file, params: { issues: issues.map((i) => where(i.path)) } });
}

/**
 * Validate a parsed DECK.json: the deck shape, then each slide's spec against its analysis schema
 * (with a placeholder table) and its chart id, so every mistake is reported before any data is read.
 */
export function parseDeck(json: unknown, file = 'DECK.json'): DeckSpec {
  const v = (json as { version?: unknown } | null)?.version;
  if (v !== undefined && v !== DECK_VERSION) fail(file, [{ path: ['version'], message: `unsupported deck format version ${JSON.stringify(v)} (this Tenure reads version ${DECK_VERSION})` }]);
  const r = deckSchema.safeParse(json);
  if (!r.success) fail(file, r.error.issues);
  const issues: { path: PropertyKey[]; message: string }[] = [];
  r.data.slides.forEach((s, i) => {
    const rec = REGISTRY[s.kind as AnalysisKind];
    const spec = rec.schema.safeParse({ ...s.spec, table: 'deck' });
    if (!spec.success) for (const x of spec.error.issues) issues.push({ path: ['slides', i, 'spec', ...x.path], message: x.message });
    if (typeof s.chart === 'string' && !rec.chartIds.includes(s.chart)) {
      issues.push({ path: ['slides', i, 'chart'], message: `unknown chart "${s.chart}" for ${s.kind} (charts: ${rec.chartIds.join(', ')})` });
    }
    if (s.chart === false && !s.table) issues.push({ path: ['slides', i], message: 'a slide without a chart needs "table": true' });
    if (s.table && !rec.table) issues.push({ path: ['slides', i, 'table'], message: `${s.kind} has no table` });
  });
  if (issues.length) fail(file, issues);
  return r.data;
}

/** Slides reading the same file with the same options share one import. */
export function sourceKey(s: Pick<DeckSlideSpec, 'file' | 'sheet' | 'encoding'>): string {
  return JSON.stringify([s.file, s.sheet ?? null, s.encoding ?? null]);
}
