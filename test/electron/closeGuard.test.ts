import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, ipcMain } from './electronMock';
import { CLOSE_ANSWER_MS, installCloseGuard } from '../../electron/closeGuard';
import { FileRegistry } from '../../electron/fileRegistry';
import { registerHostHandlers, type HostContext } from '../../electron/hostHandlers';
import { IncomingFiles } from '../../electron/incomingFiles';
import { IPC } from '../../electron/ipcChannels';
import { RecentFiles } from '../../electron/recentFiles';
import { generationPath, markSessionClean, readSession, writeSession } from '../../electron/sessionFiles';
import type { HostFile, SaveResult } from '../../shared/host/HostApi';

vi.mock('electron', () => import('./electronMock'));

let dir: string;
let win: FakeBrowserWindow;
let ctx: HostContext;
const discarded = vi.fn(async () => undefined);

const trusted = () => ({ sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } });
function call(channel: string, ...args: unknown[]): Promise<unknown> {
  const h = ipcMain.handlers.get(channel);
  if (!h) throw new Error(`no handler ${channel}`);
  return Promise.resolve(h(trusted(), ...args));
}

/** The renderer's side: answer the newest close request through the validated handler. */
async function answer(dirty: boolean): Promise<void> {
  await vi.waitFor(() => expect(win.webContents.sent.some(([c]) => c === IPC.closeRequest)).toBe(true));
  const id = win.webContents.sent.filter(([c]) => c === IPC.closeRequest).at(-1)![1];
  await call(IPC.closeAnswer, id, dirty);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-close-'));
  app.paths.documents = dir;
  ipcMain.handlers.clear();
  dialog.showMessageBox.mockReset();
  dialog.showSaveDialog.mockReset();
  dialog.showOpenDialog.mockReset();
  discarded.mockClear();
  win = new FakeBrowserWindow({});
  ctx = {
    registry: new FileRegistry(),
    recent: new RecentFiles(join(dir, 'userData')),
    incoming: new IncomingFiles(() => true),
    settingsPath: join(dir, 'userData', 'settings.json'),
    getWindow: () => win as never,
    t: (key) => `t:${key}`,
  };
  registerHostHandlers(ctx);
  ctx.close = installCloseGuard(win as never, { t: ctx.t, onDiscard: discarded });
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('closing the window with unsaved changes', () => {
  it('closes at once when the renderer says nothing is unsaved', async () => {
    win.close();
    expect(win.destroyed).toBe(false);
    await answer(false);
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('asks Save / Don’t Save / Cancel; Cancel keeps the window', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 2 });
    win.close();
    await answer(true);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledTimes(1));
    const opts = dialog.showMessageBox.mock.calls[0][1] as Electron.MessageBoxOptions;
    expect(opts.buttons).toEqual(['t:electron.close.save', 't:electron.close.dontSave', 't:electron.close.cancel']);
    expect([opts.defaultId, opts.cancelId, opts.message]).toEqual([0, 2, 't:electron.close.message']);
    await new Promise((r) => setTimeout(r, 10));
    expect(win.destroyed).toBe(false);
    expect(discarded).not.toHaveBeenCalled();
  });

  it("Don't Save discards the autosaved session and closes", async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    win.close();
    await answer(true);
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(discarded).toHaveBeenCalledTimes(1);
  });

  it('Save hands over to the renderer, which closes the window once the study is saved', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    win.close();
    await answer(true);
    await vi.waitFor(() => expect(win.webContents.sent.map(([c]) => c)).toContain(IPC.saveAndClose));
    expect(win.destroyed).toBe(false);
    await call(IPC.closeWindow);
    expect(win.destroyed).toBe(true);
  });

  it('a renderer that does not answer (gone or hung) does not keep the window open', async () => {
    vi.useFakeTimers();
    win.close();
    await vi.advanceTimersByTimeAsync(CLOSE_ANSWER_MS + 10);
    expect(win.destroyed).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('refuses a malformed answer', async () => {
    await expect(call(IPC.closeAnswer, 'x', true)).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC.closeAnswer, 1, 'yes')).rejects.toThrow(/invalid arguments/);
  });
});

describe('Save Study without a dialog', () => {
  it('writes over a .tenure the user picked in Save As, and nothing else', async () => {
    const target = join(dir, 'retention.tenure');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await call(IPC.saveFile, { suggestedName: 'retention.tenure', data: '{"v":1}' })).toEqual({ saved: true, path: target });
    const res = (await call(IPC.saveStudyTo, target, '{"v":2}')) as SaveResult;
    expect(res).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
    // A path the user never chose, a data file, a non-.tenure name: refused, nothing written.
    const other = join(dir, 'other.tenure');
    await expect(call(IPC.saveStudyTo, other, '{}')).rejects.toThrow(/not a study file/);
    const csv = join(dir, 'telco.csv');
    writeFileSync(csv, 'a\n1\n');
    await expect(call(IPC.saveStudyTo, csv, '{}')).rejects.toThrow(/invalid arguments/);
    expect(readFileSync(csv, 'utf8')).toBe('a\n1\n');
  });

  it('writes over a .tenure the user opened', async () => {
    const study = join(dir, 'opened.tenure');
    writeFileSync(study, '{"v":1}');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [study] });
    const [file] = (await call(IPC.openFiles, { multiple: false })) as HostFile[];
    expect(file.path).toBe(study);
    await call(IPC.saveStudyTo, study, '{"v":3}');
    expect(readFileSync(study, 'utf8')).toBe('{"v":3}');
  });
});

describe('markSessionClean', () => {
  it('rewrites the newest generation as without unsaved work, keeping the study', async () => {
    const sessions = join(dir, 'session');
    await writeSession(sessions, JSON.stringify({ kind: 'tenure-session', dirty: true, study: { title: 'x' } }));
    await markSessionClean(sessions);
    expect(JSON.parse((await readSession(sessions))!)).toEqual({ kind: 'tenure-session', dirty: false, study: { title: 'x' } });
    // The dirty record is still one generation back (3 are kept), never lost.
    expect(JSON.parse(readFileSync(generationPath(sessions, 1), 'utf8')).dirty).toBe(true);
    await markSessionClean(join(dir, 'nothing-here'));
  });
});
