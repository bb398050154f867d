import { useWorkbench } from '../../store/workbenchStore';
import { useContextMenu, type MenuEntry } from '../contextMenu';
import { editorFor } from '../editorRegistry';
import { tabDescription, tabTitle } from './tabTitle';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The entries of a group's "Show Opened Editors" list: every tab, the active one checked. */
export function openedEditorEntries(groupId: string, t: T): MenuEntry[] {
  const s = useWorkbench.getState();
  const group = s.groups.find((g) => g.id === groupId);
  if (!group) return [];
  return group.tabs.map((tab) => ({
    id: `opened-${tab.id}`,
    label: tabTitle(tab, t),
    description: tabDescription(tab) ?? undefined,
    icon: editorFor(tab.kind)?.icon ?? 'file',
    checked: tab.id === group.activeTabId,
    run: () => useWorkbench.getState().activateTab(group.id, tab.id),
  }));
}

/** Open the list under the group's chevron (VS Code's "Show Opened Editors" in a crowded tab strip). */
export function showOpenedEditors(groupId: string, t: T): void {
  const entries = openedEditorEntries(groupId, t);
  if (!entries.length) return;
  const anchor = document.querySelector(`.editor-group[data-group="${CSS.escape(groupId)}"] .tabs`);
  const r = anchor?.getBoundingClientRect();
  const menuWidth = 320;
  useContextMenu.getState().show({ x: r ? Math.max(4, r.right - menuWidth) : 40, y: r ? r.bottom : 40, entries, label: t('workbench.editor.openedEditors') });
}
