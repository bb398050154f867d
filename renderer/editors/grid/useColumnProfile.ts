import { useEffect, useState } from 'react';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { computeColumnProfile, type ColumnProfile } from '../../../shared/import/columnProfile';
import { ProfileQueue } from './profileQueue';
import { backgroundEngine } from '../../engine/foreground';

/** One set of options for every caller, so the Explorer card and the grid share cache entries. */
export const PROFILE_OPTS = { bins: 24, top: 5 };

const queues = new WeakMap<QueryEngine, ProfileQueue<ColumnProfile>>();

/** The engine's one profile queue and cache (shared by the Explorer card and every grid). */
export function profileQueue(engine: QueryEngine): ProfileQueue<ColumnProfile> {
  let q = queues.get(engine);
  if (!q) queues.set(engine, (q = new ProfileQueue<ColumnProfile>()));
  return q;
}

/** Row count in the key: a table reloaded under the same name is profiled afresh. */
export function profileKey(table: string, column: string, rows: number): string {
  return `${table}\u0000${column}\u0000${rows}`;
}

/** Profiles are background work: an import or analysis run that starts meanwhile goes first. */
export function profileJob(engine: QueryEngine, table: string, column: string): () => Promise<ColumnProfile> {
  return () => computeColumnProfile(backgroundEngine(engine), table, column, PROFILE_OPTS);
}

/**
 * One column's profile, computed when first asked for (ahead of any automatic grid profiles:
 * somebody is looking at this one) and cached per engine, table, column and row count.
 */
export function useColumnProfile(engine: QueryEngine, table: string, column: string, rows: number): { profile: ColumnProfile | null; error: string | null } {
  const q = profileQueue(engine);
  const key = profileKey(table, column, rows);
  const [heard, setHeard] = useState<{ key: string; profile?: ColumnProfile; error?: string } | null>(null);
  useEffect(
    () => q.request(key, profileJob(engine, table, column), (o) => setHeard('value' in o ? { key, profile: o.value } : { key, error: o.error }), true),
    [q, engine, table, column, key],
  );
  const mine = heard?.key === key ? heard : null;
  return { profile: q.peek(key) ?? mine?.profile ?? null, error: mine?.error ?? null };
}
