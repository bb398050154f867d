import { TenureError } from '../errors';
import { DECK_VERSION, parseDeck, sourceKey } from '../deck/deckSpec';
import { REGISTRY } from '../analysis/registry';
import { tableNameFor } from '../import/tableName';
import { STUDY_FORMAT, STUDY_VERSION, studySchema, type Study } from './schema';

/**
 * Older formats → the current one. Each step takes version n to n + 1; a version 1 DECK.json (no
 * `format`, a `slides` list) becomes a study whose sources are its slides' files.
 */
const STEPS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // 1 → 2: Parquet folder sources and the SQL editor's statements (`sql`) are new; a version 1 study has
  // neither, so it reads as is (the defaults fill `sql: []`).
  1: (raw) => ({ ...raw, sql: [] }),
};

function issueText(path: readonly PropertyKey[], message: string): string {
  const p = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
  return p ? `${p}: ${message}` : message;
}

/** Is this parsed JSON a DECK.json (the monthly deck file) rather than a study? */
export function isDeckJson(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && !('format' in raw) && Array.isArray((raw as { slides?: unknown }).slides);
}

/** A version 1 DECK.json as a study: one source per distinct file, one analysis per distinct spec, the slides as its deck. */
export function deckToStudy(raw: unknown, file: string): Study {
  const deck = parseDeck(raw, file);
  const sources = new Map<string, Study['sources'][number]>();
  const analyses = new Map<string, Study['analyses'][number]>();
  const slides: NonNullable<Study['deck']>['slides'] = [];
  for (const s of deck.slides) {
    const key = sourceKey(s);
    let src = sources.get(key);
    if (!src) {
      const table = tableNameFor(s.file, [...sources.values()].map((x) => x.table));
      src = {
        id: `source-${sources.size + 1}`,
        name: table,
        path: s.file,
        fileName: s.file.replace(/^.*[\\/]/, ''),
        size: 0,
        mtime: null,
        fingerprint: null,
        table,
        options: { ...(s.sheet ? { sheet: s.sheet } : {}), ...(s.encoding ? { encoding: s.encoding } : {}) },
        columns: {},
      };
      sources.set(key, src);
    }
    const spec = { ...s.spec, table: src.table };
    const aKey = JSON.stringify([s.kind, spec]);
    let a = analyses.get(aKey);
    if (!a) {
      a = { id: `analysis-${analyses.size + 1}`, kind: s.kind, spec, chart: {}, notes: '' };
      analyses.set(aKey, a);
    }
    slides.push({ analysis: a.id, chart: s.chart ?? REGISTRY[s.kind].chartIds[0], table: s.table, include: true, ...(s.title ? { title: s.title } : {}), ...(s.takeaway !== undefined ? { takeaway: s.takeaway } : {}) });
  }
  return studySchema.parse({
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    title: deck.title,
    sources: [...sources.values()],
    analyses: [...analyses.values()],
    deck: { title: deck.title, subtitle: deck.subtitle, language: deck.language, brief: deck.brief, slides },
  });
}

/**
 * Parsed JSON → a valid current study, or a TenureError saying what is wrong: not a study, a newer
 * version (the file is left alone; a newer Tenure reads it), or the first invalid fields.
 */
export function migrateStudy(raw: unknown, file: string): Study {
  if (isDeckJson(raw)) {
    const v = (raw as { version?: unknown }).version;
    if (v !== undefined && v !== DECK_VERSION) throw new TenureError('study.newerVersion', `${file} is a deck of format version ${String(v)}; this Tenure reads up to ${DECK_VERSION}`, { file, params: { version: v, supported: DECK_VERSION } });
    return deckToStudy(raw, file);
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== STUDY_FORMAT) {
    throw new TenureError('study.notStudy', `${file} is not a Tenure study (no "format": "${STUDY_FORMAT}")`, { file });
  }
  let obj = raw as Record<string, unknown>;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new TenureError('study.invalid', `${file}: "version" must be a whole number ≥ 1, got ${JSON.stringify(version)}`, { file, params: { issues: 'version' } });
  }
  if (version > STUDY_VERSION) {
    throw new TenureError('study.newerVersion', `${file} was saved by a newer Tenure (study format ${version}); this Tenure reads up to ${STUDY_VERSION}`, { file, params: { version, supported: STUDY_VERSION } });
  }
  for (let v = version; v < STUDY_VERSION; v++) obj = { ...STEPS[v](obj), version: v + 1 };
  const r = studySchema.safeParse(obj);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => issueText(i.path, i.message));
    throw new TenureError('study.invalid', `${file} is not a valid study: ${issues.join('; ')}`, { file, params: { issues: issues.join('; ') } });
  }
  return r.data;
}

/** Study file text → study. A truncated or damaged file is a clear error, never a partial study. */
export function parseStudyText(text: string, file: string): Study {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TenureError('study.badJson', `${file} is damaged or truncated (not valid JSON: ${(err as Error).message})`, { file, params: { message: (err as Error).message } });
  }
  return migrateStudy(raw, file);
}

/** Study → file text (validated, stable key order, a trailing newline). */
export function serializeStudy(study: Study): string {
  return `${JSON.stringify(studySchema.parse(study), null, 2)}\n`;
}
