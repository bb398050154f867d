import { z } from 'zod';
import { parseSpec } from '../survival/spec';

export const PERIODS = ['month', 'quarter', 'week'] as const;
export type Period = (typeof PERIODS)[number];

/** Cohort retention settings: an activity table (one row per purchase/visit). Serialisable. */
export const cohortSpecSchema = z.object({
  table: z.string().min(1),
  customer: z.string().min(1),
  /** Activity date (DATE, TIMESTAMP or ISO text). */
  date: z.string().min(1),
  period: z.enum(PERIODS).default('month'),
  /** The user's own SQL value per row (e.g. "Quantity" * "UnitPrice"), summed per cohort and offset. */
  valueExpr: z.string().min(1).optional(),
  /** The user's own SQL condition (placed in parentheses). */
  where: z.string().optional(),
  /** Count a partial last period (the data end inside it) in the averages; off by default. */
  includePartial: z.boolean().default(false),
});

export type CohortSpecInput = z.input<typeof cohortSpecSchema>;
export type CohortSpec = z.output<typeof cohortSpecSchema>;

export function parseCohortSpec(input: unknown): CohortSpec {
  return parseSpec(cohortSpecSchema, input, 'cohort');
}
