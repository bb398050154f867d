import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import type { Notice } from '../../store/types';

const AUTO_HIDE_MS = 8000;

/** Toasts in the bottom-right corner; errors stay until closed, information fades after a while. */
export function Notifications() {
  const notices = useWorkbench((s) => s.notices);
  return (
    <div className="notifications" aria-live="polite">
      {notices.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
}

function Toast({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const dismiss = useWorkbench((s) => s.dismiss);
  const showPanel = useWorkbench((s) => s.showPanel);
  useEffect(() => {
    if (notice.severity === 'error') return;
    const timer = setTimeout(() => dismiss(notice.id), AUTO_HIDE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`toast ${notice.severity}`} role={notice.severity === 'error' ? 'alert' : 'status'} data-testid="notification">
      <span className={`codicon codicon-${notice.severity === 'info' ? 'info' : notice.severity} toast-icon`} aria-hidden />
      <div className="toast-body">
        <div className="toast-message">{notice.message}</div>
        {notice.detail && <div className="toast-detail">{notice.detail}</div>}
        {notice.severity === 'error' && (
          <div className="toast-actions">
            <button type="button" className="button secondary small" onClick={() => showPanel('problems')}>
              {t('workbench.notify.showProblems')}
            </button>
          </div>
        )}
      </div>
      <button type="button" className="icon-button toast-close" title={t('common.close')} aria-label={t('common.close')} onClick={() => dismiss(notice.id)}>
        <span className="codicon codicon-close" aria-hidden />
      </button>
    </div>
  );
}
