import type { QueryEngine } from '../../engine/QueryEngine';
import { toRows } from '../../engine/arrowRows';
import { qi } from '../../engine/sqlQuote';

/** Never drivers, whatever their values: identifiers, ages, delays and other measures that are not ratings. */
const NOT_RATING = /((^|[^a-z])(id|age|ages|delay|delays|minutes|distance|years?|count|tenure)([^a-z]|$)|编号|年龄|延误|分钟|距离|年份|数量)/i;
/** "CustomerID", "RowId": camel case, so case matters. */
const CAMEL_ID = /[a-z0-9](Id|ID)$/;

/** Whether a column's name rules it out as a rating. */
export function notARatingName(name: string): boolean {
  return NOT_RATING.test(name) || CAMEL_ID.test(name);
}

/**
 * The rating columns of a table: integer values on a 1–5, 0–5 or 1–10 (0–10) scale, as survey
 * exports hold them. One aggregate query over the numeric candidates; ids, ages and delays are
 * never offered even when their values happen to fit.
 */
export async function ratingColumns(engine: QueryEngine, table: string, columns: { name: string; type: string }[]): Promise<string[]> {
  const candidates = columns.filter((c) => /INT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC/i.test(c.type) && !notARatingName(c.name));
  if (!candidates.length) return [];
  const parts = candidates.map((c, i) => {
    const x = `CAST(${qi(c.name)} AS DOUBLE)`;
    return `min(${x}) AS lo${i}, max(${x}) AS hi${i}, bool_and(${x} = floor(${x})) AS int${i}`;
  });
  const [row] = toRows<Record<string, number | boolean | null>>(await engine.query(`SELECT ${parts.join(', ')} FROM ${qi(table)}`));
  return candidates
    .filter((_, i) => {
      const lo = row[`lo${i}`] as number | null;
      const hi = row[`hi${i}`] as number | null;
      if (lo === null || hi === null || row[`int${i}`] !== true) return false;
      return (lo === 0 || lo === 1) && (hi === 5 || hi === 10);
    })
    .map((c) => c.name);
}
