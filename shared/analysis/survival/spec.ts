import { z } from 'zod';
import { TenureError } from '../../errors';
import { CONF_TYPES } from './km';
import { P_ADJUST } from '../../stats/pAdjust';

/** Churn-time (Kaplan-Meier) settings. Serialisable: saved with a workspace, sent to the CLI as JSON. */

const eventValue = z.union([z.string(), z.number(), z.boolean()]);

export const eventSchema = z.object({
  column: z.string().min(1),
  /** The values that mean churned (e.g. "Yes", 1, true, "流失"). */
  values: z.array(eventValue).min(1),
});
export type EventSpec = z.infer<typeof eventSchema>;

export const DATE_UNITS = ['days', 'weeks', 'months'] as const;
export type DateUnit = (typeof DATE_UNITS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const timeSchema = z.discriminatedUnion('kind', [
  /** A numeric follow-up column (e.g. tenure in months); `unit` is only a label. */
  z.object({ kind: z.literal('duration'), column: z.string().min(1), unit: z.string().min(1).default('months') }),
  /**
   * Start and end dates; an empty end means still active, censored at `asOf` (default: the latest
   * date in the data). Durations in whole days, days / 7, or completed calendar months.
   */
  z.object({
    kind: z.literal('dates'),
    start: z.string().min(1),
    end: z.string().min(1),
    unit: z.enum(DATE_UNITS).default('months'),
    asOf: isoDate.optional(),
  }),
]);
export type TimeSpec = z.infer<typeof timeSchema>;

/**
 * What each churned row left for (competing causes): a column (e.g. the stated reason), the reasons
 * editor's controllable / not controllable tags of a reason column, or the user's SQL expression.
 */
export const causeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), column: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('sql'), sql: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('tags'), column: z.string().min(1), controllable: z.record(z.string(), z.boolean()) }).strict(),
]);
export type CauseSpec = z.infer<typeof causeSchema>;

/** At most this many curves (groups) or causes: more is refused with the count, before any per-group work. */
export const MAX_GROUPS = 20;

export const survivalSpecSchema = z
  .object({
    table: z.string().min(1),
    time: timeSchema,
    /** Required with a duration; with dates it defaults to "end date is filled in". */
    event: eventSchema.optional(),
    /** One curve per value of this column (rows with an empty group are left out and counted). */
    group: z.string().min(1).optional(),
    /**
     * The group column lives in another table (e.g. saved Pareto classes): its `key` column is matched
     * to this table's `on` column (compared as text; a key listed twice counts once).
     */
    groupFrom: z.object({ table: z.string().min(1), key: z.string().min(1), on: z.string().min(1) }).strict().optional(),
    /** The user's own SQL condition (placed in parentheses). */
    where: z.string().optional(),
    confType: z.enum(CONF_TYPES).default('log'),
    confLevel: z.number().gt(0).lt(1).default(0.95),
    /** Times for the survival-at table; default 1, 3, 6, 12, then every 12 (per unit, see defaults). */
    horizons: z.array(z.number().nonnegative()).max(200).optional(),
    /** Restriction time of the restricted mean; default the longest follow-up. */
    rmeanTau: z.number().positive().optional(),
    /** Interval width of the hazard table; default a round width giving at most ~36 intervals. */
    hazardWidth: z.number().positive().optional(),
    /** Adjustment of the pairwise log-rank p values (default Holm). */
    pairwise: z.enum(P_ADJUST).optional(),
    /** τ of the RMST comparison; default the largest time every group reaches. */
    rmstTau: z.number().positive().optional(),
    /** Competing causes: cumulative incidence per cause (Aalen-Johansen). */
    cause: causeSchema.optional(),
    /** A numeric group column cut into this many quantile bands (4 = quartiles). */
    bands: z.number().int().min(2).max(MAX_GROUPS).optional(),
  })
  .refine((s) => s.event !== undefined || s.time.kind === 'dates', { message: 'an event column is required with a duration column', path: ['event'] })
  .refine((s) => !s.groupFrom || s.group !== undefined, { message: 'groupFrom needs the group column of that table', path: ['group'] })
  .refine((s) => s.bands === undefined || s.group !== undefined, { message: 'bands needs a group column', path: ['bands'] });

export type SurvivalSpecInput = z.input<typeof survivalSpecSchema>;
export type SurvivalSpec = z.output<typeof survivalSpecSchema>;

/** Parse a spec, turning validation problems into one user-facing error. */
export function parseSpec<T extends z.ZodType>(schema: T, input: unknown, area: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const msg = r.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ');
  throw new TenureError('analysis.badSpec', `Invalid ${area} settings: ${msg}`, { params: { area } });
}

export function parseSurvivalSpec(input: unknown): SurvivalSpec {
  return parseSpec(survivalSpecSchema, input, 'survival');
}

/** The unit the time axis is measured in (a label for durations). */
export function timeUnit(spec: SurvivalSpec): string {
  return spec.time.unit;
}
