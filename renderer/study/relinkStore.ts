import { create } from 'zustand';
import type { HostFolder } from '../../shared/host/HostApi';
import type { FileSource } from '../../shared/import/FileSource';
import type { StudySource } from '../../shared/study/schema';

export interface RelinkRow {
  source: StudySource;
  /** A data file, once found (null for a Parquet folder source). */
  file: FileSource | null;
  /** A Parquet folder source: the folder, once found and granted by the desktop app's main process. */
  folder?: HostFolder | null;
  path?: string;
  mtime?: number;
}

/** Whether a row's data is there: its file, or for a Parquet folder source its folder. */
export const rowFound = (r: RelinkRow): boolean => (r.source.kind === 'parquetFolder' ? !!r.folder : !!r.file);

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
