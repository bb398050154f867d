import { create } from 'zustand';
import type { FileSource } from '../../shared/import/FileSource';
import type { StudySource } from '../../shared/study/schema';

export interface RelinkRow {
  source: StudySource;
  file: FileSource | null;
  path?: string;
  mtime?: number;
}

interface RelinkState {
  /** Open while a study asks for its data files. */
  rows: RelinkRow[] | null;
  studyName: string;
  resolve: ((rows: RelinkRow[] | null) => void) | null;
  set(patch: Partial<Omit<RelinkState, 'set'>>): void;
}

export const useRelink = create<RelinkState>()((set) => ({ rows: null, studyName: '', resolve: null, set: (patch) => set(patch) }));

/** Ask for the study's missing data files; resolves with every row (missing ones with file null), or null = cancelled. */
export function askForFiles(studyName: string, rows: RelinkRow[]): Promise<RelinkRow[] | null> {
  return new Promise((resolve) => useRelink.getState().set({ rows, studyName, resolve }));
}

export function finishRelink(ok: boolean): void {
  const { rows, resolve } = useRelink.getState();
  useRelink.getState().set({ rows: null, resolve: null });
  resolve?.(ok ? rows : null);
}
