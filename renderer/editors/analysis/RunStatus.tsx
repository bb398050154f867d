import { useTranslation } from 'react-i18next';
import type { RunState } from './useAnalysisRun';

/** Running (with Cancel), cancelled and failed states, shown above the (possibly stale) results. */
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
  return null;
}
