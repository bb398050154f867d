import { z } from 'zod';
import { TenureError } from '../../errors';

/** A threshold share in (0, 1] with at most 6 decimals, so it can be compared exactly as p / 10^6. */
const threshold = z
  .number()
  .gt(0)
  .lte(1)
  .refine((x) => Math.abs(Math.round(x * 1e6) - x * 1e6) < 1e-6, { message: 'at most 6 decimals' });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/, 'expected YYYY-MM-DD');

/** The value per transaction row: a column, or the user's own SQL expression (e.g. `Quantity * UnitPrice`). */
export const ParetoValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1) }),
  /** label: the "Name in charts" of an expression (e.g. Revenue), used by charts, headline and deck. */
  z.object({ kind: z.literal('expr'), sql: z.string().min(1), label: z.string().min(1).optional() }),
]);

export const ParetoPeriodSchema = z.discriminatedUnion('kind', [
  /** The last N months before the latest date in the (filtered) data. */
  z.object({ kind: z.literal('lastMonths'), months: z.number().int().positive().max(1200) }),
  /** From and to are inclusive calendar dates; either may be open. */
  z.object({ kind: z.literal('range'), from: isoDate.optional(), to: isoDate.optional() }),
]);

export const ParetoSpecSchema = z
  .object({
    table: z.string().min(1),
    /** Customer id column; null = each row is one customer, id = its 1-based row number (files without ids). */
    customer: z.string().min(1).nullable(),
    value: ParetoValueSchema,
    /** The user's own SQL condition, applied to rows before aggregation. */
    where: z.string().optional(),
    date: z.object({ column: z.string().min(1), period: ParetoPeriodSchema }).optional(),
    /** Customer-level attribute to break the result down by (e.g. Contract). */
    group: z.string().min(1).optional(),
    a: threshold.default(0.8),
    b: threshold.default(0.95),
    /** Keep customers whose total is 0 or negative (the golden convention keeps zeros). */
    keepNonPositive: z.boolean().default(true),
    chart: z.object({ bins: z.number().int().min(10).max(1000).default(100) }).default({ bins: 100 }),
  })
  .refine((s) => s.a < s.b, { message: 'threshold a must be below b', path: ['b'] });

export type ParetoSpec = z.output<typeof ParetoSpecSchema>;
export type ParetoSpecInput = z.input<typeof ParetoSpecSchema>;
export type ParetoValue = z.output<typeof ParetoValueSchema>;
export type ParetoPeriod = z.output<typeof ParetoPeriodSchema>;

/** Validate and fill defaults; a bad spec is the user's error (which field, and why). */
export function parseParetoSpec(input: ParetoSpecInput): ParetoSpec {
  const r = ParetoSpecSchema.safeParse(input);
  if (r.success) return r.data;
  const msg = r.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ');
  throw new TenureError('pareto.badSpec', `Invalid Pareto settings: ${msg}`, { params: { issues: r.error.issues.map((i) => i.path.join('.')) } });
}

/** Thresholds as exact fractions p / THRESHOLD_DENOM (the boundary comparison never uses floats). */
export const THRESHOLD_DENOM = 1_000_000;
export function thresholdNumerator(x: number): number {
  return Math.round(x * THRESHOLD_DENOM);
}
