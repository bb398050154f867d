/**
 * Warnings of an analysis result: the run succeeded, but the answer is empty or degenerate (no events,
 * an event value that never occurs, one cohort…) and a person must be told before trusting it.
 * `code` is the i18n key under `warnings.` (e.g. `survival.noEvents`); `message` is the English text
 * (CLI, logs); `params` fill the translation. Every analysis result carries `warnings` (empty when all is well).
 */
export interface AnalysisWarning {
  code: string;
  message: string;
  params: Record<string, string | number>;
}

export function warning(code: string, message: string, params: Record<string, string | number> = {}): AnalysisWarning {
  return { code, message, params };
}

/** The translation key of a warning. */
export const warningKey = (w: Pick<AnalysisWarning, 'code'>): string => `warnings.${w.code}`;

/** The warnings a result carries (any analysis result; nothing for other values). */
export function warningsOf(result: unknown): AnalysisWarning[] {
  const w = result && typeof result === 'object' ? (result as { warnings?: unknown }).warnings : undefined;
  return Array.isArray(w) ? (w as AnalysisWarning[]) : [];
}

/** Most values a warning lists (then "…"). */
const MAX_LISTED = 10;

/** `"No", "Yes"` or `"a", "b", … (25 values)`: the values a column does hold, for a message. */
export function listValues(values: string[], total = values.length): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => `"${v}"`).join(', ');
  return total > MAX_LISTED ? `${shown}, … (${total})` : shown;
}
