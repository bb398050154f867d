import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../cliTypes';
import { TenureError } from '../../errors';
import { ENGINE_OPTIONS, startCliEngine } from '../cliEngine';
import { nodeFileSource } from '../nodeFileSource';
import { parseStudyText } from '../../study/migrate';
import { sourceForRelink } from '../../study/relink';
import { recordOf, runStudy, type StudyRun } from '../../study/run';
import type { Study, StudyChanges, StudySource } from '../../study/schema';
import { changesSlide } from '../../study/changeText';
import { analysisJson } from '../analysisJson';
import { createI18n } from '../../i18n/i18n';
import { LANGUAGES, type Language } from '../../i18n/resources';
import { SLIDE_THEME } from '../../charts/theme';
import { PRESETS } from '../../export/exportSizes';
import { buildBrief, briefText } from '../../brief/buildBrief';
import { buildDeck } from '../../export/deck';
import { deckSlides, type DeckSource } from '../../deck/buildSlides';
import { sourceKey, type DeckSpec } from '../../deck/deckSpec';
import type { AnalysisKind } from '../../analysis/registry';
import { rasterisePngs } from './deck';
import { warningsOf } from '../../analysis/warnings';

const USAGE = 'study run STUDY [--relink SOURCE=FILE]... [--out DIR] [--pptx OUT.pptx] [--language en|zh-CN] --json';

function readStudy(file: string): Study {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    text = readFileSync(file, 'utf8');
  } catch {
    throw new TenureError('file.notFound', `${file}: no such file`, { file });
  }
  return parseStudyText(text, file);
}

/** `--relink SOURCE=FILE` pairs: the source is matched by its name, id, recorded path or file name. */
export function relinksFrom(study: Study, values: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    // The source's name may itself contain "=": try every split, left to right.
    let hit: { source: StudySource; file: string } | undefined;
    for (let i = v.indexOf('='); i > 0 && !hit; i = v.indexOf('=', i + 1)) {
      const source = sourceForRelink(study.sources, v.slice(0, i));
      if (source && v.slice(i + 1)) hit = { source, file: v.slice(i + 1) };
    }
    if (!hit) {
      if (!v.includes('=')) throw new TenureError('study.badRelink', `--relink expects SOURCE=FILE, got "${v}"`, { params: { value: v } });
      const name = v.slice(0, v.indexOf('='));
      throw new TenureError('study.unknownSource', `No source of the study is called "${name}" (sources: ${study.sources.map((s) => s.name).join(', ')})`, { params: { name, sources: study.sources.map((s) => s.name).join(', ') } });
    }
    out.set(hit.source.id, hit.file);
  }
  return out;
}

/** The study's deck as a DECK.json the deck builder reads: each slide keyed by its analysis. */
function deckOf(study: Study, run: StudyRun, language: Language): { deck: DeckSpec; sources: Map<string, DeckSource>; comparisons: { at: number; changes: StudyChanges; title?: string; takeaway?: string }[] } | null {
  const done = new Map(run.analyses.filter((a) => a.result !== undefined).map((a) => [a.analysis.id, a]));
  const slides: DeckSpec['slides'] = [];
  const sources = new Map<string, DeckSource>();
  const comparisons: { at: number; changes: StudyChanges; title?: string; takeaway?: string }[] = [];
  for (const s of study.deck?.slides ?? []) {
    // A "What changed" comparison is kept figures, not a live analysis: it goes in as it was saved.
    if (s.changes && s.include) comparisons.push({ at: slides.length + comparisons.length, changes: s.changes, title: s.title, takeaway: s.takeaway });
    const a = done.get(s.analysis);
    if (!s.include || !a || s.changes) continue;
    const spec = a.analysis.spec;
    const file = `analysis:${a.analysis.id}`;
    sources.set(sourceKey({ file }), { table: String(spec.table ?? ''), fileName: path.basename(a.file) });
    slides.push({ file, kind: a.analysis.kind as AnalysisKind, spec, chart: s.chart, table: s.table, ...(s.title ? { title: s.title } : {}), ...(s.takeaway !== undefined ? { takeaway: s.takeaway } : {}) });
  }
  if (!slides.length && !comparisons.length) return null;
  const d = study.deck!;
  return { deck: { version: 1, title: d.title || study.title || 'Tenure', subtitle: d.subtitle, language: d.language ?? language, brief: d.brief, slides }, sources, comparisons };
}

const safeName = (id: string) => id.replace(/[^\p{L}\p{N}_.-]+/gu, '_');

/**
 * Re-run a saved study (or a version 1 DECK.json) on its files or relinked ones: every analysis prints
 * exactly what its own command prints with --json; `--out` writes a JSON and a PNG per analysis;
 * `--pptx` writes the study's deck. The retention brief of the results comes along.
 */
