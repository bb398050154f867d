import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import type { ColumnProfile } from '../../../shared/import/columnProfile';
import { profileJob, profileKey, profileQueue } from './useColumnProfile';

/** What one header strip shows. */
export type HeaderProfile =
  | { state: 'ready'; profile: ColumnProfile }
  | { state: 'pending' }
  | { state: 'error'; error: string }
  /** Queued automatically once it is visible and the grid's rows are in. */
  | { state: 'waiting' }
  /** A large table: computed only when the user asks (see AUTO_PROFILE_MAX_ROWS). */
  | { state: 'manual' }
  | { state: 'none' };

export interface HeaderProfiles {
  get(column: string): HeaderProfile;
  /** Compute one column now, ahead of the automatic ones (a click on "Profile" or a retry). */
  compute(column: string): void;
}

/** Above this many rows each profile is a scan the user should ask for, not a side effect of scrolling. */
export const AUTO_PROFILE_MAX_ROWS = 2_000_000;
/** Horizontal scrolling settles before profiles are queued, so a fling does not queue every column. */
const SETTLE_MS = 150;

/**
 * Profiles for the grid's header strips. `table` is the underlying table (null: nothing to
 * profile, e.g. a query's rows); `visible` names the columns on screen plus a little overscan;
 * `dataShown` is false until the grid's first rows are in (the data comes first). Queued jobs for
 * columns scrolled away, or for a grid that unmounts, are dropped.
 */
export function useHeaderProfiles(engine: QueryEngine, table: string | null, rows: number, visible: string[], dataShown: boolean): HeaderProfiles {
  const q = profileQueue(engine);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  // Requests this grid holds (key → release) and errors it has seen; both per table and row count.
  const held = useRef(new Map<string, () => void>());
  const errors = useRef(new Map<string, string>());
  const auto = table !== null && rows <= AUTO_PROFILE_MAX_ROWS;

  useEffect(() => {
    const mine = held.current;
    const seen = errors.current;
    return () => {
      for (const release of mine.values()) release();
      mine.clear();
      seen.clear();
    };
  }, [q, table, rows]);

  const ask = useCallback(
    (column: string, front: boolean) => {
      if (table === null) return;
      const key = profileKey(table, column, rows);
      if (held.current.has(key) || q.peek(key) !== undefined) return;
      errors.current.delete(key);
      const release = q.request(key, profileJob(engine, table, column), (o) => {
        if (held.current.get(key) !== release) return;
        held.current.delete(key);
        if ('error' in o) errors.current.set(key, o.error);
        bump();
      }, front);
      held.current.set(key, release);
      bump();
    },
    [engine, q, table, rows],
  );

  const wanted = visible.join('\u0000');
  useEffect(() => {
    if (!auto || !dataShown || table === null) return;
    const timer = setTimeout(() => {
      const columns = wanted ? wanted.split('\u0000') : [];
      const keep = new Set(columns.map((c) => profileKey(table, c, rows)));
      for (const [key, release] of held.current) {
        if (keep.has(key)) continue;
        release();
        held.current.delete(key);
      }
      // A column that failed is not retried on every scroll; a click on its strip retries it.
      for (const c of columns) if (!errors.current.has(profileKey(table, c, rows))) ask(c, false);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [auto, dataShown, table, rows, wanted, ask]);

  const get = (column: string): HeaderProfile => {
    if (table === null || rows === 0) return { state: 'none' };
    const key = profileKey(table, column, rows);
    const profile = q.peek(key);
    if (profile) return { state: 'ready', profile };
    const error = errors.current.get(key);
    if (error !== undefined) return { state: 'error', error };
    if (held.current.has(key)) return { state: 'pending' };
    return auto ? { state: 'waiting' } : { state: 'manual' };
  };
  return { get, compute: (column) => ask(column, true) };
}
