import type { QueryEngine } from '../engine/QueryEngine';
import { aggregateRow } from './batchedAggregates';
import { qi } from '../engine/sqlQuote';
import { newInternalTable } from '../engine/internalTables';
import type { CsvLoadResult, CsvLoadSpec } from './csvLoad';
import { GuessContradiction, guessMark, loadCsvToStaging, stagingColumn } from './csvLoad';
import { strictExpr } from './strictConvert';
import type { FieldShape } from './fieldShapes';
import { bigIntegerHint, detectStagedTypes, guessed, madeTypes, type GuessCheck, type StagedColumn } from './stagedColumns';
import { flagFromRow, flagStats } from './typeInference';
import type { ImportPlan } from './importTypes';
import { SAMPLE_BYTES, recallSample, sampleKey } from './sampleMemo';

export { SAMPLE_BYTES } from './sampleMemo';

export interface DirectResult {
  cols: StagedColumn[];
  load: CsvLoadResult;
  check: GuessCheck;
}

/** Hidden per-column flags, named so that no user header can collide with them. */
function hiddenNames(cols: StagedColumn[]): (i: number) => string {
  const taken = new Set(cols.map((s) => s.col.name.toLowerCase()));
  let prefix = '__tenure_coerced_';
  for (let k = 2; cols.some((_, i) => taken.has(`${prefix}${i}`)); k++) prefix = `__tenure_coerced${k}_`;
  return (i) => `${prefix}${i}`;
}

/**
 * The fast CSV import: guess types from the first rows, then read every chunk straight into the
 * final table through strict conversions (strictConvert.ts) — one pass, no staging copy. Hidden
 * columns record values that became NULL from non-empty text (blank, whitespace, NA) so the import
 * can report them, and are dropped at the end. Throws GuessContradiction when the data does not
 * fit the sample's guess; the caller then drops `target` and imports through staging.
 */
