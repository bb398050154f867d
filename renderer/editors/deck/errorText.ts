import type { i18n as I18n } from 'i18next';
import { runError } from '../analysis/useAnalysisRun';

/** A user-facing message for a failure (translated error text when the code has one). */
export function errorText(i18n: I18n, err: unknown): string {
  return runError(i18n, err, 'sql').message;
}
