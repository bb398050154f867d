import { create } from 'zustand';
import type { ColumnOverride, ImportPlan, ImportProgress, ImportWarning, PreviewRow } from '../../../shared/import/importTypes';
import type { ForcedType } from '../../../shared/import/importFile';
import type { DialogOptions } from './rememberedChoices';

/** A user-facing error as the dialog shows it (already translated). */
export interface DialogError {
  code: string;
  text: string;
  line?: number;
  column?: string | number;
}

/** The serialisable state of the one import dialog on screen (the controller holds the rest). */
export interface ImportSession {
  id: number;
  file: string;
  size: number;
  excel: boolean;
  options: DialogOptions;
  columns: Record<number, ColumnOverride>;
  tableName: string;
  plan: ImportPlan | null;
  preview: PreviewRow[];
  warnings: ImportWarning[];
  /** Forced column types and the values that will not convert (counted over sampledRows, or all rows). */
  forced: ForcedType[];
  sampledRows: number | null;
  /** Forced types that would lose most of their column: the dialog asks before importing. */
  ask: ForcedType[] | null;
  error: DialogError | null;
  /** planning = detecting/previewing; loading = the import runs (progress, Cancel). */
  status: 'planning' | 'ready' | 'loading';
  progress: ImportProgress | null;
  remembered: boolean;
}

interface DialogStore {
  session: ImportSession | null;
  set(patch: Partial<ImportSession>): void;
  open(session: ImportSession): void;
  close(): void;
}

export const useImportDialog = create<DialogStore>()((set) => ({
  session: null,
  set: (patch) => set((s) => (s.session ? { session: { ...s.session, ...patch } } : s)),
  open: (session) => set({ session }),
  close: () => set({ session: null }),
}));
