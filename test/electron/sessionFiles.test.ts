import * as fsp from 'node:fs/promises';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeBrowserWindow, ipcMain } from './electronMock';
import { FileRegistry } from '../../electron/fileRegistry';
import { registerHostHandlers } from '../../electron/hostHandlers';
import { IncomingFiles } from '../../electron/incomingFiles';
import { IPC } from '../../electron/ipcChannels';
import { RecentFiles } from '../../electron/recentFiles';
import { generationPath, readSession, writeSession, type SessionFs } from '../../electron/sessionFiles';

vi.mock('electron', () => import('./electronMock'));

let dir: string;
let win: FakeBrowserWindow;
const session = (n: number) => JSON.stringify({ kind: 'tenure-session', n });

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const h = ipcMain.handlers.get(channel);
  if (!h) throw new Error(`no handler ${channel}`);
  return h({ sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } }, ...args) as Promise<unknown>;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-session-'));
  app.paths.documents = dir;
  win = new FakeBrowserWindow({});
  ipcMain.handlers.clear();
  registerHostHandlers({
    registry: new FileRegistry(),
    recent: new RecentFiles(join(dir, 'userData')),
    incoming: new IncomingFiles(() => true),
    settingsPath: join(dir, 'userData', 'settings.json'),
    getWindow: () => win as never,
    t: (k) => k,
  });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('crash-recovery session in Electron main (electron mocked)', () => {
  it('writes over IPC into userData, keeps the last 3 generations and reads the newest', async () => {
    const sdir = join(dir, 'userData', 'session');
    expect(await call(IPC.loadSession)).toBeNull();
    for (let n = 1; n <= 4; n++) await call(IPC.saveSession, session(n));
    expect(await call(IPC.loadSession)).toBe(session(4));
    expect([0, 1, 2].map((g) => JSON.parse(readFileSync(generationPath(sdir, g), 'utf8')).n)).toEqual([4, 3, 2]);
    expect(existsSync(generationPath(sdir, 3))).toBe(false);
    expect(readdirSync(sdir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a session that is not JSON or too large (validated IPC)', async () => {
    await expect(call(IPC.saveSession, '{"torn": ')).rejects.toThrow();
    await expect(call(IPC.saveSession, 42)).rejects.toThrow();
    expect(await call(IPC.loadSession)).toBeNull();
  });

  it('a crash between the write and the rename leaves the previous generation readable', async () => {
    const sdir = join(dir, 's');
    await writeSession(sdir, session(1));
    await writeSession(sdir, session(2));
    // The process dies after the temp file is written and synced, before it is renamed into place.
    const crashing: SessionFs = {
      open: fsp.open,
      readFile: fsp.readFile,
      mkdir: fsp.mkdir,
      rename: async (from, to) => {
        if (String(from).endsWith('.tmp')) throw Object.assign(new Error('killed'), { code: 'EKILLED' });
        return fsp.rename(from, to);
      },
    };
    await expect(writeSession(sdir, session(3), crashing)).rejects.toThrow('killed');
    // The rotation already moved generation 0 aside: the newest whole generation is the previous one.
    expect(await readSession(sdir)).toBe(session(2));
    // The next write succeeds and cleans up after itself.
    await writeSession(sdir, session(4));
    expect(await readSession(sdir)).toBe(session(4));
  });

  it('a torn newest file falls back to the generation before it', async () => {
    const sdir = join(dir, 't');
    await writeSession(sdir, session(1));
    await writeSession(sdir, session(2));
    writeFileSync(generationPath(sdir, 0), session(2).slice(0, 10));
    expect(await readSession(sdir)).toBe(session(1));
  });
});
