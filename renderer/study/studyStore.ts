import { create } from 'zustand';
import type { StudyDeck, StudyDerived } from '../../shared/study/schema';
import type { SessionRecord } from './session';

export interface RecentStudy {
  name: string;
  /** Where the host can reopen it (Electron); the browser keeps names only. */
  path: string | null;
  at: number;
}

interface StudyState {
  /** The study file this session was opened from or saved to (null = untitled). */
  file: { name: string; path: string | null } | null;
  /** The study text as last saved or opened: the session is dirty while it differs. */
  savedText: string | null;
  dirty: boolean;
  /** Tabs whose state differs from the saved study (dirty marker on the tab). */
  dirtyTabs: string[];
  /** Derived tables as recipes (Pareto classes saved from an analysis). */
  derived: StudyDerived[];
  /** Free-text notes per analysis id. */
  notes: Record<string, string>;
  /** The deck as last edited in the deck editor (title, subtitle, slides). */
  deck: StudyDeck | null;
  recent: RecentStudy[];
  /** The last session's record when it ended with unsaved work (offered as "Restore the last session"). */
  recovery: SessionRecord | null;
  set(patch: Partial<Omit<StudyState, 'set' | 'addDerived'>>): void;
  addDerived(d: StudyDerived): void;
}

const RECENT_KEY = 'tenure.recentStudies';

function loadRecent(): RecentStudy[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((r): r is RecentStudy => !!r && typeof r.name === 'string' && typeof r.at === 'number').slice(0, 10) : [];
  } catch {
    return [];
  }
}

export const useStudy = create<StudyState>()((set) => ({
  file: null,
  savedText: null,
  dirty: false,
  dirtyTabs: [],
  derived: [],
  notes: {},
  deck: null,
  recent: loadRecent(),
  recovery: null,
  set: (patch) => set(patch),
  addDerived: (d) => set((s) => ({ derived: [...s.derived.filter((x) => x.table.toLowerCase() !== d.table.toLowerCase()), d] })),
}));

export function rememberStudy(name: string, path: string | null): void {
  const recent = [{ name, path, at: Date.now() }, ...useStudy.getState().recent.filter((r) => (r.path ?? r.name) !== (path ?? name))].slice(0, 10);
  useStudy.getState().set({ recent });
  try {
    globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(recent));
  } catch {
    // private mode: recent studies are a convenience
  }
}
