import type { StateCreator } from 'zustand';
import type { EditorGroup, EditorTab } from './types';
import type { WorkbenchState } from './workbenchStore';
import { useAnalysisRuns } from './analysisRuns';

/** At most two side-by-side groups, like VS Code's "split right" once. */
export const MAX_GROUPS = 2;

export interface EditorsSlice {
  groups: EditorGroup[];
  activeGroupId: string;
  /** Open (or focus, when a tab with this id exists anywhere) an editor in the active group. */
  openEditor(tab: Omit<EditorTab, 'id'> & { id?: string }, groupId?: string): string;
  activateTab(groupId: string, tabId: string): void;
  closeTab(groupId: string, tabId: string): void;
  closeActiveTab(): void;
  /** Move a tab to `index` in `toGroupId` (reorder within a group or drag across groups). */
  moveTab(tabId: string, toGroupId: string, index: number): void;
  splitRight(): void;
  updateTabData(tabId: string, patch: Record<string, unknown>): void;
  setActiveGroup(groupId: string): void;
  /** Close every editor (a study is opened in a fresh session). */
  resetEditors(): void;
  /** Put a saved layout back (opening a study, restoring a session). */
  restoreEditors(groups: EditorGroup[], activeGroupId: string): void;
}

let seq = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

export function findTab(groups: EditorGroup[], tabId: string): { group: EditorGroup; tab: EditorTab; index: number } | null {
  for (const group of groups) {
    const index = group.tabs.findIndex((t) => t.id === tabId);
    if (index >= 0) return { group, tab: group.tabs[index], index };
  }
  return null;
}

export function activeTab(state: Pick<EditorsSlice, 'groups' | 'activeGroupId'>): EditorTab | null {
  const g = state.groups.find((x) => x.id === state.activeGroupId) ?? state.groups[0];
  return g?.tabs.find((t) => t.id === g.activeTabId) ?? null;
}

/** After removing tab `index` from a group, pick the neighbour VS Code would pick. */
function neighbour(tabs: EditorTab[], index: number): string | null {
  return tabs[Math.min(index, tabs.length - 1)]?.id ?? null;
}

function dropEmptyGroups(groups: EditorGroup[], activeGroupId: string): Pick<EditorsSlice, 'groups' | 'activeGroupId'> {
  const kept = groups.length > 1 ? groups.filter((g) => g.tabs.length > 0) : groups;
  const out = kept.length ? kept : [groups[0]];
  return { groups: out, activeGroupId: out.some((g) => g.id === activeGroupId) ? activeGroupId : out[out.length - 1].id };
}

export const createEditorsSlice: StateCreator<WorkbenchState, [], [], EditorsSlice> = (set, get) => ({
  groups: [{ id: 'group-1', tabs: [], activeTabId: null }],
  activeGroupId: 'group-1',

  openEditor: (input, groupId) => {
    const id = input.id ?? newId(input.kind);
    const existing = findTab(get().groups, id);
    if (existing) {
      get().activateTab(existing.group.id, id);
      return id;
    }
    const target = groupId ?? get().activeGroupId;
    const tab: EditorTab = { ...input, id };
    set((s) => ({
      activeGroupId: target,
      groups: s.groups.map((g) => {
        if (g.id !== target) return g;
        const at = g.tabs.findIndex((t) => t.id === g.activeTabId);
        const tabs = [...g.tabs];
        tabs.splice(at >= 0 ? at + 1 : tabs.length, 0, tab);
        return { ...g, tabs, activeTabId: id };
      }),
    }));
    return id;
  },

  activateTab: (groupId, tabId) =>
    set((s) => ({ activeGroupId: groupId, groups: s.groups.map((g) => (g.id === groupId ? { ...g, activeTabId: tabId } : g)) })),

  closeTab: (groupId, tabId) => {
    useAnalysisRuns.getState().drop(tabId);
    // The closed analysis' problems go with it (owner as in useAnalysisRun's problemOwner).
    get().clearProblems(`analysis:${tabId}`);
    set((s) => {
      const groups = s.groups.map((g) => {
        if (g.id !== groupId) return g;
        const index = g.tabs.findIndex((t) => t.id === tabId);
        if (index < 0) return g;
        const tabs = g.tabs.filter((t) => t.id !== tabId);
        return { ...g, tabs, activeTabId: g.activeTabId === tabId ? neighbour(tabs, index) : g.activeTabId };
      });
      return dropEmptyGroups(groups, s.activeGroupId);
    });
  },

  closeActiveTab: () => {
    const g = get().groups.find((x) => x.id === get().activeGroupId);
    if (g?.activeTabId) get().closeTab(g.id, g.activeTabId);
  },

  moveTab: (tabId, toGroupId, index) =>
    set((s) => {
      const from = findTab(s.groups, tabId);
      if (!from) return s;
      let groups = s.groups.map((g) => {
        if (g.id !== from.group.id) return g;
        const tabs = g.tabs.filter((t) => t.id !== tabId);
        return { ...g, tabs, activeTabId: g.activeTabId === tabId && g.id !== toGroupId ? neighbour(tabs, from.index) : g.activeTabId };
      });
      groups = groups.map((g) => {
        if (g.id !== toGroupId) return g;
        const tabs = [...g.tabs];
        const at = g.id === from.group.id && index > from.index ? index - 1 : index;
        tabs.splice(Math.max(0, Math.min(at, tabs.length)), 0, from.tab);
        return { ...g, tabs, activeTabId: tabId };
      });
      return dropEmptyGroups(groups, toGroupId);
    }),

  splitRight: () => {
    const s = get();
    const source = s.groups.find((g) => g.id === s.activeGroupId);
    const tab = source?.tabs.find((t) => t.id === source.activeTabId);
    if (!source || !tab) return;
    // Welcome is a singleton; every other editor is duplicated (same table or SQL text, own state).
    const copy: EditorTab = tab.kind === 'welcome' ? tab : { ...tab, id: newId(tab.kind), data: { ...tab.data } };
    // The copy shows the original's result until it is run again (results live in the runs store).
    if (copy !== tab) useAnalysisRuns.getState().copy(tab.id, copy.id);
    if (s.groups.length < MAX_GROUPS) {
      const group: EditorGroup = { id: newId('group'), tabs: [copy], activeTabId: copy.id };
      const groups = tab.kind === 'welcome' ? [{ ...source, tabs: source.tabs.filter((t) => t.id !== tab.id), activeTabId: neighbour(source.tabs.filter((t) => t.id !== tab.id), source.tabs.indexOf(tab)) }, group] : [...s.groups, group];
      set(dropEmptyGroups(groups, group.id));
      return;
    }
    const other = s.groups.find((g) => g.id !== source.id)!;
    if (tab.kind === 'welcome') get().moveTab(tab.id, other.id, other.tabs.length);
    else get().openEditor(copy, other.id);
  },

  updateTabData: (tabId, patch) =>
    set((s) => ({
      groups: s.groups.map((g) => (g.tabs.some((t) => t.id === tabId) ? { ...g, tabs: g.tabs.map((t) => (t.id === tabId ? { ...t, data: { ...t.data, ...patch } } : t)) } : g)),
    })),

  setActiveGroup: (groupId) => set({ activeGroupId: groupId }),
  resetEditors: () => set({ groups: [{ id: 'group-1', tabs: [], activeTabId: null }], activeGroupId: 'group-1' }),
  restoreEditors: (groups, activeGroupId) => set({ groups: groups.slice(0, MAX_GROUPS), activeGroupId }),
});
