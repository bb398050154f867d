import { create } from 'zustand';

/** Explorer UI state commands reach: the focused table row (F2 / Delete), an inline rename, a reveal. */
interface ExplorerState {
  focused: string | null;
  renaming: string | null;
  /** Set by "Reveal in Explorer": the tree expands to the table, scrolls to it and focuses it. */
  reveal: { table: string; n: number } | null;
  setFocused(table: string | null): void;
  setRenaming(table: string | null): void;
  revealTable(table: string): void;
}

export const useExplorer = create<ExplorerState>()((set) => ({
  focused: null,
  renaming: null,
  reveal: null,
  setFocused: (focused) => set({ focused }),
  setRenaming: (renaming) => set({ renaming }),
  revealTable: (table) => set((s) => ({ reveal: { table, n: (s.reveal?.n ?? 0) + 1 } })),
}));
