import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';

/** The far-left strip: view switchers on top, the manage (gear) button at the bottom. */
export function ActivityBar() {
  const { t } = useTranslation();
  const sideView = useWorkbench((s) => s.sideView);
  const sidebarVisible = useWorkbench((s) => s.settings.layout.sidebarVisible);
  const toggleSidebar = useWorkbench((s) => s.toggleSidebar);
  const openPalette = useWorkbench((s) => s.openPalette);
  const views = [{ id: 'explorer', icon: 'files', label: t('workbench.explorer.title') }] as const;
  return (
    <nav className="activitybar" aria-label={t('workbench.activityBar')}>
      <div className="activitybar-top">
        {views.map((v) => {
          const active = sideView === v.id && sidebarVisible;
          return (
            <button
              key={v.id}
              type="button"
              className={`activity-item${active ? ' active' : ''}`}
              title={v.label}
              aria-label={v.label}
              aria-pressed={active}
              onClick={() => toggleSidebar(!active)}
            >
              <span className={`codicon codicon-${v.icon}`} aria-hidden />
            </button>
          );
        })}
      </div>
      <div className="activitybar-bottom">
        <button type="button" className="activity-item" title={t('workbench.manage')} aria-label={t('workbench.manage')} onClick={() => openPalette()}>
          <span className="codicon codicon-settings-gear" aria-hidden />
        </button>
      </div>
    </nav>
  );
}
