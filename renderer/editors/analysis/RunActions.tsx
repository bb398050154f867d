import { useTranslation } from 'react-i18next';
import { showSqlInEditor } from './showSql';

/**
 * The settings panel's footer: Run / Run again (Cancel while running, when the editor offers it), and
 * Show SQL once there is a result. Every analysis uses it, so the buttons are the same size everywhere
 * (and the size of the SQL editor's Run).
 */
export function RunActions(props: { hasResult: boolean; running: boolean; onRun(): void; sql: string | null; sqlTitle: string; disabled?: boolean; title?: string; onCancel?(): void }) {
  const { t } = useTranslation();
  const { hasResult, running, onRun, sql, sqlTitle } = props;
  return (
    <>
      {running && props.onCancel ? (
        <button type="button" className="button secondary small" onClick={props.onCancel} data-testid="analysis-cancel-side">
          {t('export.analysis.cancel')}
        </button>
      ) : (
        <button type="button" className="button primary small" onClick={onRun} disabled={running || props.disabled} title={props.title} data-testid="analysis-run">
          <span className="codicon codicon-play" aria-hidden />
          {t(hasResult ? 'export.analysis.rerun' : 'export.analysis.run')}
        </button>
      )}
      <button type="button" className="button secondary small" disabled={!sql} title={t('export.analysis.showSqlHint')} onClick={() => sql && showSqlInEditor(sql, sqlTitle)} data-testid="analysis-show-sql">
        {t('export.analysis.showSql')}
      </button>
    </>
  );
}

/** Spec problems (missing column, no churn value …) shown once the user has tried to run. */
export function FormProblems(props: { show: boolean; problems: { key: string }[] }) {
  const { t } = useTranslation();
  if (!props.show || props.problems.length === 0) return null;
  return (
    <div className="tn-an-status error" role="alert">
      <span className="codicon codicon-warning" aria-hidden />
      <div>{props.problems.map((p) => t(p.key)).join(' ')}</div>
    </div>
  );
}
