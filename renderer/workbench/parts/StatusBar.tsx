import { useTranslation } from 'react-i18next';
import { activeTab } from '../../store/editorsSlice';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import { currentTable } from '../commands';
import { formatMs } from './LogView';

/** Engine state, problems, a running task on the left; table, rows, last query time, language on the right. */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const engineState = useWorkbench((s) => s.engineState);
  const engineError = useWorkbench((s) => s.engineError);
  const engineInfo = useWorkbench((s) => s.engineInfo);
  const problems = useWorkbench((s) => s.problems);
  const task = useWorkbench((s) => s.tasks[0]);
  const lastQueryMs = useWorkbench((s) => s.lastQueryMs);
  const table = useWorkbench((s) => currentTable(s));
  const info = useWorkbench((s) => allTables(s.sources).find((x) => x.name === table));
  const tab = useWorkbench((s) => activeTab(s));
  const resultInfo = useWorkbench((s) => (tab?.kind === 'sql' ? s.gridInfo.results : undefined));
  // The active grid's filtered count replaces the table's (or the result's) row count.
  const filtered = useWorkbench((s) => {
    const g = tab ? s.gridInfo[tab.kind === 'sql' ? 'results' : tab.id] : undefined;
    return g?.filtered && g.total !== undefined ? g : undefined;
  });
  const { showPanel, openPalette } = useWorkbench.getState();
  const fmt = (n: number) => n.toLocaleString(i18n.language);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const engineIcon = engineState === 'busy' || engineState === 'starting' ? 'loading codicon-modifier-spin' : engineState === 'error' ? 'error' : 'database';

  return (
    <footer className={`statusbar${engineState === 'error' ? ' error' : ''}`} data-testid="statusbar">
      <div className="statusbar-left">
        <span
          className="status-item"
          data-testid="engine-state"
          data-state={engineState}
          data-engine={engineInfo?.kind}
          title={engineError ?? (engineInfo?.kind === 'native' ? t('workbench.status.engineTooltipNative', { threads: engineInfo.threads, memory: engineInfo.memoryLimit }) : t('workbench.status.engineTooltip'))}
        >
          <span className={`codicon codicon-${engineIcon}`} aria-hidden />
          {engineState === 'ready' && engineInfo
            ? t(`workbench.status.engineKind.${engineInfo.kind}`, { threads: engineInfo.threads })
            : t(`workbench.status.engine.${engineState}`)}
        </span>
        <button type="button" className="status-item" onClick={() => showPanel('problems')} title={t('workbench.panel.problems')}>
          <span className="codicon codicon-error" aria-hidden />
          {errors}
          <span className="codicon codicon-warning" aria-hidden />
          {warnings}
        </button>
        {task && (
          <span className="status-item">
            <span className="codicon codicon-sync codicon-modifier-spin" aria-hidden />
            {task.label}
          </span>
        )}
      </div>
      <div className="statusbar-right">
        {filtered && (
          <span className="status-item" data-testid="status-filtered" title={t('workbench.status.filteredHint')}>
            <span className="codicon codicon-filter" aria-hidden />
            {t('workbench.status.filteredRows', { count: filtered.total, shown: fmt(filtered.rows), total: fmt(filtered.total!) })}
          </span>
        )}
        {resultInfo && !filtered && (
          <span className="status-item" data-testid="status-result">
            {t('workbench.status.resultRows', { count: resultInfo.rows, formatted: fmt(resultInfo.rows) })}
          </span>
        )}
        {table && (
          <span className="status-item" data-testid="status-table" title={t('workbench.status.activeTable')}>
            <span className="codicon codicon-table" aria-hidden />
            {table}
          </span>
        )}
        {info && !filtered && (
          <span className="status-item" data-testid="status-rows">
            {t('workbench.status.rows', { count: info.rows, formatted: fmt(info.rows) })}
            {' · '}
            {t('workbench.status.columns', { count: info.columns.length })}
          </span>
        )}
        {lastQueryMs !== null && (
          <button type="button" className="status-item" data-testid="status-query-time" title={t('workbench.status.lastQuery')} onClick={() => showPanel('log')}>
            <span className="codicon codicon-clock" aria-hidden />
            {formatMs(lastQueryMs)}
          </button>
        )}
        <button type="button" className="status-item" onClick={() => openPalette(t('workbench.cat.preferences'))} title={t('workbench.status.language')}>
          <span className="codicon codicon-globe" aria-hidden />
          {i18n.language === 'zh-CN' ? '简体中文' : 'English'}
        </button>
      </div>
    </footer>
  );
}
