import { z } from 'zod';
import { TenureError } from '../errors';

/**
 * Per-column filters of a data grid, as data: the grid keeps a list of them, ANDs them together
 * and runs them as SQL on the engine (filterSql.ts). Serialisable, so a tab or a study can keep them.
 */

/** A calendar date, or a date and time (24 h), as the date inputs and the chips write it. */
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/, 'expected YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]');

export const GridFilterSchema = z.discriminatedUnion('kind', [
  /** Text as DuckDB prints the value: contains (case-insensitive) or equals (exact). */
  z.object({ kind: z.literal('text'), column: z.string().min(1), op: z.enum(['contains', 'equals']), value: z.string() }),
  /** A numeric range; either end may be open; both ends inclusive. */
  z.object({ kind: z.literal('number'), column: z.string().min(1), min: z.number().finite().nullable(), max: z.number().finite().nullable() }),
  /** A date range on a DATE or TIMESTAMP column; a date-only end covers that whole day. */
  z.object({ kind: z.literal('date'), column: z.string().min(1), from: dateText.nullable(), to: dateText.nullable() }),
  /** Only the empty (NULL) values, or only the non-empty ones. */
  z.object({ kind: z.literal('null'), column: z.string().min(1), isNull: z.boolean() }),
  /** One of these values (as text, e.g. picked from the column's most frequent values); `nulls` adds NULL. */
  z.object({ kind: z.literal('values'), column: z.string().min(1), values: z.array(z.string()).max(1000), nulls: z.boolean().optional() }),
]);

export type GridFilter = z.infer<typeof GridFilterSchema>;
export type GridFilterKind = GridFilter['kind'];

export const GridFiltersSchema = z.array(GridFilterSchema).max(200);

/** Validate filters read from a tab, a study or the CLI; a specific error names the bad entry. */
export function parseGridFilters(value: unknown): GridFilter[] {
  const r = GridFiltersSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new TenureError('gridFilterInvalid', `Grid filter ${issue.path.join('.')}: ${issue.message}`, { params: { path: issue.path.join('.'), message: issue.message } });
}

/** A filter that filters nothing (an empty text, an open range) is left out rather than kept as a chip. */
export function isEffective(f: GridFilter): boolean {
  switch (f.kind) {
    case 'text':
      return f.value.length > 0;
    case 'number':
      return f.min !== null || f.max !== null;
    case 'date':
      return f.from !== null || f.to !== null;
    case 'null':
      return true;
    case 'values':
      return f.values.length > 0 || !!f.nulls;
  }
}

/**
 * The range a column's filter card offers: numbers, dates (DATE and zone-less TIMESTAMPs; comparing
 * a TIMESTAMP WITH TIME ZONE needs the ICU extension, absent in the browser) or text.
 */
export function rangeKindFor(type: string): 'number' | 'date' | 'text' {
  const t = type.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/.test(t)) return 'number';
  if (/^(DATE|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|DATETIME)$/.test(t)) return 'date';
  return 'text';
}
