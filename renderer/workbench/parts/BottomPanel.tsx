import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DataGrid, type GridInfo } from '../../editors/grid/DataGrid';
import { useWorkbench } from '../../store/workbenchStore';
import type { PanelTab } from '../../store/layoutSlice';
import { useServices } from '../services';
import { formatBinding } from '../keybindings';
import { LogView } from './LogView';
import { ProblemsView } from './ProblemsView';

/** Results (last SQL result in a grid), Problems (import and SQL errors), Log (every statement). */
export function BottomPanel() {
  const { t } = useTranslation();
  const panelTab = useWorkbench((s) => s.panelTab);
  const problems = useWorkbench((s) => s.problems.length);
  const { showPanel, togglePanel, clearLog, clearProblems } = useWorkbench.getState();
  const tabs: { id: PanelTab; label: string; badge?: number }[] = [
    { id: 'results', label: t('workbench.panel.results') },
    { id: 'problems', label: t('workbench.panel.problems'), badge: problems || undefined },
    { id: 'log', label: t('workbench.panel.log') },
  ];
  return (
    <section className="panel" data-testid="bottom-panel">
      <div className="panel-header">
        <div className="panel-tabs" role="tablist">
          {tabs.map((tb) => (
            <button key={tb.id} type="button" role="tab" aria-selected={panelTab === tb.id} className={`panel-tab${panelTab === tb.id ? ' active' : ''}`} data-panel-tab={tb.id} onClick={() => showPanel(tb.id)}>
              {tb.label}
              {tb.badge !== undefined && <span className="badge">{tb.badge}</span>}
            </button>
          ))}
        </div>
        <div className="panel-actions">
          {panelTab !== 'results' && (
            <button type="button" className="icon-button" title={t('workbench.panel.clear')} onClick={() => (panelTab === 'log' ? clearLog() : clearProblems())}>
              <span className="codicon codicon-clear-all" aria-hidden />
            </button>
          )}
          <button type="button" className="icon-button" title={t('workbench.panel.hide')} onClick={() => togglePanel(false)}>
            <span className="codicon codicon-close" aria-hidden />
          </button>
        </div>
      </div>
      <div className="panel-body">
        {panelTab === 'results' && <ResultsView />}
        {panelTab === 'problems' && <ProblemsView />}
        {panelTab === 'log' && <LogView />}
      </div>
    </section>
  );
}

function ResultsView() {
  const { t } = useTranslation();
  const { engine } = useServices();
  const result = useWorkbench((s) => s.result);
  const setGridInfo = useWorkbench((s) => s.setGridInfo);
  const onInfo = useCallback((i: GridInfo) => setGridInfo('results', i), [setGridInfo]);
  if (!result) return <div className="panel-empty">{t('workbench.panel.noResults', { keys: formatBinding('Mod+Enter') })}</div>;
  return (
    <div className="editor-fill" data-testid="results">
      <DataGrid key={result.runId} engine={engine} source={result.source} onInfo={onInfo} />
    </div>
  );
}
