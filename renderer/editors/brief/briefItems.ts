import type { BriefItem } from '../../../shared/brief/types';
import { useWorkbench } from '../../store/workbenchStore';
import type { LoadedAnalysis } from '../deck/model';

/** The brief's input from the open editors' recomputed analyses: one item per tab (hazard views are the survival's). */
export function briefItems(loaded: Iterable<LoadedAnalysis>): BriefItem[] {
  const out: BriefItem[] = [];
  for (const a of loaded) {
    if (a.result === undefined || a.analysis.kind === 'hazard') continue;
    out.push({ id: a.analysis.tabId, kind: a.analysis.kind, spec: a.analysis.spec, result: a.result });
  }
  return out;
}

/** Bring the editor tab an analysis (a sentence's source) lives in to the front. */
export function revealTab(tabId: string): void {
  const s = useWorkbench.getState();
  const group = s.groups.find((g) => g.tabs.some((x) => x.id === tabId));
  if (group) {
    s.setActiveGroup(group.id);
    s.activateTab(group.id, tabId);
  }
}
