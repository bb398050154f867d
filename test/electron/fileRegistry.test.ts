import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, ipcMain } from './electronMock';
import { FileRegistry } from '../../electron/fileRegistry';
import { registerHostHandlers, grantPaths, type HostContext } from '../../electron/hostHandlers';
import { IncomingFiles } from '../../electron/incomingFiles';
import { IPC } from '../../electron/ipcChannels';
import { RecentFiles } from '../../electron/recentFiles';

vi.mock('electron', () => import('./electronMock'));

let dir: string;
let registry: FileRegistry;
let ctx: HostContext;
let win: FakeBrowserWindow;
const text = (b: unknown) => Buffer.from(b as Uint8Array).toString('utf8');

function read(id: string, start: number, end: number): Promise<unknown> {
  const h = ipcMain.handlers.get(IPC.readFileRange)!;
  return h({ sender: win.webContents, senderFrame: { url: 'app://tenure/desktop.html', parent: null } }, id, start, end) as Promise<unknown>;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenure-registry-'));
  registry = new FileRegistry();
  win = new FakeBrowserWindow({});
  ipcMain.handlers.clear();
  ctx = { registry, recent: new RecentFiles(join(dir, 'userData')), incoming: new IncomingFiles(() => true), settingsPath: join(dir, 'settings.json'), getWindow: () => win as never, t: (k) => k };
  registerHostHandlers(ctx);
});
afterEach(async () => {
  await registry.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('file registry: opened once at registration, read through that handle', () => {
  it('a path swapped for a symlink to a secret after it was chosen still reads the chosen file', async () => {
    const chosen = join(dir, 'customers.csv');
    const secret = join(dir, 'secret.txt');
    writeFileSync(chosen, 'id,value\n1,10\n');
    writeFileSync(secret, 'TOP SECRET');
    const [f] = await grantPaths(ctx, [chosen]);
    unlinkSync(chosen);
    symlinkSync(secret, chosen);
    expect(text(await read(f.id, 0, 100))).toBe('id,value\n1,10\n');
  });

  it('a path replaced by a rename keeps reading the file that was checked', async () => {
    const chosen = join(dir, 'a.csv');
    writeFileSync(chosen, 'original');
    const f = await registry.register(chosen);
    writeFileSync(join(dir, 'other'), 'swapped in');
    renameSync(join(dir, 'other'), chosen);
    expect(text(await registry.readRange(f.id, 0, 100))).toBe('original');
    // Choosing the path again (the monthly export replaced) keeps the id and moves it to the new file.
    const again = await registry.register(chosen);
    expect(again.id).toBe(f.id);
    expect(text(await registry.readRange(f.id, 0, 100))).toBe('swapped in');
  });

  it('a directory or a FIFO is refused at registration without hanging, and gets no id', async () => {
    const sub = join(dir, 'folder');
    mkdirSync(sub);
    await expect(registry.register(sub)).rejects.toThrow(/not a regular file|EISDIR/);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expect(registry.register(fifo)).rejects.toThrow(/not a regular file/);
    expect(await grantPaths(ctx, [sub, fifo, join(dir, 'missing.csv')])).toEqual([]);
  });

  it('reads clamp to the current size, handle shared by concurrent ranges, unknown ids refused', async () => {
    const p = join(dir, 'n.csv');
    writeFileSync(p, '0123456789');
    const f = await registry.register(p);
    expect(f.size).toBe(10);
    const parts = await Promise.all([read(f.id, 0, 3), read(f.id, 5, 8), read(f.id, 8, 50), read(f.id, 40, 50)]);
    expect(parts.map(text)).toEqual(['012', '567', '89', '']);
    writeFileSync(p, '01234'); // truncated in place: same file, smaller
    expect(text(await registry.readRange(f.id, 0, 10))).toBe('01234');
    await expect(read(randomUUID(), 0, 1)).rejects.toThrow(/unknown file id/);
    await expect(read('not-an-id', 0, 1)).rejects.toThrow(/invalid arguments/);
  });
});
