import { describe, expect, it } from 'vitest';
import { WindowStore } from '../../renderer/editors/grid/windowCache';

/** A controllable fetch: each call waits until the test resolves it. */
function harness(capacity = 3) {
  const calls: { offset: number; resolve(): void; reject(e: Error): void }[] = [];
  const errors: unknown[] = [];
  let updates = 0;
  const store = new WindowStore<number>({
    windowSize: 10,
    capacity,
    fetch: (offset, limit) =>
      new Promise((resolve, reject) => {
        calls.push({ offset, resolve: () => resolve(Array.from({ length: limit }, (_, i) => offset + i)), reject });
      }),
    onUpdate: () => updates++,
    onError: (e) => errors.push(e),
  });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { store, calls, errors, flush, updates: () => updates };
}

describe('grid window cache', () => {
  it('fetches missing windows one at a time and serves rows from the cache', async () => {
    const h = harness();
    h.store.request(5, 14); // windows 0 and 1
    expect(h.calls.map((c) => c.offset)).toEqual([0]);
    h.calls[0].resolve();
    await h.flush();
    expect(h.calls.map((c) => c.offset)).toEqual([0, 10]);
    h.calls[1].resolve();
    await h.flush();
    expect(h.store.row(14)).toBe(14);
    expect(h.store.has(0, 19)).toBe(true);
    expect(h.updates()).toBe(2);
  });

  it('replaces older wishes while a fetch runs (fast scrolling fetches only where it stops)', async () => {
    const h = harness();
    h.store.request(0, 5);
    h.store.request(100, 105);
    h.store.request(500, 505);
    h.calls[0].resolve();
    await h.flush();
    expect(h.calls.map((c) => c.offset)).toEqual([0, 500]);
  });

  it('evicts the least recently used window beyond its capacity', async () => {
    const h = harness(2);
    for (const [i, row] of [0, 10, 20].entries()) {
      h.store.request(row, row);
      h.calls[i].resolve();
      await h.flush();
    }
    expect(h.store.cachedWindows).toEqual([1, 2]);
    h.store.request(10, 10); // touch window 1: now window 2 is the oldest
    h.store.request(30, 30);
    h.calls[3].resolve();
    await h.flush();
    expect(h.store.cachedWindows).toEqual([1, 3]);
  });

  it('ignores answers that arrive after a reset (stale sort or source)', async () => {
    const h = harness();
    h.store.request(0, 0);
    h.store.reset();
    h.store.request(0, 0);
    expect(h.calls).toHaveLength(2);
    h.calls[1].resolve();
    await h.flush();
    h.calls[0].resolve(); // the old answer lands last and must not overwrite
    await h.flush();
    expect(h.store.cachedWindows).toEqual([0]);
    expect(h.updates()).toBe(1);
  });

  it('reports a failed fetch and can retry', async () => {
    const h = harness();
    h.store.request(0, 0);
    h.calls[0].reject(new Error('boom'));
    await h.flush();
    expect(h.errors).toHaveLength(1);
    h.store.request(0, 0);
    expect(h.calls).toHaveLength(2);
  });
});
