import type { QueryEngine } from '../engine/QueryEngine';
import { toRows } from '../engine/arrowRows';
import { qi } from '../engine/sqlQuote';
import { TenureError } from '../errors';

/** DuckDB types that hold dates as they are (no reading of text needed). */
export function isDateType(type: string): boolean {
  return /^(DATE|TIMESTAMP)/i.test(type);
}

/**
 * A text (or number) column used as a date must hold dates: when none of its values reads as one,
 * the analysis would end empty or with a misleading headline, so it stops here with the column,
 * how many values could not be read and one of them. Columns with some dates pass (the analysis
 * counts the rows it leaves out). `optional` columns (an end date: empty while active) may be empty.
 */
export async function requireDates(engine: QueryEngine, table: string, types: Map<string, string>, columns: { column: string; optional?: boolean }[]): Promise<void> {
  for (const { column, optional } of columns) {
    const type = types.get(column);
    if (type === undefined || isDateType(type)) continue;
    const c = qi(column);
    const [row] = toRows<{ present: number; readable: number; sample: string | null }>(
      await engine.query(
        `SELECT count(${c})::DOUBLE AS present, count(TRY_CAST(${c} AS TIMESTAMP))::DOUBLE AS readable, ` +
          `any_value(CAST(${c} AS VARCHAR)) FILTER (WHERE ${c} IS NOT NULL AND TRY_CAST(${c} AS TIMESTAMP) IS NULL) AS sample FROM ${qi(table)}`,
      ),
    );
    if (row.readable > 0) continue;
    if (row.present === 0) {
      if (optional) continue;
      throw new TenureError('analysis.emptyDates', `Column "${column}" is empty: it holds no dates`, { column, params: { column } });
    }
    throw new TenureError('analysis.notDates', `Column "${column}" holds no dates: none of its ${row.present} values could be read as a date (e.g. "${row.sample ?? ''}")`, {
      column,
      params: { column, count: row.present, sample: row.sample ?? '' },
    });
  }
}
