import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer } from './electronMock';
import { HOST_API_VERSION, type HostApi } from '../../shared/host/HostApi';
import { IPC } from '../../electron/ipcChannels';

vi.mock('electron', () => import('./electronMock'));

let host: HostApi;

beforeAll(async () => {
  await import('../../electron/preload');
  host = contextBridge.exposed.tenureHost as HostApi;
});

describe('preload', () => {
  it('exposes exactly one object, tenureHost, implementing HostApi', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(contextBridge.exposed)).toEqual(['tenureHost']);
    expect(host.kind).toBe('electron');
    expect(host.version).toBe(HOST_API_VERSION);
    const methods = ['openFiles', 'readFileRange', 'openRecent', 'openFolder', 'reopenFolder', 'recentFiles', 'saveFile', 'onCommand', 'onOpenFiles', 'loadSettings', 'saveSettings', 'saveSession', 'loadSession', 'connectEngine', 'saveStudyTo', 'onCloseRequest', 'closeWindow'];
    expect(Object.keys(host).sort()).toEqual(['kind', 'version', ...methods].sort());
    expect(JSON.stringify(Object.keys(host))).not.toMatch(/ipc|invoke|send|require/i);
  });

  it('maps each call to its invoke channel', async () => {
    ipcRenderer.invoke.mockClear();
    await host.openFiles({ multiple: true });
    await host.openFiles();
    await host.readFileRange('id', 1, 2);
    await host.openRecent('/p.csv');
    await host.recentFiles();
    await host.saveFile({ suggestedName: 'a.csv', data: 'x' });
    await host.loadSettings();
    await host.saveSettings('{}');
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC.openFiles, { multiple: true }],
      [IPC.openFiles, { multiple: false }],
      [IPC.readFileRange, 'id', 1, 2],
      [IPC.openRecent, '/p.csv'],
      [IPC.recentFiles],
      [IPC.saveFile, { suggestedName: 'a.csv', data: 'x' }],
      [IPC.loadSettings],
      [IPC.saveSettings, '{}'],
    ]);
  });

  it('asks main for an engine port and hands the port (never the IPC event) to the page', async () => {
    ipcRenderer.invoke.mockClear();
    await host.connectEngine!();
    expect(ipcRenderer.invoke.mock.calls).toEqual([[IPC.engineConnect]]);
    const postMessage = vi.fn();
    vi.stubGlobal('window', { postMessage });
    try {
      const port = { name: 'port2' };
      ipcRenderer.emit(IPC.enginePort, { sender: 'secret', ports: [port] });
      ipcRenderer.emit(IPC.engineExited, { sender: 'secret' }, 'exit code 134');
      expect(postMessage.mock.calls).toEqual([
        [{ tenureEngine: 'port' }, '*', [port]],
        [{ tenureEngine: 'exited', reason: 'exit code 134' }, '*'],
      ]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('answers a close request with the page’s dirty state, runs Save on saveAndClose, and unsubscribes', async () => {
    ipcRenderer.invoke.mockClear();
    let dirty = true;
    const onSave = vi.fn();
    const off = host.onCloseRequest!(() => dirty, onSave);
    ipcRenderer.emit(IPC.closeRequest, { sender: 'secret' }, 7);
    dirty = false;
    ipcRenderer.emit(IPC.closeRequest, { sender: 'secret' }, 8);
    ipcRenderer.emit(IPC.closeRequest, { sender: 'secret' }, 'not a number');
    ipcRenderer.emit(IPC.saveAndClose, { sender: 'secret' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [IPC.closeAnswer, 7, true],
      [IPC.closeAnswer, 8, false],
    ]);
    expect(onSave).toHaveBeenCalledTimes(1);
    await host.saveStudyTo!('/s/x.tenure', '{}');
    await host.closeWindow!();
    expect(ipcRenderer.invoke.mock.calls.slice(2)).toEqual([[IPC.saveStudyTo, '/s/x.tenure', '{}'], [IPC.closeWindow]]);
    off();
    ipcRenderer.emit(IPC.closeRequest, {}, 9);
    ipcRenderer.emit(IPC.saveAndClose, {});
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(4);
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('forwards menu command ids without the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = host.onCommand(listener);
    ipcRenderer.emit(IPC.command, { sender: 'secret' }, 'file.open');
    ipcRenderer.emit(IPC.command, { sender: 'secret' }, { not: 'a string' });
    expect(listener.mock.calls).toEqual([['file.open']]);
    off();
    ipcRenderer.emit(IPC.command, {}, 'file.open');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('onOpenFiles drains files queued in main, then receives pushes', async () => {
    const files = [{ id: 'i', name: 'a.csv', size: 1 }];
    ipcRenderer.invoke.mockImplementationOnce(async () => files);
    const listener = vi.fn();
    const off = host.onOpenFiles!(listener);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC.takePendingFiles);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(files));
    ipcRenderer.emit(IPC.filesOpened, {}, files);
    expect(listener).toHaveBeenCalledTimes(2);
    off();
  });
});
