import type { QueryEngine } from '../engine/QueryEngine';
import type { FileSource } from '../import/FileSource';
import { importFile, type ColumnInfo } from '../import/importFile';
import type { ImportOptions } from '../import/importTypes';
import { REGISTRY, type AnalysisRecord } from '../analysis/registry';
import { ParetoSpecSchema } from '../analysis/pareto/spec';
import { saveClassesSql } from '../analysis/pareto/sql';
import type { ParetoResult } from '../analysis/pareto/types';
import { TenureError, asTenureError } from '../errors';
import { qi } from '../engine/sqlQuote';
import { fingerprint } from './fingerprint';
import { SqlRecipes } from '../engine/sqlRecipes';
import { DEFAULT_PATTERN, importParquetFolder } from '../import/parquetFolder';
import type { Study, StudyAnalysis, StudySource } from './schema';

/** An analysis kind's record, or undefined for a kind this build does not know (kept, reported). */
export function recordOf(kind: string): AnalysisRecord | undefined {
  return (REGISTRY as Record<string, AnalysisRecord | undefined>)[kind];
}

/** Every table name a spec mentions (its own table, a lookup table for groups or classes). */
export function tablesOf(spec: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string' && key === 'table') out.add(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(spec, '');
  return [...out];
}

/** The sources an analysis reads, directly or through a derived table (Pareto classes of another analysis). */
export function sourcesOf(study: Study, a: StudyAnalysis, seen = new Set<string>()): StudySource[] {
  if (seen.has(a.id)) return [];
  seen.add(a.id);
  const out = new Map<string, StudySource>();
  for (const table of tablesOf(a.spec)) {
    const src = study.sources.find((s) => s.table.toLowerCase() === table.toLowerCase());
    if (src) out.set(src.id, src);
    const d = study.derived.find((x) => x.table.toLowerCase() === table.toLowerCase());
    const from = d && study.analyses.find((x) => x.id === d.analysis);
    if (from) for (const s of sourcesOf(study, from, seen)) out.set(s.id, s);
  }
  return [...out.values()];
}

export function analysisLabel(a: StudyAnalysis): string {
  return a.title ? `${a.title} (${a.id})` : `${a.kind} ${a.id}`;
}

/**
 * A column the analysis names that the new file lacks → a specific error naming the analysis and the
 * column (DuckDB says `Referenced column "X" not found`), instead of a raw binder message.
 */
export function explainAnalysisError(err: unknown, a: StudyAnalysis, file: string): TenureError {
  const e = asTenureError(err, 'sql');
  const m = /Referenced column "([^"]+)" not found|column "([^"]+)" (?:does not exist|not found)|Column "([^"]+)" not found|column ([^\s]+) not found/i.exec(e.message);
  const column = m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
  if (column) return new TenureError('study.missingColumn', `${analysisLabel(a)} needs the column "${column}", which ${file} does not have`, { file, column, params: { analysis: analysisLabel(a), column } });
  return e;
}

/**
 * Compute analyses so that the same computation on the same spec runs once: a derived table's Pareto and
 * that Pareto analysis, or a survival analysis and its hazard view, share one result.
 */
export function computeShared(engine: QueryEngine, onCompute?: (a: StudyAnalysis) => void): (rec: AnalysisRecord, a: StudyAnalysis) => Promise<unknown> {
  const computed = new Map<AnalysisRecord['compute'], Map<string, Promise<unknown>>>();
  return (rec, a) => {
    const byFn = computed.get(rec.compute) ?? new Map<string, Promise<unknown>>();
    computed.set(rec.compute, byFn);
    const key = JSON.stringify(a.spec);
    let p = byFn.get(key);
    if (!p) {
      onCompute?.(a);
      p = rec.compute(engine, a.spec);
      byFn.set(key, p);
    }
    return p;
  };
}

export interface OpenedSource {
  source: StudySource;
  /** The file that was read (relinked or as recorded). */
  file: string;
  rows?: number;
  columns?: ColumnInfo[];
  fingerprint?: string;
  /** The content differs from when the study was saved (fingerprints differ). */
  changed?: boolean;
  /** A Parquet folder: how many files and bytes it holds now. */
  folder?: { files: number; size: number };
  error?: TenureError;
}

export interface RanAnalysis {
  analysis: StudyAnalysis;
  result?: unknown;
  error?: TenureError;
  /** The data file it read (first source), for messages and the quadrant's JSON. */
  file: string;
}

export interface StudyRun {
  sources: OpenedSource[];
  /** The SQL editor's statements run again (after the sources, and once more after the derived tables for those that failed). */
  sql: { replayed: number; failed: { sql: string; error: TenureError }[] };
  derived: { table: string; error?: TenureError }[];
  analyses: RanAnalysis[];
}

/**
 * Re-run a study on an engine: import every source read-only under its recorded table name (so specs
 * stay valid), rebuild the derived tables from their recipes, then compute every analysis. One missing
 * file or missing column fails only what depends on it.
 */
