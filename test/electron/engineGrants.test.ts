import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dialog, FakeBrowserWindow, FakeUtilityProcess, ipcMain } from './electronMock';
import { IPC } from '../../electron/ipcChannels';
import { EngineHost } from '../../electron/engineHost';
import { FileRegistry } from '../../electron/fileRegistry';
import { grantPaths, registerHostHandlers, type HostContext } from '../../electron/hostHandlers';
import { IncomingFiles } from '../../electron/incomingFiles';
import { RecentFiles } from '../../electron/recentFiles';
import { FileGrants } from '../../shared/engine/node/fileGrants';

vi.mock('electron', () => import('./electronMock'));

const grantsPosted = (child: FakeUtilityProcess) => child.messages.map(([m]) => m as { type?: string; path?: string }).filter((m) => m.type === 'grant').map((m) => m.path);

describe('the engine process links in only files the user chose', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('FileGrants: only granted absolute paths pass; others are refused with a code', () => {
    const g = new FileGrants();
    g.add('/data/customers.csv');
    g.add('relative.csv');
    expect(g.has('/data/customers.csv')).toBe(true);
    expect(g.has('/data/x/../customers.csv')).toBe(true);
    for (const p of ['/etc/passwd', 'relative.csv', '/data/customers.csv/..', '', null, 42]) expect(g.has(p), String(p)).toBe(false);
    expect(() => g.check('/etc/passwd')).toThrow(expect.objectContaining({ code: 'engine.fileNotGranted' }));
  });

  it('main grants each chosen file to the engine process, also to a restarted one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenure-grants-'));
    dirs.push(dir);
    const file = join(dir, 'customers.csv');
    writeFileSync(file, 'id\n1\n');
    const engine = new EngineHost('/engine.cjs', () => ({ dir: join(dir, 'engine') }));
    const win = new FakeBrowserWindow({});
    const ctx: HostContext = { registry: new FileRegistry(), recent: new RecentFiles(join(dir, 'userData')), incoming: new IncomingFiles(() => true), settingsPath: join(dir, 's.json'), getWindow: () => win as never, t: (k) => k, engine };
    engine.connect(win.webContents as never);
    const first = FakeUtilityProcess.instances.at(-1)!;
    await grantPaths(ctx, [file, join(dir, 'missing.csv')]);
    expect(grantsPosted(first)).toEqual([file]);
    engine.stop();
    engine.connect(win.webContents as never);
    const second = FakeUtilityProcess.instances.at(-1)!;
    expect(second).not.toBe(first);
    expect(grantsPosted(second)).toEqual([file]);
    await ctx.registry.closeAll();
  });

  it('a folder chosen in the folder dialog is allowed (read-only) to every engine process started after it; reopenFolder takes only folders opened before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenure-grants-'));
    dirs.push(dir);
    const folder = join(dir, 'sales');
    mkdirSync(folder);
    const engine = new EngineHost('/engine.cjs', () => ({ dir: join(dir, 'engine') }));
    const win = new FakeBrowserWindow({});
    const ctx: HostContext = {
      registry: new FileRegistry(), recent: new RecentFiles(join(dir, 'userData')), recentFolders: new RecentFiles(join(dir, 'userData'), 'recent-folders.json'),
      incoming: new IncomingFiles(() => true), settingsPath: join(dir, 's.json'), getWindow: () => win as never, t: (k) => k, engine,
    };
    ipcMain.handlers.clear();
    registerHostHandlers(ctx);
    const event = { sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } };
    const call = (channel: string, ...args: unknown[]) => ipcMain.handlers.get(channel)!(event, ...args);
    const readDirs = (child: FakeUtilityProcess) => child.messages.map(([m]) => m as { type?: string; options?: { readDirs?: string[] } }).filter((m) => m.type === 'connect').map((m) => m.options?.readDirs);
    engine.connect(win.webContents as never);
    expect(readDirs(FakeUtilityProcess.instances.at(-1)!)).toEqual([[]]);
    // The renderer cannot name a folder it did not open.
    expect(await call(IPC.reopenFolder, folder)).toBeNull();
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    expect(await call(IPC.openFolder)).toEqual({ path: folder, name: 'sales' });
    expect(dialog.showOpenDialog.mock.calls.at(-1)!.at(-1)).toMatchObject({ properties: ['openDirectory'] });
    engine.stop();
    engine.connect(win.webContents as never);
    expect(readDirs(FakeUtilityProcess.instances.at(-1)!)).toEqual([[folder]]);
    // Opened before: granted again (a study's folder source); a plain file or a vanished folder: no.
    expect(await call(IPC.reopenFolder, folder)).toEqual({ path: folder, name: 'sales' });
    expect(await call(IPC.reopenFolder, '/etc')).toBeNull();
    rmSync(folder, { recursive: true });
    expect(await call(IPC.reopenFolder, folder)).toBeNull();
    expect(await ctx.recentFolders!.includes(folder)).toBe(false);
  });
});
