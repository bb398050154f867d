/**
 * The contract between the workbench and whatever hosts it (Tad-style swappable transport).
 * Electron implements it in main via a validated IPC channel exposed by the preload as
 * `window.tenureHost`; the browser host implements it with file inputs, drag and drop and downloads.
 * Types only: no DOM, Node or Electron imports.
 */
export const HOST_API_VERSION = 1;

/** A file the user chose; `id` is an opaque token the host maps to the real file. */
export interface HostFile {
  id: string;
  name: string;
  size: number;
  /** Absolute path where the host knows it (Electron); shown in recent files. */
  path?: string;
  /** Last modified, ms since 1970, when the host knows it. */
  mtime?: number;
}

/** A folder the user chose (a folder of Parquet files, read in place by the native engine). */
export interface HostFolder {
  /** Absolute path; main has granted it to the engine process. */
  path: string;
  name: string;
}

export interface RecentFile {
  name: string;
  path: string;
  openedAt: number;
}

export interface SaveRequest {
  suggestedName: string;
  /** Text (CSV, SVG, JSON) or bytes (PNG, PPTX, XLSX). */
  data: string | Uint8Array;
  filters?: { name: string; extensions: string[] }[];
}

export interface SaveResult {
  saved: boolean;
  path?: string;
}

export interface HostApi {
  readonly kind: 'electron' | 'browser';
  readonly version: number;
  /** Show the OS open dialog (or a file input). Empty when cancelled. */
  openFiles(options?: { multiple?: boolean }): Promise<HostFile[]>;
  /** Read bytes [start, end) of a chosen file. Read-only by construction. */
  readFileRange(id: string, start: number, end: number): Promise<Uint8Array>;
  /**
   * Electron: the OS folder dialog; main grants the chosen folder to the native engine (read-only: it is
   * allowed at the engine's next start, and no SQL may write files while a folder is open). Null when
   * cancelled. Absent (browser): folders cannot be read in place.
   */
  openFolder?(): Promise<HostFolder | null>;
  /** Electron: a folder opened before (a study's Parquet folder source), granted again; null if gone. */
  reopenFolder?(path: string): Promise<HostFolder | null>;
  /** Re-open a recent file by path (Electron); the browser host cannot and returns null. */
  openRecent(path: string): Promise<HostFile | null>;
  recentFiles(): Promise<RecentFile[]>;
  saveFile(req: SaveRequest): Promise<SaveResult>;
  /** Native menu clicks arrive as command ids of the shared command list. */
  onCommand(listener: (commandId: string) => void): () => void;
  /**
   * Files opened from outside the window (command line, a second launch, the OS "Open with").
   * Files opened before the first subscription are delivered on subscribing. Electron only.
   */
  onOpenFiles?(listener: (files: HostFile[]) => void): () => void;
  /** Persisted settings (layout sizes, theme, language) as JSON text, or null. */
  loadSettings(): Promise<string | null>;
  saveSettings(json: string): Promise<void>;
  /**
   * Crash recovery: the whole session (a study as JSON) written within 2 s of a change; Electron writes
   * atomically to app data keeping 3 generations, the browser to IndexedDB. `loadSession` returns the
   * newest generation that reads back whole, or null.
   */
  saveSession?(json: string): Promise<void>;
  loadSession?(): Promise<string | null>;
  /**
   * Electron: ask main for a MessagePort to the native engine process. The port arrives as a window
   * 'message' event `{ tenureEngine: 'port' }` (ports cannot cross the context bridge); when the
   * process dies, `{ tenureEngine: 'exited', reason }` follows. Absent: the workbench uses duckdb-wasm.
   */
  connectEngine?(): Promise<void>;
  /**
   * Electron: Save Study without a dialog, over the `.tenure` file the study was opened from or saved to
   * (main accepts only a .tenure path the user chose this session). Absent: every save asks.
   */
  saveStudyTo?(path: string, text: string): Promise<SaveResult>;
  /**
   * Electron: the window is closing; `isDirty` says whether the study has unsaved changes (main then asks
   * Save / Don't Save / Cancel). `onSave` runs after "Save": save, then `closeWindow()` if it was saved.
   */
  onCloseRequest?(isDirty: () => boolean, onSave: () => void): () => void;
  closeWindow?(): Promise<void>;
}
