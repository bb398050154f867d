import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../shared/host/HostApi';
import { commandById } from '../../../shared/commands/commandList';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { useCommands } from '../../workbench/useCommands';
import { formatBinding } from '../../workbench/keybindings';
import { fileSourceMeta, importSource } from '../../workbench/actions/openFiles';
import { fileSourceFromHost } from '../../host/fileSource';
import { useWorkbench } from '../../store/workbenchStore';
import { RecentStudies, RestoreBanner } from '../../study/WelcomeStudies';

/** The start page: open a file or the sample, recent files, and what Tenure answers. */
export function WelcomeEditor({ visible }: EditorProps) {
  const { t } = useTranslation();
  const services = useServices();
  const { host } = services;
  const { run } = useCommands();
  const [recents, setRecents] = useState<RecentFile[]>([]);
  const hasTable = useWorkbench((s) => s.sources.some((x) => x.tables.length > 0));

  useEffect(() => {
    // Studies have their own list (Recent studies); this one is data files.
    if (visible) void host.recentFiles().then((r) => setRecents(r.filter((x) => !/\.tenure$/i.test(x.name)))).catch(() => setRecents([]));
  }, [host, visible]);

  const openRecent = async (r: RecentFile) => {
    const file = await host.openRecent(r.path).catch(() => null);
    if (file) {
      await importSource(services, fileSourceFromHost(host, file), fileSourceMeta(file.name, file.path));
      return;
    }
    // Browsers cannot reopen a file by name: say so and offer the chooser again.
    useWorkbench.getState().notify('info', t('workbench.welcome.reopenInBrowser', { file: r.name }));
    run('file.open');
  };

  const start: { id: string; icon: string; label: string }[] = [
    { id: 'file.open', icon: 'folder-opened', label: t('workbench.welcome.openFile') },
    { id: 'study.open', icon: 'notebook', label: t('workbench.cmd.openStudy') },
    { id: 'file.openSample', icon: 'database', label: t('workbench.welcome.openSample') },
    { id: 'sql.newEditor', icon: 'new-file', label: t('workbench.welcome.newSql') },
  ];

  return (
    <div className="welcome">
      <div className="welcome-inner">
        <header className="welcome-header">
          <h1>{t('common.appName')}</h1>
          <p className="welcome-subtitle">{t('workbench.welcome.subtitle')}</p>
        </header>
        <RestoreBanner />
        <div className="welcome-columns">
          <section className="welcome-section">
            <h2>{t('workbench.welcome.start')}</h2>
            <ul className="welcome-links">
              {start.map((s) => {
                const kb = commandById(s.id)?.keybinding;
                return (
                  <li key={s.id}>
                    <button type="button" className="link-button" data-command={s.id} onClick={() => run(s.id)}>
                      <span className={`codicon codicon-${s.icon}`} aria-hidden />
                      <span>{s.label}</span>
                    </button>
                    {kb && <kbd className="welcome-kbd">{formatBinding(kb)}</kbd>}
                  </li>
                );
              })}
            </ul>
            <h2>{t('workbench.welcome.recent')}</h2>
            {recents.length === 0 ? (
              <p className="welcome-muted">{t('workbench.welcome.noRecent')}</p>
            ) : (
              <ul className="welcome-links welcome-recent">
                {recents.map((r) => (
                  <li key={r.path}>
                    <button type="button" className="link-button" title={r.path} onClick={() => void openRecent(r)}>
                      <span className="codicon codicon-file" aria-hidden />
                      <span>{r.name}</span>
                    </button>
                    <span className="welcome-muted welcome-path">{r.path === r.name ? '' : r.path}</span>
                  </li>
                ))}
              </ul>
            )}
            <RecentStudies />
          </section>
          <section className="welcome-section">
            <h2>{t('workbench.welcome.analyses')}</h2>
            <ul className="welcome-cards">
              {(['pareto', 'survival', 'cohort', 'reasons', 'quadrant'] as const).map((k) => (
                <li key={k}>
                  {/* A card acts: it opens its analysis on the current table, or asks for a file first. */}
                  <button type="button" className="welcome-card" data-command={`analysis.${k}`} onClick={() => run(hasTable ? `analysis.${k}` : 'file.open')}>
                    <span className={`codicon codicon-${CARD_ICONS[k]}`} aria-hidden />
                    <div>
                      <div className="welcome-card-title">{t(`workbench.welcome.card.${k}.title`)}</div>
                      <div className="welcome-muted">{t(`workbench.welcome.card.${k}.body`)}</div>
                    </div>
                  </button>
                </li>
              ))}
            </ul>
            <p className="welcome-muted welcome-tip">
              {t('workbench.welcome.paletteTip', { keys: formatBinding(commandById('workbench.commandPalette')?.keybinding ?? 'Mod+Shift+P') })}
            </p>
          </section>
        </div>
      </div>
    </div>
  );
}

const CARD_ICONS = { pareto: 'graph', survival: 'pulse', cohort: 'table', reasons: 'comment-discussion', quadrant: 'layout' } as const;
