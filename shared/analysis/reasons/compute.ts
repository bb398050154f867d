import type { QueryEngine } from '../../engine/QueryEngine';
import { qi } from '../../engine/sqlQuote';
import { guardFragments } from '../../engine/guard';
import { toRows } from '../../engine/arrowRows';
import { asTenureError, TenureError } from '../../errors';
import { eventText, eventValueWarnings } from '../survival/eventCheck';
import { warning, type AnalysisWarning } from '../warnings';
import { columnTypes, requireColumns } from '../survival/columns';
import { parseReasonsSpec, type ReasonsSpec } from './spec';
import { reasonsSql } from './sql';

export interface ReasonRow {
  /** Null = no reason given. */
  reason: string | null;
  count: number;
  share: number;
  cumulativeShare: number;
  /** From the tag map; null = not tagged. */
  controllable: boolean | null;
}

export interface ReasonTable {
  /** Group value as text; null for the overall table. */
  name: string | null;
  churned: number;
  rows: ReasonRow[];
  /** Share of churned customers whose reason is tagged controllable. */
  controllableShare: number | null;
  notControllableShare: number | null;
  untaggedShare: number | null;
}

export interface ReasonsResult {
  spec: ReasonsSpec;
  overall: ReasonTable;
  groups: ReasonTable[];
  /** Empty or doubtful answers (no churned customer, an event value that never occurs). */
  warnings: AnalysisWarning[];
  sql: string;
}

/** Most groups a breakdown shows (a table each). */
export const MAX_REASON_GROUPS = 50;
/** Most distinct reasons counted (a bar and a row each): more is free text, not a reason list. */
export const MAX_REASONS = 200;

interface Row {
  g: unknown;
  reason: string | null;
  n: number;
}

export async function computeReasons(engine: QueryEngine, input: unknown): Promise<ReasonsResult> {
  const spec = parseReasonsSpec(input);
  const types = await columnTypes(engine, spec.table);
  requireColumns(types, spec.table, [spec.reason, spec.event.column, spec.group]);
  await guardFragments(engine, qi(spec.table), [{ field: 'where', sql: spec.where }]);
  const sql = reasonsSql(spec, types);
  let rows: Row[];
  try {
    // One count over the aggregate before its rows reach JS: groups and reasons among the churned.
    const [c] = toRows<{ groups: number; reasons: number }>(await engine.query(`SELECT count(DISTINCT g) AS groups, count(DISTINCT reason) AS reasons FROM (${sql})`));
    if (spec.group && c.groups > MAX_REASON_GROUPS) {
      throw new TenureError('reasons.tooManyGroups', `Column "${spec.group}" has ${c.groups} distinct values; a breakdown shows at most ${MAX_REASON_GROUPS} groups`, {
        column: spec.group,
        params: { column: spec.group, count: c.groups, max: MAX_REASON_GROUPS },
      });
    }
    if (c.reasons > MAX_REASONS) {
      throw new TenureError('reasons.tooManyReasons', `Column "${spec.reason}" holds ${c.reasons} different reasons among the churned; at most ${MAX_REASONS} can be counted (is it free text? group it first)`, {
        column: spec.reason,
        params: { column: spec.reason, count: c.reasons, max: MAX_REASONS },
      });
    }
    rows = toRows<Row>(await engine.query(sql));
  } catch (err) {
    throw asTenureError(err, 'sql');
  }
  const result = reasonsFromRows(spec, rows, sql);
  result.warnings.unshift(...(await eventValueWarnings(engine, spec.table, types, spec.event)));
  return result;
}

/** Sorted by count (desc), then reason; the empty reason last among equals. */
export function reasonTable(name: string | null, counts: Map<string | null, number>, tags: Record<string, boolean>): ReasonTable {
  const churned = [...counts.values()].reduce((a, b) => a + b, 0);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] === null ? 1 : b[0] === null ? -1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let cum = 0;
  const rows = sorted.map(([reason, count]) => {
    cum += count;
    const tag = reason !== null && Object.hasOwn(tags, reason) ? tags[reason] : null;
    return { reason, count, share: count / churned, cumulativeShare: cum / churned, controllable: tag };
  });
  const part = (want: boolean | null) => (churned ? rows.filter((r) => r.controllable === want).reduce((s, r) => s + r.count, 0) / churned : null);
  return { name, churned, rows, controllableShare: part(true), notControllableShare: part(false), untaggedShare: part(null) };
}

export function reasonsFromRows(spec: ReasonsSpec, rows: Row[], sql = ''): ReasonsResult {
  const overall = new Map<string | null, number>();
  const groups = new Map<string, Map<string | null, number>>();
  for (const r of rows) {
    overall.set(r.reason, (overall.get(r.reason) ?? 0) + r.n);
    if (spec.group) {
      const g = r.g === null || r.g === undefined ? '' : String(r.g);
      if (!groups.has(g)) groups.set(g, new Map());
      groups.get(g)!.set(r.reason, r.n);
    }
  }
  const all = reasonTable(null, overall, spec.controllable);
  const what = eventText(spec.event);
  const warnings = all.churned ? [] : [warning('reasons.noChurned', `No analysed row is a churned customer (${what}): there are no reasons to count`, { event: what })];
  return {
    spec,
    overall: all,
    groups: [...groups.entries()].map(([g, m]) => reasonTable(g, m, spec.controllable)),
    warnings,
    sql,
  };
}
