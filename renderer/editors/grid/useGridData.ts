import { useEffect, useMemo, useRef, useState } from 'react';
import type { Table } from 'apache-arrow';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toRows } from '../../../shared/engine/arrowRows';
import { internalTable } from '../../../shared/engine/internalTables';
import { takeCount } from './countCache';
import {
  countSql, describeSql, dropIndexSql, MAX_SORT_COPY_ROWS, rowidProbeSql, sortIndexSql, windowSql,
  type GridColumn, type GridSort, type GridSource, type TieBreak,
} from './gridSql';
import { WindowStore } from './windowCache';

export type GridRow = unknown[];

interface Meta {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  columns: GridColumn[];
  rows: number;
  tieBreak: TieBreak;
}

/** What the shown windows use: a sort (with its index table) and a filter (with its row count). */
export interface GridView {
  sort: GridSort | null;
  index: string | null;
  where: string | null;
  /** Rows passing `where` (the table's rows when nothing is filtered). */
  rows: number | null;
}

export interface GridData extends Meta {
  store: WindowStore<GridRow> | null;
  /** True while a new sort order or filter is being applied (the previous rows stay visible). */
  sorting: boolean;
  filtering: boolean;
  /** The sort and filter the shown windows use. */
  active: GridView;
  /** All rows of the source, whatever the filter. */
  total: number;
  /** A filter or sort that failed (the unfiltered rows stay usable). */
  viewError: string | null;
  /** Bumps whenever a window arrives, to re-render. */
  version: number;
}

export const WINDOW_ROWS = 256;
const WINDOW_CAPACITY = 16;
let gridSerial = 0;
let indexSerial = 0;

/** Rows of an Arrow window as arrays, columns by position (names may repeat in odd queries). */
export function windowRows(t: Table): GridRow[] {
  const cols = t.schema.fields.map((_, i) => t.getChildAt(i)!);
  const out: GridRow[] = new Array(t.numRows);
  for (let r = 0; r < t.numRows; r++) out[r] = cols.map((c) => c.get(r) as unknown);
  return out;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

const NO_VIEW: GridView = { sort: null, index: null, where: null, rows: null };

/** Schema + row count once per source, a filtered count and sort index per view, then windows on demand. */
export function useGridData(engine: QueryEngine, source: GridSource, sort: GridSort | null, where: string | null = null): GridData {
  const key = source.kind === 'table' ? `t:${source.table}` : `q:${source.sql}`;
  // The shell may pass a fresh object each render: the source is identified by its key.
  const src = useMemo(() => source, [key]);
  const [meta, setMeta] = useState<Meta>({ status: 'loading', columns: [], rows: 0, tieBreak: 'columns' });
  const [active, setActive] = useState<GridView>(NO_VIEW);
  const [viewError, setViewError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const activeRef = useRef(active);
  const storeRef = useRef<WindowStore<GridRow> | null>(null);
  // Switch sorts in one step: the store forgets the old order before the new one renders.
  const applyActive = (a: GridView) => {
    activeRef.current = a;
    storeRef.current?.reset();
    setActive(a);
    setVersion((v) => v + 1);
  };
  const serial = useMemo(() => ++gridSerial, []);

  useEffect(() => {
    let live = true;
    setMeta({ status: 'loading', columns: [], rows: 0, tieBreak: 'columns' });
    applyActive(NO_VIEW);
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
      if (live) setMeta({ status: 'error', error: message(err), columns: [], rows: 0, tieBreak: 'columns' });
    });
    return () => {
      live = false;
    };
  }, [engine, src]);

  // Count the filtered rows and build the sort index for a new view; the windows switch over once both exist.
  const sortKey = sort ? `${sort.column}\u0000${sort.dir}` : '';
  useEffect(() => {
    if (meta.status !== 'ready') return;
    if (!sort && !where) {
      if (activeRef.current.sort || activeRef.current.where) applyActive(NO_VIEW);
      setViewError(null);
      return;
    }
    let live = true;
    (async () => {
      const rows = where ? Number(toRows<{ n: number }>(await engine.query(countSql(src, where)))[0].n) : meta.rows;
      const canIndex = (meta.tieBreak === 'rowid' && src.kind === 'table') || rows <= MAX_SORT_COPY_ROWS;
      const index = sort && canIndex ? internalTable(`tenure_grid_${serial}_${++indexSerial}`) : null;
      if (sort && index) await engine.query(sortIndexSql(src, meta.columns, sort, meta.tieBreak, index, where));
      if (live) {
        setViewError(null);
        applyActive({ sort, index, where, rows });
      } else if (index) void engine.query(dropIndexSql(index)).catch(() => undefined);
    })().catch((err: unknown) => {
      if (live) setViewError(message(err));
    });
    return () => {
      live = false;
    };
  }, [engine, src, meta, sortKey, where, serial]);

  // An index is dropped as soon as another one replaces it, and when the grid goes away.
  useEffect(() => {
    const index = active.index;
    return () => {
      if (index) void engine.query(dropIndexSql(index)).catch(() => undefined);
    };
  }, [engine, active.index]);

  const store = useMemo(() => {
    if (meta.status !== 'ready') return null;
    return new WindowStore<GridRow>({
      windowSize: WINDOW_ROWS,
      capacity: WINDOW_CAPACITY,
      fetch: async (offset, limit) => {
        const a = activeRef.current;
        return windowRows(await engine.query(windowSql(src, meta.columns, { offset, limit, sort: a.sort, index: a.index, where: a.where, tieBreak: meta.tieBreak })));
      },
      onUpdate: () => setVersion((v) => v + 1),
      onError: (err) => setMeta((m) => ({ ...m, status: 'error', error: message(err) })),
    });
  }, [engine, src, meta.status, meta.columns, meta.tieBreak]);
  // Not inside useMemo: StrictMode runs that twice and keeps only one of the stores.
  storeRef.current = store;

  const activeKey = active.sort ? `${active.sort.column}\u0000${active.sort.dir}` : '';
  const ready = meta.status === 'ready' && viewError === null;
  const rows = active.where && active.rows !== null ? active.rows : meta.rows;
  return {
    ...meta,
    rows,
    total: meta.rows,
    store,
    active,
    sorting: ready && activeKey !== sortKey,
    filtering: ready && active.where !== where,
    viewError,
    version,
  };
}
