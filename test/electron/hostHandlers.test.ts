import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, dialog, FakeBrowserWindow, FakeWebContents, ipcMain } from './electronMock';
import type { HostFile, RecentFile, SaveResult } from '../../shared/host/HostApi';
import { FileRegistry } from '../../electron/fileRegistry';
import { grantPaths, registerHostHandlers, safeFileName, type HostContext } from '../../electron/hostHandlers';
import { IncomingFiles } from '../../electron/incomingFiles';
import { IPC, MAX_READ_BYTES } from '../../electron/ipcChannels';
import { RecentFiles } from '../../electron/recentFiles';

vi.mock('electron', () => import('./electronMock'));

let dir: string;
let csv: string;
let win: FakeBrowserWindow;
let ctx: HostContext;
let sent: HostFile[][];
const CONTENT = 'customer,amount\nA,10\nB,20\n';

function trustedEvent() {
  return { sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } };
}

function call(channel: string, ...args: unknown[]): Promise<unknown> {
  return callAs(trustedEvent(), channel, ...args);
}

async function callAs(event: unknown, channel: string, ...args: unknown[]): Promise<unknown> {
  const h = ipcMain.handlers.get(channel);
  if (!h) throw new Error(`no handler ${channel}`);
  return h(event, ...args);
}

async function openCsv(): Promise<HostFile> {
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [csv] });
  const [file] = (await call(IPC.openFiles, { multiple: false })) as HostFile[];
  return file;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-host-'));
  csv = join(dir, 'orders.csv');
  writeFileSync(csv, CONTENT);
  app.paths.documents = dir;
  win = new FakeBrowserWindow({});
  sent = [];
  ipcMain.handlers.clear();
  dialog.showOpenDialog.mockClear();
  dialog.showSaveDialog.mockClear();
  app.addRecentDocument.mockClear();
  ctx = {
    registry: new FileRegistry(),
    recent: new RecentFiles(join(dir, 'userData')),
    incoming: new IncomingFiles((files) => (sent.push(files), true)),
    settingsPath: join(dir, 'userData', 'settings.json'),
    getWindow: () => win as never,
    t: (key) => `t:${key}`,
    onSettingsSaved: vi.fn(),
  };
  registerHostHandlers(ctx);
});

