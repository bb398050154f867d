import { z } from 'zod';
import { eventSchema, parseSpec, timeSchema } from '../survival/spec';

/**
 * Cox proportional hazards settings. Serialisable (saved with the workbench and studies, sent to the
 * CLI). Time and event read exactly as the Kaplan-Meier analysis reads them.
 */
export const COX_TIES = ['efron', 'breslow'] as const;

const profileValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A covariate profile to predict survival for ("month-to-month, fibre, 95 a month"). */
export const coxProfileSchema = z.object({
  name: z.string().optional(),
  values: z.record(z.string(), profileValue),
});
export type CoxProfile = z.output<typeof coxProfileSchema>;

export const coxSpecSchema = z
  .object({
    table: z.string().min(1),
    time: timeSchema,
    /** Required with a duration; with dates it defaults to "end date is filled in". */
    event: eventSchema.optional(),
    /** Text columns enter as treatment-coded dummies, numeric columns as they are. */
    covariates: z.array(z.string().min(1)).min(1).max(40),
    /**
     * Reference level per text column. Default: the first value in sorted (code-point) order,
     * R's default for a factor (`Month-to-month` for Contract).
     */
    references: z.record(z.string(), z.string()).default({}),
    ties: z.enum(COX_TIES).default('efron'),
    /** The user's own SQL condition (placed in parentheses). */
    where: z.string().optional(),
    profiles: z.array(coxProfileSchema).max(20).default([]),
    /** Times for the predicted-survival table; default as the survival analysis' horizons. */
    times: z.array(z.number().nonnegative()).max(100).optional(),
  })
  .refine((s) => s.event !== undefined || s.time.kind === 'dates', { message: 'an event column is required with a duration column', path: ['event'] });

export type CoxSpecInput = z.input<typeof coxSpecSchema>;
export type CoxSpec = z.output<typeof coxSpecSchema>;

export function parseCoxSpec(input: unknown): CoxSpec {
  return parseSpec(coxSpecSchema, input, 'Cox');
}

/** A profile's display name: its own, or its values ("Contract = One year, MonthlyCharges = 60"). */
export function profileName(p: CoxProfile): string {
  return p.name?.trim() || Object.entries(p.values).map(([k, v]) => `${k} = ${v}`).join(', ');
}

/** R's default reference level: the first in sorted order. */
export function defaultReference(levels: string[]): string {
  return [...levels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];
}
