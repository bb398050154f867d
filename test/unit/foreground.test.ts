import { describe, expect, it } from 'vitest';
import { BACKGROUND_GRACE_MS, analysisRuns, foregroundFree, foregroundHeld, foregroundIdle, inForeground } from '../../renderer/engine/foreground';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('foreground and background engine work', () => {
  it('background work waits while an import or analysis holds the foreground, and a grace period after', async () => {
    const order: string[] = [];
    let finish!: () => void;
    const run = inForeground(async () => {
      order.push('foreground starts');
      await new Promise<void>((r) => (finish = r));
      order.push('foreground ends');
    });
    const started = performance.now();
    const bg = foregroundIdle().then(() => order.push('background runs'));
    await sleep(30);
    expect(order).toEqual(['foreground starts']);
    finish();
    await run;
    await bg;
    expect(order).toEqual(['foreground starts', 'foreground ends', 'background runs']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(BACKGROUND_GRACE_MS + 30 - 5);
  });

  it('a second holder keeps background work waiting until the last one is done', async () => {
    await foregroundIdle();
    let heard = false;
    const a = inForeground(() => sleep(20));
    const b = inForeground(() => sleep(80));
    const bg = foregroundIdle().then(() => (heard = true));
    await a;
    await sleep(10);
    expect(heard).toBe(false);
    await b;
    expect(heard).toBe(false);
    await bg;
    expect(heard).toBe(true);
  });

  it('nothing held lately: background work runs at once', async () => {
    await foregroundIdle();
    const t = performance.now();
    await foregroundIdle();
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('work between the user\'s steps starts as soon as the foreground is free (no grace), and analysis runs are counted apart', async () => {
    const before = analysisRuns();
    let finish!: () => void;
    const run = inForeground(() => new Promise<void>((r) => (finish = r)), 'analysis');
    expect(foregroundHeld()).toBe(true);
    expect(analysisRuns()).toBe(before + 1);
    const started = performance.now();
    let free = false;
    const gap = foregroundFree().then(() => (free = true));
    await sleep(20);
    expect(free).toBe(false);
    finish();
    await run;
    await gap;
    expect(foregroundHeld()).toBe(false);
    expect(performance.now() - started).toBeLessThan(BACKGROUND_GRACE_MS);
    await inForeground(() => sleep(1));
    expect(analysisRuns()).toBe(before + 1);
  });
});