describe('IPC sender check', () => {
  const untrusted = () => [
    { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
    { sender: win.webContents, senderFrame: { url: 'app://tenure.evil/desktop.html', parent: null } },
    { sender: win.webContents, senderFrame: { url: 'file:///app/dist/desktop.html', parent: null } },
    { sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: {} } },
    { sender: win.webContents, senderFrame: null },
    { sender: new FakeWebContents(), senderFrame: { url: 'app://tenure/desktop.html', parent: null } },
  ];

  it('rejects every call from a foreign page, sub-frame or other WebContents', async () => {
    for (const channel of Object.values(IPC).filter((c) => ipcMain.handlers.has(c))) {
      for (const ev of untrusted()) await expect(callAs(ev, channel), channel).rejects.toThrow(/untrusted IPC sender/);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('registers a handler for every invoke channel', () => {
    for (const c of [IPC.openFiles, IPC.readFileRange, IPC.openRecent, IPC.recentFiles, IPC.saveFile, IPC.loadSettings, IPC.saveSettings, IPC.takePendingFiles]) {
      expect(ipcMain.handlers.has(c), c).toBe(true);
    }
  });
});

describe('openFiles', () => {
  it('returns opaque ids for files the user chose and records them as recent', async () => {
    const file = await openCsv();
    expect(file).toMatchObject({ name: 'orders.csv', size: CONTENT.length, path: csv });
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(file.id).not.toContain('orders');
    const opts = dialog.showOpenDialog.mock.calls[0][1] as Electron.OpenDialogOptions;
    expect(opts.properties).toEqual(['openFile']);
    expect(opts.title).toBe('t:electron.dialog.openTitle');
    expect(((await call(IPC.recentFiles)) as RecentFile[]).map((r) => r.path)).toEqual([csv]);
    expect(app.addRecentDocument).toHaveBeenCalledWith(csv);
  });

  it('offers Parquet and DuckDB database files; a chosen one is granted to the engine process by path', async () => {
    const pq = join(dir, 'orders.parquet');
    const db = join(dir, 'crm.duckdb');
    writeFileSync(pq, 'PAR1');
    writeFileSync(db, 'x');
    const grant = vi.fn();
    ctx.engine = { connect: vi.fn(), grant };
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [pq, db] });
    const files = (await call(IPC.openFiles, { multiple: true })) as HostFile[];
    const opts = dialog.showOpenDialog.mock.calls[0][1] as Electron.OpenDialogOptions;
    expect(opts.filters![0].extensions).toEqual(expect.arrayContaining(['csv', 'xlsx', 'parquet', 'duckdb', 'tenure']));
    expect(files.map((f) => [f.name, f.path])).toEqual([['orders.parquet', pq], ['crm.duckdb', db]]);
    expect(grant.mock.calls.map(([p]) => p)).toEqual([pq, db]);
  });

  it('asks for multi-selection only when requested, and returns [] when cancelled', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(IPC.openFiles, { multiple: true })).toEqual([]);
    expect((dialog.showOpenDialog.mock.calls[0][1] as Electron.OpenDialogOptions).properties).toContain('multiSelections');
  });

  it('keeps one id per path', async () => {
    const a = await openCsv();
    const b = await openCsv();
    expect(b.id).toBe(a.id);
  });

  it('rejects malformed options', async () => {
    for (const bad of [{ multiple: 'yes' }, { multiple: true, path: '/etc/passwd' }, 'x', 42]) {
      await expect(call(IPC.openFiles, bad)).rejects.toThrow(/invalid arguments/);
    }
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('readFileRange', () => {
  it('reads the requested bytes', async () => {
    const { id } = await openCsv();
    const bytes = (await call(IPC.readFileRange, id, 0, 8)) as Uint8Array;
    expect(new TextDecoder().decode(bytes)).toBe('customer');
    const mid = (await call(IPC.readFileRange, id, 16, 20)) as Uint8Array;
    expect(new TextDecoder().decode(mid)).toBe('A,10');
  });

  it('clamps ranges past the end of the file', async () => {
    const { id } = await openCsv();
    expect(((await call(IPC.readFileRange, id, 0, 1_000_000)) as Uint8Array).length).toBe(CONTENT.length);
    expect(((await call(IPC.readFileRange, id, 10_000, 10_010)) as Uint8Array).length).toBe(0);
    expect(((await call(IPC.readFileRange, id, 5, 5)) as Uint8Array).length).toBe(0);
  });

  it('rejects negative, reversed, fractional, non-numeric and oversized ranges', async () => {
    const { id } = await openCsv();
    const bad: unknown[][] = [
      [id, -1, 10],
      [id, 10, 5],
      [id, 0.5, 10],
      [id, 0, Number.POSITIVE_INFINITY],
      [id, 0, Number.NaN],
      [id, '0', '10'],
      [id, 0],
      [id, 0, MAX_READ_BYTES + 1],
      [id, 0, 10, 'extra'],
    ];
    for (const args of bad) await expect(call(IPC.readFileRange, ...args), JSON.stringify(args)).rejects.toThrow(/invalid arguments/);
    await expect(call(IPC.readFileRange, id, 0, MAX_READ_BYTES)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('rejects unknown ids and paths posing as ids', async () => {
    await openCsv();
    await expect(call(IPC.readFileRange, '00000000-0000-4000-8000-000000000000', 0, 10)).rejects.toThrow(/unknown file id/);
    for (const id of [csv, '/etc/passwd', '../orders.csv', '', 7]) {
      await expect(call(IPC.readFileRange, id, 0, 10)).rejects.toThrow(/invalid arguments/);
    }
  });
});

describe('recent files', () => {
  it('openRecent only re-opens paths on the recent list', async () => {
    expect(await call(IPC.openRecent, csv)).toBeNull();
    await openCsv();
    const again = (await call(IPC.openRecent, csv)) as HostFile;
    expect(again.path).toBe(csv);
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'x');
    expect(await call(IPC.openRecent, other)).toBeNull();
    expect(await call(IPC.openRecent, '/etc/passwd')).toBeNull();
  });

  it('drops a recent file that no longer exists', async () => {
    await openCsv();
    rmSync(csv);
    expect(await call(IPC.openRecent, csv)).toBeNull();
    expect(await call(IPC.recentFiles)).toEqual([]);
  });

  it('rejects non-string and oversized paths', async () => {
    for (const bad of [42, null, '', 'x'.repeat(5000)]) await expect(call(IPC.openRecent, bad)).rejects.toThrow(/invalid arguments/);
  });

  it('keeps at most 10, newest first, unique', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => join(dir, `f${i}.csv`));
    for (const p of paths) writeFileSync(p, 'a');
    await grantPaths(ctx, paths);
    await grantPaths(ctx, [paths[3]]);
    const list = (await call(IPC.recentFiles)) as RecentFile[];
    expect(list).toHaveLength(10);
    expect(list[0].path).toBe(paths[3]);
    expect(new Set(list.map((r) => r.path)).size).toBe(10);
  });
});

describe('saveFile', () => {
  it('writes text and bytes only where the save dialog says', async () => {
    const target = join(dir, 'out.csv');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const res = (await call(IPC.saveFile, { suggestedName: 'out.csv', data: 'a,b\n', filters: [{ name: 'CSV', extensions: ['csv'] }] })) as SaveResult;
    expect(res).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
    const png = join(dir, 'chart.png');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: png });
    await call(IPC.saveFile, { suggestedName: 'chart.png', data: new Uint8Array([137, 80, 78, 71]) });
    expect([...readFileSync(png)]).toEqual([137, 80, 78, 71]);
  });

  it('reports a cancelled dialog', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await call(IPC.saveFile, { suggestedName: 'x.csv', data: '' })).toEqual({ saved: false });
  });

  it('never lets the suggested name choose a directory', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await call(IPC.saveFile, { suggestedName: '../../etc/passwd', data: 'x' });
    const opts = dialog.showSaveDialog.mock.calls[0][1] as Electron.SaveDialogOptions;
    expect(opts.defaultPath).toBe(join(dir, '__.._etc_passwd'));
    expect(safeFileName('a/b\\c:d*e?.csv')).toBe('a_b_c_d_e_.csv');
    expect(safeFileName('   ')).toBe('export');
  });

  it('rejects malformed requests', async () => {
    const bad: unknown[] = [
      { suggestedName: '', data: 'x' },
      { suggestedName: 'a.csv', data: 42 },
      { suggestedName: 'a.csv', data: [1, 2] },
      { suggestedName: 'a.csv', data: 'x', path: '/etc/passwd' },
      { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'x', extensions: ['../sh'] }] },
      { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'x', extensions: [] }] },
      { suggestedName: 'x'.repeat(300), data: 'x' },
      null,
    ];
    for (const req of bad) await expect(call(IPC.saveFile, req), JSON.stringify(req)).rejects.toThrow(/invalid arguments/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('settings', () => {
  it('round-trips JSON in userData and notifies main', async () => {
    expect(await call(IPC.loadSettings)).toBeNull();
    const json = JSON.stringify({ version: 1, language: 'zh-CN' });
    await call(IPC.saveSettings, json);
    expect(await call(IPC.loadSettings)).toBe(json);
    expect(readFileSync(ctx.settingsPath, 'utf8')).toBe(json);
    expect(ctx.onSettingsSaved).toHaveBeenCalledWith(json);
  });

  it('rejects non-JSON, non-string and oversized settings', async () => {
    for (const bad of ['{not json', 42, { a: 1 }, JSON.stringify('x'.repeat(1024 * 1024 + 1))]) {
      await expect(call(IPC.saveSettings, bad)).rejects.toThrow(/invalid arguments/);
    }
    await expect(call(IPC.loadSettings, 'extra')).rejects.toThrow(/invalid arguments/);
  });
});

describe('files opened from outside', () => {
  it('queues until the renderer listens, then sends directly', async () => {
    ctx.incoming.push(await grantPaths(ctx, [csv]));
    expect(sent).toEqual([]);
    const pending = (await call(IPC.takePendingFiles)) as HostFile[];
    expect(pending.map((f) => f.path)).toEqual([csv]);
    expect(await call(IPC.takePendingFiles)).toEqual([]);
    ctx.incoming.push(await grantPaths(ctx, [csv]));
    expect(sent).toHaveLength(1);
    ctx.incoming.reset();
    ctx.incoming.push(await grantPaths(ctx, [csv]));
    expect(sent).toHaveLength(1);
  });

  it('skips paths that are missing or not regular files', async () => {
    const files = await grantPaths(ctx, [join(dir, 'missing.csv'), dir, csv]);
    expect(files.map((f) => f.path)).toEqual([csv]);
  });
});
