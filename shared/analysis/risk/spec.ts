import { z } from 'zod';
import { eventSchema, parseSpec, timeSchema } from '../survival/spec';
import { ParetoValueSchema } from '../pareto/spec';

/**
 * Value at risk and the call list: for every active customer, the chance of churning within `horizon`
 * given the tenure reached, times the customer's value. Serialisable (saved with the workbench, sent to
 * the CLI, re-run by studies).
 */

/** Where the A/B/C classes come from. */
export const riskClassesSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** A saved table (e.g. the Pareto editor's "Save classes as table"): `key` matched to the customer id as text. */
  z.object({ kind: z.literal('table'), table: z.string().min(1), key: z.string().min(1), column: z.string().min(1) }),
  /** Computed here: the Pareto of this per-customer value with the usual ABC rule (shared/analysis/pareto). */
  z.object({ kind: z.literal('pareto'), value: ParetoValueSchema, a: z.number().gt(0).lt(1).default(0.8), b: z.number().gt(0).lte(1).default(0.95) }),
]);
export type RiskClasses = z.output<typeof riskClassesSchema>;

/**
 * The survival model behind p. KM: the Kaplan-Meier curve of the customer's segment. Cox: the study's Cox
 * model (issue 13), predicted survival for each customer's covariates; `spec` is that Cox analysis' spec.
 */
export const riskModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('km') }),
  z.object({ kind: z.literal('cox'), spec: z.record(z.string(), z.unknown()) }),
]);
export type RiskModel = z.output<typeof riskModelSchema>;

/** Retention economics inputs (the seed's "keeping costs 1/5–1/10 of winning" rule as a calculator). */
export const economicsInputSchema = z.object({
  /** Cost of winning one new customer. */
  acquisitionCost: z.number().nonnegative().default(500),
  /** Cost of one retention action (call, offer) per contacted customer. */
  actionCost: z.number().nonnegative().default(50),
  /** Share of the contacted customers who would have left and whom the action keeps. */
  saveRate: z.number().min(0).max(1).default(0.25),
  /** How many accounts from the top of the call list are contacted. */
  contacts: z.number().int().positive().default(100),
});
export type EconomicsInput = z.output<typeof economicsInputSchema>;

export const riskSpecSchema = z.object({
  table: z.string().min(1),
  /** One row per customer: its id column. */
  customer: z.string().min(1),
  time: timeSchema,
  event: eventSchema,
  /** One KM curve per value of this column (e.g. Contract); none = one curve for everyone. */
  segment: z.string().min(1).optional(),
  /** Value per customer: a column, or the user's own SQL expression (e.g. "MonthlyCharges" * 12). */
  value: ParetoValueSchema,
  /** The user's own SQL condition (placed in parentheses). */
  where: z.string().optional(),
  horizon: z.number().positive(),
  /** A customer is scored only while the segment still has this many customers at risk at t + h. */
  minAtRisk: z.number().int().nonnegative().default(20),
  classes: riskClassesSchema.default({ kind: 'none' }),
  model: riskModelSchema.default({ kind: 'km' }),
  /** Call list order: A-class first (then B, C, unclassified), each by expected loss. */
  aFirst: z.boolean().default(false),
  /** Rows of the call list kept in the result (the full list is a query). */
  top: z.number().int().positive().max(10_000).default(25),
  /** Interval width of the hazard that gives each account's call window; default as the survival analysis. */
  hazardWidth: z.number().positive().optional(),
  economics: economicsInputSchema.default({ acquisitionCost: 500, actionCost: 50, saveRate: 0.25, contacts: 100 }),
});

export type RiskSpecInput = z.input<typeof riskSpecSchema>;
export type RiskSpec = z.output<typeof riskSpecSchema>;

export function parseRiskSpec(input: unknown): RiskSpec {
  return parseSpec(riskSpecSchema, input, 'value at risk');
}
