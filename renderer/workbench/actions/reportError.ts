import type { i18n as I18n } from 'i18next';
import { asTenureError } from '../../../shared/errors';
import { useWorkbench } from '../../store/workbenchStore';
import { errorTextKey } from '../../../shared/i18n/errorKey';

/**
 * A failure the user caused or can act on: listed in Problems (with file/line/column) and shown as a
 * notification. The translated `errors.<code>` text is used when there is one, else DuckDB's message.
 */
export function reportError(i18n: I18n, err: unknown, fallbackCode = 'internal'): void {
  const e = asTenureError(err, fallbackCode);
  const key = errorTextKey((k) => i18n.exists(k), e.code);
  const translated = key ? i18n.t(key, { ...e.params, file: e.file, line: e.line, column: e.column, message: e.message }) : e.message;
  const store = useWorkbench.getState();
  store.addProblem({ severity: 'error', code: e.code, message: translated, file: e.file, line: e.line, column: e.column });
  store.notify('error', translated, translated === e.message ? undefined : e.message);
}
