import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';
import { qi } from '../engine/sqlQuote';
import type { ColumnOverride, ImportPlan, PlanColumn } from './importTypes';
import type { ExcelKind } from './excelRead';
import { inferColumns } from './typeInference';
import { convertExpr, isMissing, trimmed } from './valueParsing';

/** A plan column and where its raw values sit in the staging table. */
export interface StagedColumn {
  col: PlanColumn;
  staged: string;
  /** Excel: typed cells pass through; 'text' (and every CSV column) is parsed from text. */
  kind: ExcelKind;
  /** Excel blank-string/error cells already NULL in a typed column. */
  preCoerced: number;
}

/** Apply the user's per-column choices (name, type, date style, decimal style) to a plan. */
export function applyOverrides(plan: ImportPlan, overrides: Record<number, ColumnOverride> | undefined): void {
  if (!overrides) return;
  for (const c of plan.columns) {
    const o = overrides[c.index];
    if (!o) continue;
    if (o.name?.trim()) c.name = o.name.trim();
    if (o.type) {
      c.type = o.type;
      c.userType = true;
    }
    if (o.date) c.date = o.date;
    if (o.decimal) c.decimal = o.decimal;
  }
}

/** Detect types of the text columns the user has not typed, from every staged value. */
export async function detectStagedTypes(engine: QueryEngine, staging: string, cols: StagedColumn[], plan: ImportPlan): Promise<void> {
  const todo = cols.filter((s) => s.kind === 'text' && !s.col.userType);
  const found = await inferColumns(engine, qi(staging), todo.map((s) => s.staged), { decimal: plan.decimal, dateOrder: plan.dateOrder });
  for (const s of todo) {
    const d = found.get(s.staged)!;
    const keepName = s.col.name;
    Object.assign(s.col, { type: d.type, decimal: d.decimal, date: d.date, ambiguousDates: d.ambiguousDates, flag: d.flag, textReason: d.textReason });
    s.col.name = keepName;
  }
}

/** The SELECT expression producing a final column from its staged raw values. */
export function finalExpr(s: StagedColumn): string {
  const raw = qi(s.staged);
  switch (s.kind) {
    case 'text':
      return convertExpr(trimmed(raw), raw, s.col);
    case 'integer':
      return `CAST(${raw} AS BIGINT)`;
    case 'number':
      return `CAST(${raw} AS DOUBLE)`;
    case 'date':
      return `CAST(epoch_ms(CAST(${raw} AS BIGINT)) AS DATE)`;
    case 'datetime':
      return `epoch_ms(CAST(${raw} AS BIGINT))`;
    case 'boolean':
      return raw;
  }
}

export function selectList(cols: StagedColumn[]): string {
  return cols.map((s) => `${finalExpr(s)} AS ${qi(s.col.name)}`).join(', ');
}

/** Type names as DuckDB reports them for a staged Excel kind. */
export function excelKindType(kind: ExcelKind): PlanColumn['type'] {
  return ({ integer: 'BIGINT', number: 'DOUBLE', date: 'DATE', datetime: 'TIMESTAMP', boolean: 'BOOLEAN', text: 'VARCHAR' } as const)[kind];
}

/**
 * Per column: how many non-NULL source values the conversion turned into NULL (final NULLs minus
 * source NULLs), and how many of those were not blank or NA tokens (values that did not parse).
 * Uses only cheap counts on the staging table, never the conversion expressions again.
 */
export async function coercionCounts(
  engine: QueryEngine,
  staging: string,
  cols: StagedColumn[],
  finalNulls: Map<string, number>,
): Promise<Map<string, { coerced: number; invalid: number }>> {
  const out = new Map<string, { coerced: number; invalid: number }>();
  const typed = cols.filter((s) => s.kind === 'text' && s.col.type !== 'VARCHAR');
  for (const s of cols) if (s.kind !== 'text') out.set(s.col.name, { coerced: s.preCoerced, invalid: 0 });
  if (!typed.length) return out;
  const aggs = typed.flatMap((s, i) => {
    const raw = qi(s.staged);
    return [`count(*) - count(${raw}) AS n${i}`, `count(*) FILTER (${raw} IS NOT NULL AND ${isMissing(trimmed(raw))}) AS m${i}`];
  });
  const row = toRows<Record<string, number>>(await engine.query(`SELECT ${aggs.join(', ')} FROM ${qi(staging)}`))[0];
  typed.forEach((s, i) => {
    const coerced = (finalNulls.get(s.col.name) ?? 0) - Number(row[`n${i}`]);
    out.set(s.col.name, { coerced, invalid: Math.max(0, coerced - Number(row[`m${i}`])) });
  });
  return out;
}
