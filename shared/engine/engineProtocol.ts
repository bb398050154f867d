/**
 * Messages between a RemoteEngine (renderer, CLI) and the engine process. Results cross as Arrow
 * IPC stream bytes; errors as plain {code, message, params} so TenureError survives the trip.
 */
/** A DuckDB memory_limit as settings, main and the CLI accept it ('4GB', '512MiB'). */
export const MEMORY_LIMIT_RE = /^\d+(\.\d+)?\s*(K|M|G|T)i?B$/i;

export interface EngineStartOptions {
  /** The engine's own folder (temp files, spill); main passes one in app-data. */
  dir: string;
  threads?: number;
  memoryLimit?: string;
  /**
   * Folders the user opened as data (a Parquet folder), readable in place. DuckDB's settings are locked
   * at start, so a new folder means a new engine process (RemoteEngine.restart).
   */
  readDirs?: string[];
}

export interface EngineInfo {
  threads: number;
  memoryLimit: string;
  version: string;
  /** The folders this process may read (EngineStartOptions.readDirs as accepted). */
  readDirs?: string[];
}

export type EngineRequest =
  | { id: number; op: 'init'; options: EngineStartOptions }
  | { id: number; op: 'query'; sql: string; denseGroups?: boolean }
  | { id: number; op: 'registerFileBuffer'; name: string; bytes: Uint8Array }
  | { id: number; op: 'registerFileHandle'; name: string; path: string }
  | { id: number; op: 'dropFile'; name: string }
  | { id: number; op: 'attach'; name: string; alias: string }
  | { id: number; op: 'insertArrow'; table: string; ipc: Uint8Array }
  | { id: number; op: 'cancel' }
  | { id: number; op: 'close' };

export interface EngineFailure {
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export type EngineResponse =
  | { id: number; ok: true; ipc?: Uint8Array; value?: unknown }
  | { id: number; ok: false; error: EngineFailure };

/** One connection to an engine process (a forked Node child, or a MessagePort in Electron). */
export interface EngineChannel {
  post(msg: EngineRequest): void;
  onMessage(cb: (msg: EngineResponse) => void): void;
  /** The process behind the channel ended (crash, out-of-memory abort, kill). */
  onClose(cb: (reason: string) => void): void;
  close(): void;
}
