import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostFile } from '../../shared/host/HostApi';
import { IPC } from '../../electron/ipcChannels';

vi.mock('electron', () => import('./electronMock'));

let dir: string;
let argv: string[];
// The mocked module exactly as main.ts sees it (vi.resetModules() re-runs main.ts per test; the
// mock instance may or may not be re-created, so never hold a static import of it).
let E: typeof import('./electronMock');

function trusted(win: InstanceType<typeof E.FakeBrowserWindow>) {
  return { sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } };
}

async function startApp(): Promise<InstanceType<typeof E.FakeBrowserWindow>> {
  const { app, ipcMain, FakeBrowserWindow } = E;
  await import('../../electron/main');
  app.fireReady();
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  const win = FakeBrowserWindow.instances[0];
  // The command-line file is granted (and listed as recent) before anyone listens: it must be queued.
  await vi.waitFor(async () => expect(await ipcMain.handlers.get(IPC.recentFiles)!(trusted(win))).toHaveLength(1));
  await new Promise((r) => setTimeout(r, 20)); // lets openPaths() hand the granted file to the queue
  const pending = (await ipcMain.handlers.get(IPC.takePendingFiles)!(trusted(win))) as HostFile[];
  expect(pending.map((f) => f.name)).toEqual(['a.csv']);
  return win;
}

const lastMenu = () => E.Menu.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[];

beforeEach(async () => {
  vi.resetModules();
  E = (await import('electron')) as unknown as typeof import('./electronMock');
  const { app, appEvents, ipcMain, FakeBrowserWindow, Menu } = E;
  dir = mkdtempSync(join(tmpdir(), 'tenure-main-'));
  writeFileSync(join(dir, 'a.csv'), 'x,y\n1,2\n');
  writeFileSync(join(dir, 'b.csv'), 'x\n1\n');
  app.paths.userData = join(dir, 'userData');
  app.ready = false;
  app.singleInstance = true;
  app.quit.mockClear();
  appEvents.removeAllListeners();
  ipcMain.handlers.clear();
  FakeBrowserWindow.instances.length = 0;
  Menu.buildFromTemplate.mockClear();
  argv = process.argv;
  process.argv = ['/x/electron', '.', join(dir, 'a.csv')];
});

afterEach(() => {
  process.argv = argv;
});

describe('main process', () => {
  it('quits when another instance holds the lock', async () => {
    E.app.singleInstance = false;
    await import('../../electron/main');
    expect(E.app.quit).toHaveBeenCalled();
    expect(E.appEvents.listenerCount('second-instance')).toBe(0);
  });

  it('starts sandboxed, serves app://, installs the menu and opens command-line files', async () => {
    const win = await startApp();
    expect(E.app.enableSandbox).toHaveBeenCalled();
    expect(E.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(E.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(win.loadedUrl).toBe('app://tenure/desktop.html');
    expect(E.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(lastMenu().map((m) => m.id)).toContain('analysis');
  });

  it('forwards a second launch’s files to the renderer and focuses the window', async () => {
    const win = await startApp();
    E.appEvents.emit('second-instance', {}, ['/x/electron', '.', 'b.csv', '--flag'], dir);
    await vi.waitFor(() => expect(win.webContents.sent.some(([ch]) => ch === IPC.filesOpened)).toBe(true));
    const [, files] = win.webContents.sent.find(([ch]) => ch === IPC.filesOpened)! as [string, HostFile[]];
    expect(files.map((f) => f.name)).toEqual(['b.csv']);
    expect(win.focus).toHaveBeenCalled();
  });

  it('handles macOS open-file', async () => {
    const win = await startApp();
    const ev = { preventDefault: vi.fn() };
    E.appEvents.emit('open-file', ev, join(dir, 'b.csv'));
    expect(ev.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(win.webContents.sent.some(([ch]) => ch === IPC.filesOpened)).toBe(true));
  });

  it('sends menu clicks to the renderer as command ids', async () => {
    const win = await startApp();
    const open = lastMenu()
      .flatMap((m) => m.submenu as MenuItemConstructorOptions[])
      .find((i) => i.id === 'file.open')!;
    open.click!({} as never, undefined as never, {} as never);
    expect(win.webContents.sent).toContainEqual([IPC.command, 'file.open']);
  });

  it('rebuilds the menu in the language the renderer saves', async () => {
    const win = await startApp();
    await E.ipcMain.handlers.get(IPC.saveSettings)!(trusted(win), JSON.stringify({ version: 1, language: 'zh-CN' }));
    expect(lastMenu().find((m) => m.id === 'file')?.label).toBe('文件(&F)');
  });

  it('starts the engine process on demand and hands the renderer a port to it; restarts it after it dies', async () => {
    const win = await startApp();
    E.FakeUtilityProcess.instances.length = 0;
    expect(E.FakeUtilityProcess.instances).toHaveLength(0);
    await E.ipcMain.handlers.get(IPC.engineConnect)!(trusted(win));
    const [child] = E.FakeUtilityProcess.instances;
    expect(child.modulePath).toMatch(/engineProcess\.cjs$/);
    // Main's options (a folder in app-data), with one end of a channel; the other end goes to the renderer.
    // Files opened at start-up (a.csv from argv) are granted to the process first: it links in no other path.
    const grants = child.messages.filter(([m]) => (m as { type: string }).type === 'grant');
    expect(grants.map(([m]) => m)).toEqual([{ type: 'grant', path: join(E.app.paths.userData, '..', 'a.csv') }]);
    const [[msg, toChild]] = child.messages.filter(([m]) => (m as { type: string }).type !== 'grant') as [[{ type: string; options: { dir: string } }, { name: string }[]]];
    expect(msg).toEqual({ type: 'connect', options: { dir: join(E.app.paths.userData, 'engine'), readDirs: [] } });
    expect(toChild.map((p) => p.name)).toEqual(['port1']);
    expect(win.webContents.posted).toEqual([[IPC.enginePort, null, [expect.objectContaining({ name: 'port2' })]]]);
    // A crash: the renderer is told (its pending queries fail), and the next connect starts a new process.
    child.emit('exit', 134);
    expect(win.webContents.sent).toContainEqual([IPC.engineExited, 'exit code 134']);
    await E.ipcMain.handlers.get(IPC.engineConnect)!(trusted(win));
    expect(E.FakeUtilityProcess.instances).toHaveLength(2);
    // An untrusted frame gets no port.
    await expect(E.ipcMain.handlers.get(IPC.engineConnect)!({ sender: win.webContents, senderFrame: { url: 'https://evil', parent: null } })).rejects.toThrow(/untrusted/);
    E.appEvents.emit('will-quit');
    expect(E.FakeUtilityProcess.instances[1].killed).toBe(true);
  });

  it('hardens every WebContents created later', async () => {
    await startApp();
    const wc = new E.FakeWebContents();
    E.appEvents.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
  });

  it('quits when all windows close, except on macOS', async () => {
    await startApp();
    E.appEvents.emit('window-all-closed');
    expect(E.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
