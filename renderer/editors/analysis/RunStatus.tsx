import { useTranslation } from 'react-i18next';
import type { RunState } from './useAnalysisRun';
import { warningKey, warningsOf } from '../../../shared/analysis/warnings';

/** Running (with Cancel), cancelled and failed states, shown above the (possibly stale) results; else the result's warnings. */
export function RunStatus<R>({ state, onCancel }: { state: RunState<R>; onCancel(): void }) {
  const { t } = useTranslation();
  if (state.status === 'running') {
    return (
      <div className="tn-an-status running" role="status" data-testid="analysis-running">
        <span className="codicon codicon-loading codicon-modifier-spin" aria-hidden />
        <span>{t('export.analysis.running')}</span>
        <button type="button" className="button secondary small" onClick={onCancel} data-testid="analysis-cancel">
          {t('export.analysis.cancel')}
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled') {
    return (
      <div className="tn-an-status" role="status">
        <span className="codicon codicon-circle-slash" aria-hidden />
        <span>{t('export.analysis.cancelled')}</span>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="tn-an-status error" role="alert" data-testid="analysis-error">
        <span className="codicon codicon-error" aria-hidden />
        <div>
          <div className="tn-an-status-title">{t('export.analysis.failed')}</div>
          <div className="tn-an-status-message">{state.error.text ? t(state.error.text.key, state.error.text.params) : state.error.message}</div>
          {state.error.detail && <pre className="tn-an-status-detail">{state.error.detail}</pre>}
        </div>
      </div>
    );
  }
  return <ResultWarnings result={state.result} />;
}

/** The warnings of the shown result (no events, one cohort…): said above it, in the current language. */
export function ResultWarnings({ result }: { result: unknown }) {
  const { t } = useTranslation();
  const warnings = warningsOf(result);
  if (!warnings.length) return null;
  return (
    <div className="tn-an-status warning" role="status" data-testid="analysis-warnings">
      <span className="codicon codicon-warning" aria-hidden />
      <div>
        <div className="tn-an-status-title">{t('export.analysis.warnings')}</div>
        {warnings.map((w, i) => (
          <div key={i} className="tn-an-status-message" data-code={w.code}>
            {t(warningKey(w), { ...w.params, defaultValue: w.message })}
          </div>
        ))}
      </div>
    </div>
  );
}
