/**
 * HostApi inside Electron: a thin wrapper over `window.tenureHost`, which the sandboxed preload
 * exposes. Adds what is cheaper to do here than over IPC: big reads split into bounded chunks
 * (main caps one read at 64 MiB) and save requests copied down to exactly the fields main accepts.
 */
import type { HostApi, SaveRequest } from '../../shared/host/HostApi';

declare global {
  interface Window {
    /** Present only in the Electron renderer (set by electron/preload.ts). */
    tenureHost?: HostApi;
  }
}

/** Below main's per-call cap; 16 MiB keeps each IPC copy short and memory spikes small. */
export const READ_CHUNK_BYTES = 16 * 1024 * 1024;

export function hasElectronHost(): boolean {
  return typeof window !== 'undefined' && window.tenureHost?.kind === 'electron';
}

/** Returns a range read that splits [start, end) into chunks; stops early at end of file. */
function chunkedRead(bridge: HostApi): HostApi['readFileRange'] {
  return async (id, start, end) => {
    if (end - start <= READ_CHUNK_BYTES) return bridge.readFileRange(id, start, end);
    const out = new Uint8Array(end - start);
    let filled = 0;
    while (start + filled < end) {
      const from = start + filled;
      const to = Math.min(end, from + READ_CHUNK_BYTES);
      const chunk = await bridge.readFileRange(id, from, to);
      out.set(chunk, filled);
      filled += chunk.length;
      if (chunk.length < to - from) break; // end of file
    }
    return filled === out.length ? out : out.subarray(0, filled);
  };
}

/** Structured clone copies a view's whole buffer: send only the viewed bytes, and only known fields. */
function cleanSaveRequest(req: SaveRequest): SaveRequest {
  const { data } = req;
  const bytes = typeof data === 'string' || (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) ? data : data.slice();
  const filters = req.filters?.map((f) => ({ name: f.name, extensions: [...f.extensions] }));
  return filters ? { suggestedName: req.suggestedName, data: bytes, filters } : { suggestedName: req.suggestedName, data: bytes };
}

export function createElectronHost(): HostApi {
  const bridge = window.tenureHost;
  if (!bridge) throw new Error('window.tenureHost is missing: not running in the Electron renderer');
  return {
    kind: 'electron',
    version: bridge.version,
    openFiles: (options) => bridge.openFiles(options),
    readFileRange: chunkedRead(bridge),
    openRecent: (path) => bridge.openRecent(path),
    ...(bridge.openFolder ? { openFolder: () => bridge.openFolder!() } : {}),
    ...(bridge.reopenFolder ? { reopenFolder: (path: string) => bridge.reopenFolder!(path) } : {}),
    recentFiles: () => bridge.recentFiles(),
    saveFile: (req) => bridge.saveFile(cleanSaveRequest(req)),
    onCommand: (listener) => bridge.onCommand(listener),
    onOpenFiles: (listener) => bridge.onOpenFiles?.(listener) ?? (() => undefined),
    loadSettings: () => bridge.loadSettings(),
    saveSettings: (json) => bridge.saveSettings(json),
    saveSession: bridge.saveSession ? (json) => bridge.saveSession!(json) : undefined,
    loadSession: bridge.loadSession ? () => bridge.loadSession!() : undefined,
    ...(bridge.connectEngine ? { connectEngine: () => bridge.connectEngine!() } : {}),
    ...(bridge.saveStudyTo ? { saveStudyTo: (path: string, text: string) => bridge.saveStudyTo!(path, text) } : {}),
    ...(bridge.onCloseRequest ? { onCloseRequest: (isDirty: () => boolean, onSave: () => void) => bridge.onCloseRequest!(isDirty, onSave) } : {}),
    ...(bridge.closeWindow ? { closeWindow: () => bridge.closeWindow!() } : {}),
  };
}
