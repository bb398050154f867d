import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../shared/host/HostApi';
import { createElectronHost, hasElectronHost, READ_CHUNK_BYTES } from '../../renderer/host/electronHost';
import { MAX_READ_BYTES } from '../../electron/ipcChannels';

function fakeBridge(fileSize: number): HostApi & { readFileRange: ReturnType<typeof vi.fn>; saveFile: ReturnType<typeof vi.fn> } {
  return {
    kind: 'electron',
    version: 1,
    openFiles: vi.fn(async () => []),
    readFileRange: vi.fn(async (_id: string, start: number, end: number) => {
      const to = Math.min(end, fileSize);
      const from = Math.min(start, to);
      return Uint8Array.from({ length: to - from }, (_, i) => (from + i) % 251);
    }),
    openRecent: vi.fn(async () => null),
    recentFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ saved: true })),
    onCommand: vi.fn(() => () => undefined),
    loadSettings: vi.fn(async () => null),
    saveSettings: vi.fn(async () => undefined),
  };
}

const g = globalThis as { window?: { tenureHost?: HostApi } };

afterEach(() => {
  delete g.window;
});

describe('electronHost (renderer side)', () => {
  it('needs window.tenureHost', () => {
    g.window = {};
    expect(hasElectronHost()).toBe(false);
    expect(() => createElectronHost()).toThrow(/tenureHost/);
  });

  it('keeps each IPC read within the main-process cap', () => {
    expect(READ_CHUNK_BYTES).toBeLessThanOrEqual(MAX_READ_BYTES);
  });

  it('passes small reads straight through and splits big ones', async () => {
    const size = READ_CHUNK_BYTES * 2 + 1000;
    const bridge = fakeBridge(size);
    g.window = { tenureHost: bridge };
    expect(hasElectronHost()).toBe(true);
    const host = createElectronHost();
    expect((await host.readFileRange('f', 10, 20)).length).toBe(10);
    bridge.readFileRange.mockClear();
    const all = await host.readFileRange('f', 0, size);
    expect(all.length).toBe(size);
    expect(bridge.readFileRange.mock.calls.map((c) => c.slice(1))).toEqual([
      [0, READ_CHUNK_BYTES],
      [READ_CHUNK_BYTES, 2 * READ_CHUNK_BYTES],
      [2 * READ_CHUNK_BYTES, size],
    ]);
    expect(all[READ_CHUNK_BYTES + 5]).toBe((READ_CHUNK_BYTES + 5) % 251);
    // A range past the end stops at the end of the file.
    bridge.readFileRange.mockClear();
    expect((await host.readFileRange('f', READ_CHUNK_BYTES, READ_CHUNK_BYTES * 4)).length).toBe(size - READ_CHUNK_BYTES);
    expect(bridge.readFileRange).toHaveBeenCalledTimes(2);
  });

  it('sends only the viewed bytes and the known fields when saving', async () => {
    const bridge = fakeBridge(0);
    g.window = { tenureHost: bridge };
    const big = new Uint8Array(100);
    const view = big.subarray(10, 20);
    await createElectronHost().saveFile({ suggestedName: 'a.png', data: view, filters: [{ name: 'PNG', extensions: ['png'], extra: 1 } as never] });
    const req = bridge.saveFile.mock.calls[0][0];
    expect(req.data.buffer.byteLength).toBe(10);
    expect(req.filters).toEqual([{ name: 'PNG', extensions: ['png'] }]);
  });

  it('tolerates a bridge without onOpenFiles', () => {
    g.window = { tenureHost: fakeBridge(0) };
    const off = createElectronHost().onOpenFiles!(() => undefined);
    expect(typeof off).toBe('function');
  });
});
