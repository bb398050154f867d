import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { ql } from '../../engine/sqlQuote';
import { TenureError } from '../../errors';
import type { QuadrantSpec } from './spec';
import type { OutcomeKind } from './sql';
import { OWN_CATALOG } from '../../import/tableInfo';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL.*|NUMERIC.*)$/i;

/**
 * Check that every column the spec names exists with a usable type, before any SQL runs, so the user
 * gets "no column X" rather than a DuckDB binder error. Returns how the outcome is to be read and the
 * table's column types.
 */
export async function checkColumns(engine: QueryEngine, spec: QuadrantSpec): Promise<{ outcomeKind: OutcomeKind | null; types: Map<string, string> }> {
  const rows = toRows<{ name: string; type: string }>(
    await engine.query(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ${ql(spec.table)} AND ${OWN_CATALOG}`),
  );
  if (!rows.length) throw new TenureError('quadrant.noTable', `No table "${spec.table}"`, { params: { table: spec.table } });
  const types = new Map(rows.map((r) => [r.name, r.type]));
  const need = (column: string, numeric: boolean): string => {
    const t = types.get(column);
    if (t === undefined) {
      throw new TenureError('quadrant.noColumn', `No column "${column}" in ${spec.table} (columns: ${rows.map((r) => r.name).join(', ')})`, { column, params: { column } });
    }
    if (numeric && !NUMERIC.test(t)) {
      throw new TenureError('quadrant.notNumeric', `Column "${column}" holds ${t}, not numeric ratings`, { column, params: { column, type: t } });
    }
    return t;
  };
  for (const d of spec.drivers) {
    need(d.column, true);
    if (d.importanceColumn) need(d.importanceColumn, true);
  }
  if (spec.segment) need(spec.segment, false);
  if (!spec.outcome) return { outcomeKind: null, types };
  const t = need(spec.outcome.column, false);
  const kind: OutcomeKind = NUMERIC.test(t) ? 'numeric' : /^BOOL/i.test(t) ? 'boolean' : 'text';
  if (kind === 'text' && spec.outcome.positive === undefined) {
    throw new TenureError('quadrant.outcomeValue', `Outcome "${spec.outcome.column}" is text: say which value means 1 (e.g. --outcome-value satisfied)`, {
      column: spec.outcome.column,
      params: { column: spec.outcome.column },
    });
  }
  return { outcomeKind: kind, types };
}
