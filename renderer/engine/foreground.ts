import type { QueryEngine } from '../../shared/engine/QueryEngine';

/**
 * The engine runs one statement at a time, so work nobody waits for (column profiles, the warm-up)
 * would take turns with work somebody does (an import, an analysis run) and slow it down. While any
 * of the latter holds the foreground, and for a short while after (the user's next step, e.g. an
 * analysis right after an import, usually follows at once), background statements wait.
 */
let holders = 0;
let holds = 0;
let releasedAt = -Infinity;
let waiting: (() => void)[] = [];

/** How long background work keeps waiting after the foreground was released. */
export const BACKGROUND_GRACE_MS = 1000;

let analyses = 0;

/** Hold the foreground for the duration of `work` (`analysis`: an analysis run, counted apart). */
export async function inForeground<T>(work: () => Promise<T>, what?: 'analysis'): Promise<T> {
  holders++;
  holds++;
  if (what === 'analysis') analyses++;
  try {
    return await work();
  } finally {
    if (--holders === 0) {
      releasedAt = performance.now();
      const wake = waiting;
      waiting = [];
      for (const w of wake) w();
    }
  }
}

/** How many times the foreground has been taken so far (background work can tell it was overtaken). */
export const foregroundHolds = (): number => holds;

/** How many analysis runs have taken the foreground so far. */
export const analysisRuns = (): number => analyses;

/** Whether something holds the foreground right now. */
export const foregroundHeld = (): boolean => holders > 0;

/** Resolves as soon as nothing holds the foreground (no grace: for work that must fit between the user's steps). */
export async function foregroundFree(): Promise<void> {
  while (holders > 0) await new Promise<void>((resolve) => waiting.push(resolve));
}

/** Resolves once nothing has held the foreground for BACKGROUND_GRACE_MS (at once when nothing has lately). */
export async function foregroundIdle(): Promise<void> {
  for (;;) {
    if (holders > 0) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      continue;
    }
    const left = releasedAt + BACKGROUND_GRACE_MS - performance.now();
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, left));
  }
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