export async function runStudyCommand(ctx: CliContext) {
  const [verb, file] = ctx.positionals;
  if (verb !== 'run') throw new TenureError('cli.badOption', `Unknown study action "${verb ?? ''}" (usage: tenure ${USAGE})`);
  if (!file) throw new TenureError('cli.missingFile', `Missing STUDY argument (usage: tenure ${USAGE})`);
  const lang = ctx.values.language;
  if (lang !== undefined && !(LANGUAGES as readonly unknown[]).includes(lang)) throw new TenureError('cli.badOption', `--language expects ${LANGUAGES.join(' or ')}, got "${String(lang)}"`);
  const study = readStudy(file);
  const relinks = relinksFrom(study, (ctx.values.relink as string[] | undefined) ?? []);
  const dir = path.dirname(path.resolve(file));
  const language = (lang as Language | undefined) ?? study.deck?.language ?? 'en';
  const t = createI18n(language).t;

  const chosenPath = (s: StudySource) => {
    const relinked = relinks.get(s.id);
    return relinked ? path.resolve(relinked) : path.resolve(dir, s.path ?? s.fileName);
  };
  // Parquet folders are read in place: the engine starts with them allowed (no restart later).
  const readDirs = study.sources.filter((s) => s.kind === 'parquetFolder').map(chosenPath);
  const engine = await startCliEngine(ctx, { readDirs });
  try {
    const run = await runStudy(engine, study, (s) => {
      const chosen = chosenPath(s);
      // A folder is named by its absolute path (the engine allows exactly that folder).
      if (s.kind === 'parquetFolder') return { file: chosen, src: () => nodeFileSource(chosen) };
      return { file: relinks.get(s.id) ?? s.path ?? s.fileName, src: () => nodeFileSource(chosen) };
    });
    const analyses = run.analyses.map((a) => ({
      id: a.analysis.id,
      kind: a.analysis.kind,
      title: a.analysis.title ?? (a.result !== undefined ? (recordOf(a.analysis.kind)!.charts(a.result, t, SLIDE_THEME)[0]?.title ?? '') : ''),
      ...(a.result !== undefined ? { result: analysisJson(a.analysis.kind, a.result, { file: path.basename(a.file) }) } : { error: a.error!.toJSON() }),
    }));
    const out: Record<string, unknown> = {
      study: file,
      sources: run.sources.map((s) => ({
        id: s.source.id,
        name: s.source.name,
        file: s.file,
        table: s.source.table,
        ...(s.error ? { error: s.error.toJSON() } : { rows: s.rows, fingerprint: s.fingerprint, changed: s.changed, ...(s.folder ? { files: s.folder.files, size: s.folder.size } : {}) }),
      })),
      // The SQL editor's statements the study keeps, run again after the sources (CREATE TABLE vip AS …).
      sql: { replayed: run.sql.replayed, failed: run.sql.failed.map((f) => ({ sql: f.sql, error: f.error.toJSON() })) },
      derived: run.derived.map((d) => ({ table: d.table, ...(d.error ? { error: d.error.toJSON() } : {}) })),
      analyses,
      // Every analysis' warnings in one list too (each result also carries its own).
      warnings: run.analyses.flatMap((a) => warningsOf(a.result).map((w) => ({ analysis: a.analysis.id, ...w }))),
    };
    const ok = run.analyses.filter((a) => a.result !== undefined);
    const brief = buildBrief(ok.map((a) => ({ id: a.analysis.id, kind: a.analysis.kind, spec: a.analysis.spec, result: a.result })), t);
    out.brief = { title: brief.title, sections: brief.sections.map((x) => ({ topic: x.topic, heading: x.heading, sentences: x.sentences.map((y) => ({ text: y.text, source: y.source })) })), suggestions: brief.suggestions, text: briefText(brief, t) };

    const outDir = ctx.values.out;
    if (typeof outDir === 'string' && outDir) {
      mkdirSync(outDir, { recursive: true });
      const files: Record<string, { json: string; png?: string }> = {};
      for (const [i, a] of run.analyses.entries()) {
        if (a.result === undefined) continue;
        const base = path.join(outDir, safeName(a.analysis.id));
        writeFileSync(`${base}.json`, `${JSON.stringify((analyses[i] as { result?: unknown }).result, null, 2)}\n`);
        const [chart] = recordOf(a.analysis.kind)!.charts(a.result, t, SLIDE_THEME, PRESETS.slide16x9);
        if (chart) writeFileSync(`${base}.png`, (await rasterisePngs([chart.option], PRESETS.slide16x9))[0]);
        files[a.analysis.id] = { json: `${base}.json`, ...(chart ? { png: `${base}.png` } : {}) };
      }
      out.files = files;
    }
    const pptx = ctx.values.pptx;
    if (typeof pptx === 'string' && pptx) {
      const d = deckOf(study, run, language);
      if (!d) throw new TenureError('cli.badOption', `${file} has no deck slides that ran, so --pptx has nothing to write`);
      const built = await deckSlides(d.deck, engine, d.sources, rasterisePngs);
      const lead = built.slides.length - d.deck.slides.length;
      for (const c of d.comparisons) {
        const slide = changesSlide({ before: c.changes.before, after: c.changes.after, change: c.changes }, language, t);
        built.slides.splice(lead + c.at, 0, { ...slide, ...(c.title ? { title: c.title } : {}), ...(c.takeaway !== undefined ? { takeaway: c.takeaway } : {}) });
      }
      writeFileSync(pptx, await buildDeck(built));
      out.pptx = { file: pptx, slides: built.slides.length };
    }
    return out;
  } finally {
    await engine.close();
  }
}

export const studyCommand: CliCommand = {
  name: 'study',
  usage: USAGE,
  options: { relink: { type: 'string', multiple: true }, out: { type: 'string' }, pptx: { type: 'string' }, language: { type: 'string' }, json: { type: 'boolean' }, ...ENGINE_OPTIONS },
  run: runStudyCommand,
};
