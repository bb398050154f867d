import { useTranslation } from 'react-i18next';
import { showSqlInEditor } from './showSql';

/** The settings panel's footer: Run / Run again, and Show SQL once there is a result. */
export function RunActions(props: { hasResult: boolean; running: boolean; onRun(): void; sql: string | null; sqlTitle: string }) {
  const { t } = useTranslation();
  const { hasResult, running, onRun, sql, sqlTitle } = props;
  return (
    <>
      <button type="button" className="button primary" onClick={onRun} disabled={running} data-testid="analysis-run">
        {t(hasResult ? 'export.analysis.rerun' : 'export.analysis.run')}
      </button>
      <button type="button" className="button secondary" disabled={!sql} title={t('export.analysis.showSqlHint')} onClick={() => sql && showSqlInEditor(sql, sqlTitle)} data-testid="analysis-show-sql">
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
