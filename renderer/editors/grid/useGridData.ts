import { useEffect, useMemo, useRef, useState } from 'react';
import type { Table } from 'apache-arrow';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toRows } from '../../../shared/engine/arrowRows';
import { takeCount } from './countCache';
import { countSql, describeSql, rowidProbeSql, windowSql, type GridColumn, type GridSort, type GridSource, type TieBreak } from './gridSql';
import { WindowStore } from './windowCache';

export type GridRow = unknown[];

export interface GridData {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  columns: GridColumn[];
  rows: number;
  tieBreak: TieBreak;
  store: WindowStore<GridRow> | null;
  /** Bumps whenever a window arrives, to re-render. */
  version: number;
}

export const WINDOW_ROWS = 256;
const WINDOW_CAPACITY = 16;

/** Rows of an Arrow window as arrays, columns by position (names may repeat in odd queries). */
export function windowRows(t: Table): GridRow[] {
  const cols = t.schema.fields.map((_, i) => t.getChildAt(i)!);
  const out: GridRow[] = new Array(t.numRows);
  for (let r = 0; r < t.numRows; r++) out[r] = cols.map((c) => c.get(r) as unknown);
  return out;
}

/** Schema + row count once per source, then windows on demand for the current sort. */
export function useGridData(engine: QueryEngine, source: GridSource, sort: GridSort | null): GridData {
  const key = source.kind === 'table' ? `t:${source.table}` : `q:${source.sql}`;
  // The shell may pass a fresh object each render: the source is identified by its key.
  const src = useMemo(() => source, [key]);
  const [meta, setMeta] = useState<Omit<GridData, 'store' | 'version'>>({ status: 'loading', columns: [], rows: 0, tieBreak: 'columns' });
  const [version, setVersion] = useState(0);
  const sortRef = useRef(sort);
  sortRef.current = sort;

  useEffect(() => {
    let live = true;
    setMeta({ status: 'loading', columns: [], rows: 0, tieBreak: 'columns' });
    (async () => {
      const columns = toRows<{ column_name: string; column_type: string }>(await engine.query(describeSql(src)))
        .map((r) => ({ name: r.column_name, type: r.column_type }));
      let tieBreak: TieBreak = 'columns';
      if (src.kind === 'table') {
        tieBreak = await engine.query(rowidProbeSql(src.table)).then(() => 'rowid' as const, () => 'columns' as const);
      }
      const known = src.kind === 'query' ? takeCount(engine, src.sql) : undefined;
      const rows = known ?? Number(toRows<{ n: number }>(await engine.query(countSql(src)))[0].n);
      if (live) setMeta({ status: 'ready', columns, rows, tieBreak });
    })().catch((err: unknown) => {
      if (live) setMeta({ status: 'error', error: err instanceof Error ? err.message : String(err), columns: [], rows: 0, tieBreak: 'columns' });
    });
    return () => {
      live = false;
    };
  }, [engine, src]);

  const store = useMemo(() => {
    if (meta.status !== 'ready') return null;
    return new WindowStore<GridRow>({
      windowSize: WINDOW_ROWS,
      capacity: WINDOW_CAPACITY,
      fetch: async (offset, limit) =>
        windowRows(await engine.query(windowSql(src, meta.columns, { offset, limit, sort: sortRef.current, tieBreak: meta.tieBreak }))),
      onUpdate: () => setVersion((v) => v + 1),
      onError: (err) => setMeta((m) => ({ ...m, status: 'error', error: err instanceof Error ? err.message : String(err) })),
    });
  }, [engine, src, meta.status, meta.columns, meta.tieBreak]);

  // A new sort invalidates every cached window (the store reads the sort when it fetches).
  const sortKey = sort ? `${sort.column}\u0000${sort.dir}` : '';
  useEffect(() => {
    if (!store) return;
    store.reset();
    setVersion((v) => v + 1);
  }, [store, sortKey]);

  return { ...meta, store, version };
}
