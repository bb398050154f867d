/**
 * The sandboxed preload: exposes exactly one object, `window.tenureHost` (HostApi), over a fixed
 * set of invoke channels. No ipcRenderer, no Node, no event objects ever reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HOST_API_VERSION, type HostApi, type HostFile, type HostFolder, type RecentFile, type SaveResult } from '../shared/host/HostApi';
import { IPC } from './ipcChannels';

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  // The IpcRendererEvent carries `sender`; only the payload is forwarded.
  const wrapped = (_event: IpcRendererEvent, value: T): void => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const tenureHost: HostApi = {
  kind: 'electron',
  version: HOST_API_VERSION,
  openFiles: (options) => ipcRenderer.invoke(IPC.openFiles, { multiple: options?.multiple === true }) as Promise<HostFile[]>,
  readFileRange: (id, start, end) => ipcRenderer.invoke(IPC.readFileRange, id, start, end) as Promise<Uint8Array>,
  openRecent: (path) => ipcRenderer.invoke(IPC.openRecent, path) as Promise<HostFile | null>,
  openFolder: () => ipcRenderer.invoke(IPC.openFolder) as Promise<HostFolder | null>,
  reopenFolder: (path) => ipcRenderer.invoke(IPC.reopenFolder, String(path)) as Promise<HostFolder | null>,
  recentFiles: () => ipcRenderer.invoke(IPC.recentFiles) as Promise<RecentFile[]>,
  saveFile: (req) => ipcRenderer.invoke(IPC.saveFile, req) as Promise<SaveResult>,
  loadSettings: () => ipcRenderer.invoke(IPC.loadSettings) as Promise<string | null>,
  saveSettings: (json) => ipcRenderer.invoke(IPC.saveSettings, json) as Promise<void>,
  saveSession: (json) => ipcRenderer.invoke(IPC.saveSession, json) as Promise<void>,
  loadSession: () => ipcRenderer.invoke(IPC.loadSession) as Promise<string | null>,
  connectEngine: () => ipcRenderer.invoke(IPC.engineConnect) as Promise<void>,
  saveStudyTo: (path, text) => ipcRenderer.invoke(IPC.saveStudyTo, String(path), String(text)) as Promise<SaveResult>,
  onCloseRequest: (isDirty, onSave) => {
    const offAsk = subscribe<unknown>(IPC.closeRequest, (id) => {
      if (typeof id === 'number') void ipcRenderer.invoke(IPC.closeAnswer, id, isDirty() === true);
    });
    const offSave = subscribe<unknown>(IPC.saveAndClose, () => onSave());
    return () => {
      offAsk();
      offSave();
    };
  },
  closeWindow: () => ipcRenderer.invoke(IPC.closeWindow) as Promise<void>,
  onCommand: (listener) =>
    subscribe<unknown>(IPC.command, (id) => {
      if (typeof id === 'string') listener(id);
    }),
  onOpenFiles: (listener) => {
    const off = subscribe<HostFile[]>(IPC.filesOpened, listener);
    // Files named on the command line were queued in main until someone listened.
    void (ipcRenderer.invoke(IPC.takePendingFiles) as Promise<HostFile[]>).then((files) => {
      if (files.length) listener(files);
    });
    return off;
  },
};

// The engine's MessagePort cannot cross the context bridge: hand it to the page as a window message.
ipcRenderer.on(IPC.enginePort, (event) => window.postMessage({ tenureEngine: 'port' }, '*', event.ports));
ipcRenderer.on(IPC.engineExited, (_event, reason: unknown) => window.postMessage({ tenureEngine: 'exited', reason: String(reason) }, '*'));

contextBridge.exposeInMainWorld('tenureHost', tenureHost);
