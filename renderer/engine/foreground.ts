import type { QueryEngine } from '../../shared/engine/QueryEngine';

/**
 * The engine runs one statement at a time, so work nobody waits for (column profiles) would take
 * turns with work somebody does (an import, an analysis run) and slow it down. While any of the
 * latter holds the foreground, background statements wait; they run once it is released.
 */
let holders = 0;
let waiting: (() => void)[] = [];

/** Hold the foreground for the duration of `work`. */
export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  holders++;
  try {
    return await work();
  } finally {
    if (--holders === 0) {
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    }
  }
}

/** Resolves when nothing holds the foreground (at once when nothing does). */
export function foregroundIdle(): Promise<void> {
  return holders === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
}

/** The engine as background work sees it: every statement waits for the foreground to be idle. */
export function backgroundEngine(engine: QueryEngine): QueryEngine {
  const bg: QueryEngine = Object.create(engine) as QueryEngine;
  bg.query = async (sql) => {
    await foregroundIdle();
    return engine.query(sql);
  };
  return bg;
}
