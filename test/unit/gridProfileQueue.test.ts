import { describe, expect, it } from 'vitest';
import { ProfileQueue, type ProfileOutcome } from '../../renderer/editors/grid/profileQueue';

/** A queue whose jobs each wait until the test settles them. */
function harness(limit?: number) {
  const q = new ProfileQueue<string>(limit);
  const started: { key: string; resolve(v: string): void; reject(e: Error): void }[] = [];
  const job = (key: string) => () =>
    new Promise<string>((resolve, reject) => {
      started.push({ key, resolve, reject });
    });
  const heard: Record<string, ProfileOutcome<string>[]> = {};
  const ask = (key: string, front = false) => q.request(key, job(key), (o) => (heard[key] ??= []).push(o), front);
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { q, started, ask, heard, flush, keys: () => started.map((s) => s.key) };
}

describe('grid profile queue', () => {
  it('runs one job at a time, in order, and caches the values', async () => {
    const h = harness();
    h.ask('a');
    h.ask('b');
    expect(h.keys()).toEqual(['a']);
    expect(h.q.queued).toEqual(['b']);
    h.started[0].resolve('A');
    await h.flush();
    expect(h.keys()).toEqual(['a', 'b']);
    expect(h.heard.a).toEqual([{ value: 'A' }]);
    expect(h.q.peek('a')).toBe('A');
    h.started[1].resolve('B');
    await h.flush();
    expect(h.q.running).toBeNull();
    // A cached value answers at once, without a job.
    let now: ProfileOutcome<string> | null = null;
    h.q.request('a', () => Promise.reject(new Error('not run')), (o) => (now = o));
    expect(now).toEqual({ value: 'A' });
    expect(h.keys()).toEqual(['a', 'b']);
  });

  it('shares one job between requests for the same key', async () => {
    const h = harness();
    h.ask('a');
    h.ask('a');
    h.started[0].resolve('A');
    await h.flush();
    expect(h.keys()).toEqual(['a']);
    expect(h.heard.a).toHaveLength(2);
  });

  it('drops a waiting job once nobody wants it (a column scrolled away), keeps it while someone does', async () => {
    const h = harness();
    h.ask('a');
    const releaseB1 = h.ask('b');
    const releaseB2 = h.ask('b');
    const releaseC = h.ask('c');
    releaseC();
    releaseB1();
    expect(h.q.queued).toEqual(['b']);
    releaseB2();
    expect(h.q.queued).toEqual([]);
    h.started[0].resolve('A');
    await h.flush();
    expect(h.keys()).toEqual(['a']);
    expect(h.heard.b).toBeUndefined();
  });

  it('lets a running job finish after release, caching its value without telling the released listener', async () => {
    const h = harness();
    const release = h.ask('a');
    release();
    expect(h.q.running).toBe('a');
    h.started[0].resolve('A');
    await h.flush();
    expect(h.heard.a).toBeUndefined();
    expect(h.q.peek('a')).toBe('A');
  });

  it('puts a request the user made first in line', () => {
    const h = harness();
    h.ask('a');
    h.ask('b');
    h.ask('c');
    h.ask('c', true);
    h.ask('d', true);
    expect(h.q.queued).toEqual(['d', 'c', 'b']);
  });

  it('reports errors, does not cache them, and goes on with the next job', async () => {
    const h = harness();
    h.ask('a');
    h.ask('b');
    h.started[0].reject(new Error('boom'));
    await h.flush();
    expect(h.heard.a).toEqual([{ error: 'boom' }]);
    expect(h.q.peek('a')).toBeUndefined();
    expect(h.keys()).toEqual(['a', 'b']);
    // Asking again retries.
    h.started[1].resolve('B');
    await h.flush();
    h.ask('a');
    expect(h.keys()).toEqual(['a', 'b', 'a']);
  });

  it('turns a job that throws synchronously into an error', async () => {
    const q = new ProfileQueue<string>();
    const heard: ProfileOutcome<string>[] = [];
    q.request('x', () => {
      throw new Error('sync');
    }, (o) => heard.push(o));
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toEqual([{ error: 'sync' }]);
    expect(q.running).toBeNull();
  });

  it('keeps at most `limit` values, forgetting the least recently used', async () => {
    const h = harness(2);
    for (const k of ['a', 'b']) {
      h.ask(k);
      h.started[h.started.length - 1].resolve(k.toUpperCase());
      await h.flush();
    }
    expect(h.q.peek('a')).toBe('A'); // a is now the most recently used
    h.ask('c');
    h.started[2].resolve('C');
    await h.flush();
    expect(h.q.peek('b')).toBeUndefined();
    expect(h.q.peek('a')).toBe('A');
    expect(h.q.peek('c')).toBe('C');
  });
});
