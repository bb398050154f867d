import { z } from 'zod';
import { eventSchema, parseSpec } from '../survival/spec';

/** Churn-reason breakdown settings: among churned customers (one row each), the stated reasons. */
export const reasonsSpecSchema = z.object({
  table: z.string().min(1),
  reason: z.string().min(1),
  /** Which rows are churned customers. */
  event: eventSchema,
  /** Optional breakdown column (e.g. Contract). */
  group: z.string().min(1).optional(),
  where: z.string().optional(),
  /** Reason text → whether the business can act on it; reasons not listed are "untagged". */
  controllable: z.record(z.string(), z.boolean()).default({}),
});

export type ReasonsSpecInput = z.input<typeof reasonsSpecSchema>;
export type ReasonsSpec = z.output<typeof reasonsSpecSchema>;

export function parseReasonsSpec(input: unknown): ReasonsSpec {
  return parseSpec(reasonsSpecSchema, input, 'reasons');
}
