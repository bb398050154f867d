import { useTranslation } from 'react-i18next';
import { useServices } from '../workbench/services';
import { useWorkbench } from '../store/workbenchStore';
import { reportError } from '../workbench/actions/reportError';
import { openStudyFile, openStudyFromHost } from './openStudy';
import { restoreSession } from './session';
import { useStudy } from './studyStore';
import './study.css';

/** Welcome page: "Restore the last session" after a crash, and the recent studies. */
export function RestoreBanner() {
  const { t } = useTranslation();
  const services = useServices();
  const recovery = useStudy((s) => s.recovery);
  if (!recovery) return null;
  return (
    <div className="tn-study-restore" role="status" data-testid="restore-banner">
      <span className="codicon codicon-history" aria-hidden />
      <span>{t('workbench.study.restoreTitle')}</span>
      <button type="button" className="button primary small" onClick={() => void restoreSession(services, recovery)} data-testid="restore-session">
        {t('workbench.study.restore')}
      </button>
      <button type="button" className="button secondary small" onClick={() => useStudy.getState().set({ recovery: null })}>
        {t('workbench.study.dismiss')}
      </button>
    </div>
  );
}

export function RecentStudies() {
  const { t } = useTranslation();
  const services = useServices();
  const recent = useStudy((s) => s.recent);
  const open = async (name: string, path: string | null) => {
    const file = path ? await services.host.openRecent(path).catch((err: unknown) => (reportError(services.i18n, err), null)) : null;
    if (file) return openStudyFile(services, file);
    // A browser cannot reopen a file by name: say so and show the chooser.
    useWorkbench.getState().notify('info', t('workbench.study.reopenInBrowser', { file: name }));
    return openStudyFromHost(services);
  };
  return (
    <>
      <h2>{t('workbench.study.recent')}</h2>
      {recent.length === 0 ? (
        <p className="welcome-muted">{t('workbench.study.noRecent')}</p>
      ) : (
        <ul className="welcome-links welcome-recent" data-testid="recent-studies">
          {recent.map((r) => (
            <li key={r.path ?? r.name}>
              <button type="button" className="link-button" title={r.path ?? r.name} onClick={() => void open(r.name, r.path)}>
                <span className="codicon codicon-notebook" aria-hidden />
                <span>{r.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