export async function runStudy(
  engine: QueryEngine,
  study: Study,
  open: (s: StudySource) => { file: string; src: () => FileSource },
  opts: Pick<ImportOptions, 'excelReader'> & { onCompute?(a: StudyAnalysis): void } = {},
): Promise<StudyRun> {
  const compute = computeShared(engine, opts.onCompute);
  const sources: OpenedSource[] = [];
  // Folders first: giving the native engine a new folder restarts it, which would drop tables imported before.
  const unreadable = new Set<string>();
  for (const source of study.sources) {
    if (source.kind !== 'parquetFolder' || !engine.allowFolder) continue;
    // An empty path: the host could not grant the folder (Electron: gone, or never opened on this machine).
    const folder = open(source).file;
    if (!folder) unreadable.add(source.id);
    else await engine.allowFolder(folder).catch(() => unreadable.add(source.id));
  }
  for (const source of study.sources) {
    const { file, src } = open(source);
    try {
      if (source.kind === 'parquetFolder') {
        if (unreadable.has(source.id)) throw new TenureError('file.notFound', `${file || source.path}: no such folder`, { file: file || (source.path ?? source.fileName) });
        const r = await importParquetFolder(engine, { folder: file, pattern: source.pattern ?? DEFAULT_PATTERN }, { tableName: source.table, replace: true });
        sources.push({ source, file, rows: r.rows, columns: r.columns, fingerprint: r.fingerprint, changed: source.fingerprint !== null && source.fingerprint !== r.fingerprint, folder: { files: r.files.length, size: r.size } });
        continue;
      }
      const f = src();
      const fp = await fingerprint(f);
      const imported = await importFile(engine, f, { ...(opts.excelReader ? { excelReader: opts.excelReader } : {}), ...source.options, tableName: source.table, replace: true, columns: Object.fromEntries(Object.entries(source.columns).map(([k, v]) => [Number(k), v])) });
      sources.push({ source, file, rows: imported.rows, columns: imported.columns, fingerprint: fp, changed: source.fingerprint !== null && source.fingerprint !== fp });
    } catch (err) {
      const e = asTenureError(err, 'import');
      const shown = file || (source.path ?? source.fileName);
      const error = e.code === 'file.notFound' ? new TenureError('study.missingSource', `The study's source ${source.name} (${shown}) is not found; relink it (--relink ${source.name}=FILE)`, { file: shown, params: { name: source.name, file: shown } }) : e;
      sources.push({ source, file, error });
    }
  }
  const failed = new Map(sources.filter((s) => s.error).map((s) => [s.source.id, s]));
  const fileOf = (a: StudyAnalysis) => {
    const first = sourcesOf(study, a)[0];
    return first ? (sources.find((s) => s.source.id === first.id)?.file ?? first.fileName) : '';
  };
  const blocked = (a: StudyAnalysis): TenureError | undefined => {
    const bad = sourcesOf(study, a).map((s) => failed.get(s.id)).find(Boolean);
    return bad?.error;
  };

  // Tables made in the SQL editor, in the order they were made; a statement that reads a derived table
  // (saved Pareto classes) fails here and runs again once those are built.
  const recipes = new SqlRecipes();
  recipes.load(study.sql.map((r) => r.sql));
  const first = await recipes.replay(engine);

  const derived: StudyRun['derived'] = [];
  for (const d of study.derived) {
    const a = study.analyses.find((x) => x.id === d.analysis);
    try {
      if (!a || a.kind !== 'pareto') throw new TenureError('study.invalid', `Derived table ${d.table}: no Pareto analysis ${d.analysis}`, { params: { issues: `derived ${d.table}` } });
      const stop = blocked(a);
      if (stop) throw stop;
      const spec = ParetoSpecSchema.parse(a.spec);
      const r = (await compute(recordOf('pareto')!, a)) as ParetoResult;
      await engine.query(`DROP TABLE IF EXISTS ${qi(d.table)}`);
      await engine.query(saveClassesSql(spec, r.mode, d.table));
      derived.push({ table: d.table });
    } catch (err) {
      derived.push({ table: d.table, error: a ? explainAnalysisError(err, a, fileOf(a)) : asTenureError(err) });
    }
  }

  const again = first.failed.length ? await recipes.replay(engine, first.failed.map((f) => f.sql)) : { replayed: 0, failed: [] };
  const sql: StudyRun['sql'] = {
    replayed: first.replayed + again.replayed,
    failed: again.failed.map((f) => ({ sql: f.sql, error: new TenureError('study.sqlReplayFailed', `A SQL statement of the study failed when run again: ${f.sql} (${f.message})`, { params: { sql: f.sql, message: f.message } }) })),
  };

  const analyses: RanAnalysis[] = [];
  for (const a of study.analyses) {
    const file = fileOf(a);
    const rec = recordOf(a.kind);
    if (!rec) {
      analyses.push({ analysis: a, file, error: new TenureError('study.unknownKind', `${analysisLabel(a)} is a "${a.kind}" analysis, which this Tenure does not know`, { params: { analysis: analysisLabel(a), kind: a.kind } }) });
      continue;
    }
    const stop = blocked(a);
    if (stop) {
      analyses.push({ analysis: a, file, error: stop });
      continue;
    }
    try {
      analyses.push({ analysis: a, file, result: await compute(rec, a) });
    } catch (err) {
      analyses.push({ analysis: a, file, error: explainAnalysisError(err, a, file) });
    }
  }
  return { sources, sql, derived, analyses };
}