export async function importCsvDirect(engine: QueryEngine, plan: ImportPlan, spec: Omit<CsvLoadSpec, 'staging' | 'insert'>, target: string, id: string): Promise<DirectResult> {
  const sample = newInternalTable('sample', id);
  const cols: StagedColumn[] = plan.columns.map((col, i) => ({ col, staged: stagingColumn(i), kind: 'text', preCoerced: 0 }));
  // The import dialog's preview may have detected this very sample already (sampleMemo.ts).
  if (spec.endByte !== undefined || !recallSample(spec.src, sampleKey(spec.src, plan), cols)) {
    try {
      const s = await loadCsvToStaging(engine, { ...spec, staging: sample, endByte: Math.min(spec.endByte ?? Infinity, SAMPLE_BYTES), signal: spec.signal, onProgress: undefined });
      if (s.rows > 0) await detectStagedTypes(engine, sample, cols, plan);
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${qi(sample)}`).catch(() => undefined);
    }
  }
  const typed = cols.map((s, i) => (s.col.type === 'VARCHAR' ? -1 : i)).filter((i) => i >= 0);
  const hidden = hiddenNames(cols);
  const defs = cols.map((s) => `${qi(s.col.name)} ${s.col.type}`);
  // The whole-file typed read (csvWhole.ts) coerces nothing, so the table starts without the hidden
  // flags: writing and dropping four constant columns of every row cost ~0.7 s of CPU at 10M rows.
  // Only the chunked load, which converts text, gets them (before its first chunk).
  let flagged = false;
  await engine.query(`CREATE TABLE ${qi(target)} (${defs.join(', ')})`);
  const addFlags = async (): Promise<void> => {
    flagged = true;
    await engine.query(`CREATE OR REPLACE TABLE ${qi(target)} (${[...defs, ...typed.map((i) => `${qi(hidden(i))} BOOLEAN`)].join(', ')})`);
  };
  const parts = cols.map((s, i) => strictExpr(qi(s.staged), s.col, guessMark(i), qi(`f${i}`)));
  const casts = parts.flatMap((p, i) => (p.fast ? [`${p.fast} AS ${qi(`f${i}`)}`] : []));
  const values = parts.map((p, i) => `${p.value} AS ${qi(`v${i}`)}`);
  const outer = [...cols.map((_, i) => qi(`v${i}`)), ...typed.map((i) => `(${qi(cols[i].staged)} IS NOT NULL AND ${qi(`v${i}`)} IS NULL)`)];
  const shapes = cols.map((s) => shapeOf(s));
  const load = await loadCsvToStaging(engine, {
    ...spec,
    staging: `direct_${id}`,
    typed: shapes.every((x): x is FieldShape => x !== null)
      ? { shapes, types: cols.map((s) => s.col.type), insert: (readCsv) => `INSERT INTO ${qi(target)} SELECT *${flagged ? typed.map(() => ', false').join('') : ''} FROM ${readCsv}`, clear: `DELETE FROM ${qi(target)}` }
      : undefined,
    beforeChunks: addFlags,
    insert: (readCsv) =>
      `INSERT INTO ${qi(target)} SELECT ${outer.join(', ')} FROM (SELECT *, ${values.join(', ')} FROM (SELECT *${casts.map((c) => `, ${c}`).join('')} FROM ${readCsv}))`,
  });
  const size = spec.src.size;
  spec.onProgress?.({ phase: 'converting', bytesRead: size, totalBytes: size, rows: load.rows, elapsedMs: 0, bytesPerSecond: 0 });
  const check = await checkDirect(engine, target, cols, typed, flagged ? hidden : null);
  if (flagged) for (const i of typed) await engine.query(`ALTER TABLE ${qi(target)} DROP COLUMN ${qi(hidden(i))}`);
  return { cols, load, check };
}

/** The canonical shape a column's values must have to go through DuckDB's typed reader, if any. */
function shapeOf(s: StagedColumn): FieldShape | null {
  const { type, decimal, date } = s.col;
  if (type === 'VARCHAR') return 'any';
  if (type === 'BIGINT' && (decimal ?? 'dot') === 'dot') return 'int';
  if (type === 'DOUBLE' && (decimal ?? 'dot') === 'dot') return 'dec';
  if (type === 'DATE' && (date ?? 'iso') === 'iso') return 'date';
  if (type === 'TIMESTAMP' && (date ?? 'iso') === 'iso') return 'ts';
  return null;
}

/** One aggregate over the final table: rows, NULLs, coerced values (none without the hidden flags), identifier hints, flags. */
async function checkDirect(engine: QueryEngine, target: string, cols: StagedColumn[], typed: number[], hidden: ((i: number) => string) | null): Promise<GuessCheck> {
  const aggs: string[] = ['count(*) AS rows'];
  const flags: { t: string; key: string; numeric: boolean }[] = [];
  cols.forEach((s, i) => {
    const c = qi(s.col.name);
    aggs.push(`count(*) - count(${c}) AS n${i}`);
    if (guessed(s) && s.col.type === 'BIGINT') aggs.push(`max(abs(${c})) AS x${i}`);
    if (s.flagCandidate && s.col.type !== 'BOOLEAN') {
      const numeric = s.col.type === 'BIGINT' || s.col.type === 'DOUBLE';
      flags.push({ t: numeric || s.col.type === 'VARCHAR' ? c : `CAST(${c} AS VARCHAR)`, key: `_${i}`, numeric });
    }
  });
  if (hidden) for (const i of typed) aggs.push(`count(*) FILTER (${qi(hidden(i))}) AS co${i}`);
  const r = { ...(await aggregateRow(engine, qi(target), aggs)), ...(await flagStats(engine, qi(target), flags)) };
  const nulls = new Map(cols.map((s, i) => [s.col.name, Number(r[`n${i}`])]));
  const coercion = new Map(typed.map((i) => [cols[i].col.name, { coerced: Number(r[`co${i}`] ?? 0), invalid: 0 }]));
  cols.forEach((s, i) => {
    if (guessed(s) && s.col.type === 'BIGINT' && bigIntegerHint(s, Number(r[`x${i}`] ?? 0))) throw new GuessContradiction(i);
    if (s.flagCandidate && s.col.type !== 'BOOLEAN') s.col.flag = flagFromRow(r, `_${i}`, s.col.type);
  });
  return { rows: Number(r.rows), nulls, types: await madeTypes(engine, target), coercion, suspects: [] };
}
