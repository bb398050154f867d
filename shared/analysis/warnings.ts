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

/**
 * The warnings a result carries: any analysis result, or an editor's run record wrapping one as
 * `{ result }` (Pareto, quadrant); nothing for other values.
 */
export function warningsOf(result: unknown): AnalysisWarning[] {
  if (!result || typeof result !== 'object') return [];
  const w = (result as { warnings?: unknown }).warnings;
  if (Array.isArray(w)) return w as AnalysisWarning[];
  return 'result' in result ? warningsOf((result as { result: unknown }).result) : [];
}

/** Most values a warning lists (then "…"). */
const MAX_LISTED = 10;

/** `"No", "Yes"` or `"a", "b", … (25 values)`: the values a column does hold, for a message. */
export function listValues(values: string[], total = values.length): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => `"${v}"`).join(', ');
  return total > MAX_LISTED ? `${shown}, … (${total})` : shown;
}

/**
 * Speaker-note lines for a result's warnings (empty when there are none): a presenter must know that a
 * slide shows an empty or degenerate result before showing it. Used by the CLI's and the workbench's decks.
 */
export function warningNotes(result: unknown, t: (key: string, params?: Record<string, unknown>) => string): string {
  const warnings = warningsOf(result);
  return warnings.length ? `${t('export.analysis.warnings')}:\n${warnings.map((w) => `• ${t(warningKey(w), w.params)}`).join('\n')}\n\n` : '';
}
