import { z } from 'zod';
import { TenureError } from '../../errors';

/**
 * Loyalty-driver quadrant (importance-performance analysis) settings. Serialisable: saved with a
 * workspace and sent to the CLI/worker as JSON.
 */

/** A scalar that a column may hold: a rating "not applicable" code or an outcome value. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const driverSchema = z.object({
  /** Rating column (numeric, e.g. 1..5). */
  column: z.string().min(1),
  /** Display label; defaults to the column name. */
  label: z.string().min(1).optional(),
  /** Values of this column that mean "not applicable" (treated as missing); overrides spec.missing. */
  missing: z.array(z.union([z.number(), z.string()])).optional(),
  /** Stated-importance column for this driver (method 'stated'). */
  importanceColumn: z.string().min(1).optional(),
});

/**
 * Rating codes that mean "not applicable" unless the user says otherwise: survey exports code an
 * unanswered or irrelevant item as 0 on a 1..5 scale. The same default in the UI, the CLI and decks
 * (all go through this schema); `missing: []` says "every value is a rating".
 */
export const DEFAULT_NOT_APPLICABLE: readonly (number | string)[] = [0];

export const IMPORTANCE_METHODS = ['pearson', 'spearman', 'regression', 'stated'] as const;
export type ImportanceMethod = (typeof IMPORTANCE_METHODS)[number];

export const crosshairSchema = z.discriminatedUnion('type', [
  /** Plain (unweighted) average of the drivers' values. */
  z.object({ type: z.literal('mean') }),
  z.object({ type: z.literal('median') }),
  /**
   * Middle of the rating scale for performance (scale defaults to the lowest and highest valid
   * rating seen); for importance the middle of the drivers' importance range (stated: of the scale).
   */
  z.object({ type: z.literal('midpoint'), scale: z.object({ min: z.number(), max: z.number() }).optional() }),
  z.object({ type: z.literal('custom'), performance: z.number(), importance: z.number() }),
]);
export type CrosshairSpec = z.infer<typeof crosshairSchema>;

export const quadrantSpecSchema = z
  .object({
    table: z.string().min(1),
    drivers: z.array(driverSchema).min(1).max(200),
    /** "Not applicable" codes for every driver; default DEFAULT_NOT_APPLICABLE ([0]). */
    missing: z.array(z.union([z.number(), z.string()])).default(() => [...DEFAULT_NOT_APPLICABLE]),
    /**
     * The outcome importance is measured against. `positive` = the value that means 1 (others 0);
     * without it a numeric/boolean column is used as is. `invert` flips the sign (e.g. churned = 1).
     */
    outcome: z.object({ column: z.string().min(1), positive: scalar.optional(), invert: z.boolean().default(false) }).optional(),
    importance: z.enum(IMPORTANCE_METHODS).default('pearson'),
    crosshair: crosshairSchema.default({ type: 'mean' }),
    /** Optional column: one quadrant per value (NULL values stay in the overall result only). */
    segment: z.string().min(1).optional(),
    /** The user's own SQL condition (placed in parentheses). */
    where: z.string().optional(),
    bootstrap: z
      .object({ resamples: z.number().int().min(10).max(5000).default(200), seed: z.number().int().min(0).max(2 ** 31 - 1).default(1) })
      .optional(),
    /** Which measure runs along the horizontal axis. */
    axes: z.enum(['performance-x', 'importance-x']).default('performance-x'),
  })
  .superRefine((s, ctx) => {
    const cols = s.drivers.map((d) => d.column);
    if (new Set(cols).size !== cols.length) ctx.addIssue({ code: 'custom', path: ['drivers'], message: 'Each driver column may appear only once' });
    if (s.importance === 'stated') {
      if (s.drivers.some((d) => !d.importanceColumn)) ctx.addIssue({ code: 'custom', path: ['drivers'], message: 'Method "stated" needs an importance column for every driver' });
    } else if (!s.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `Method "${s.importance}" needs an outcome column` });
    }
    if (s.crosshair.type === 'midpoint' && s.crosshair.scale && !(s.crosshair.scale.max > s.crosshair.scale.min)) {
      ctx.addIssue({ code: 'custom', path: ['crosshair', 'scale'], message: 'Scale max must be greater than min' });
    }
  });

export type QuadrantSpecInput = z.input<typeof quadrantSpecSchema>;
export type QuadrantSpec = z.output<typeof quadrantSpecSchema>;

/** Validate user input; problems become one TenureError the CLI and UI can show. */
export function parseQuadrantSpec(input: unknown): QuadrantSpec {
  const r = quadrantSpecSchema.safeParse(input);
  if (r.success) return r.data;
  const msg = r.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; ');
  throw new TenureError('quadrant.badSpec', msg, { params: { message: msg } });
}

export function driverLabel(d: { column: string; label?: string }): string {
  return d.label ?? d.column;
}
