import { qi } from '../../shared/engine/sqlQuote';
import { allTables } from '../store/sourcesSlice';
import { useWorkbench } from '../store/workbenchStore';
import { useAnalysisRuns } from '../store/analysisRuns';
import { refreshCatalog } from '../workbench/actions/catalog';
import type { WorkbenchServices } from '../workbench/services';
import { confirmDiscard } from './openStudy';
import { clearOffered } from './preparedRuns';
import { useStudy } from './studyStore';
import { sqlRecipes } from '../engine/rebuildSources';

/**
 * File → Close Study: asks first when there are unsaved changes, then leaves an empty workbench — the
 * editors, their results, the study's tables and its deck and notes go; the data files are untouched.
 */
export async function closeStudy(services: WorkbenchServices): Promise<boolean> {
  if (!(await confirmDiscard(services))) return false;
  const wb = useWorkbench.getState();
  useAnalysisRuns.getState().clear();
  clearOffered();
  wb.resetEditors();
  wb.clearProblems();
  // Imported files, saved Pareto classes and tables made in SQL alike: the next study starts clean.
  for (const table of allTables(wb.sources)) {
    await services.engine.query(`DROP TABLE IF EXISTS ${qi(table.name)}`).catch(() => services.engine.query(`DROP VIEW IF EXISTS ${qi(table.name)}`).catch(() => undefined));
  }
  useWorkbench.setState({ sources: [], lastTable: null });
  sqlRecipes.clear();
  await refreshCatalog(services.engine).catch(() => undefined);
  useStudy.getState().set({ file: null, savedText: null, dirty: false, dirtyTabs: [], derived: [], notes: {}, deck: null });
  // What was discarded is not offered as "Restore the last session".
  await services.host.saveSession?.(JSON.stringify({ kind: 'tenure-session', at: Date.now(), file: null, dirty: false, study: null })).catch(() => undefined);
  wb.openEditor({ id: 'welcome', kind: 'welcome', data: {} });
  return true;
}
