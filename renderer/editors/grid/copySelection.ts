import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { formatCell, toTsv } from './formatCell';
import { windowSql, type GridColumn, type GridSort, type GridSource, type TieBreak } from './gridSql';
import type { Rect } from './selection';
import { windowRows, type GridRow } from './useGridData';
import type { WindowStore } from './windowCache';

/** Copying is capped: a spreadsheet paste of millions of rows helps nobody and stalls the UI. */
export const MAX_COPY_ROWS = 100_000;

export interface CopyArgs {
  engine: QueryEngine;
  source: GridSource;
  columns: GridColumn[];
  /** The sort (and its index) and the filter the grid's windows currently use. */
  active: { sort: GridSort | null; index: string | null; where?: string | null };
  tieBreak: TieBreak;
  store: WindowStore<GridRow>;
  rect: Rect;
}

/** Selected cells as TSV (raw values, NULL as empty); rows outside the cache are fetched once. */
export async function selectionText(a: CopyArgs): Promise<{ text: string; cells: number; truncated: boolean }> {
  const n = Math.min(a.rect.r1 - a.rect.r0 + 1, MAX_COPY_ROWS);
  const last = a.rect.r0 + n - 1;
  let rows: GridRow[];
  if (a.store.has(a.rect.r0, last)) {
    rows = [];
    for (let r = a.rect.r0; r <= last; r++) rows.push(a.store.row(r) ?? []);
  } else {
    const sql = windowSql(a.source, a.columns, { offset: a.rect.r0, limit: n, sort: a.active.sort, index: a.active.index, where: a.active.where, tieBreak: a.tieBreak });
    rows = windowRows(await a.engine.query(sql));
  }
  const lines = rows.map((row) => {
    const out: string[] = [];
    for (let c = a.rect.c0; c <= a.rect.c1; c++) out.push(formatCell(row[c], a.columns[c].type, 'en', '').raw);
    return out;
  });
  return { text: toTsv(lines), cells: lines.length * (a.rect.c1 - a.rect.c0 + 1), truncated: n < a.rect.r1 - a.rect.r0 + 1 };
}

export async function copySelection(a: CopyArgs): Promise<{ cells: number; truncated: boolean }> {
  const r = await selectionText(a);
  await navigator.clipboard.writeText(r.text);
  return { cells: r.cells, truncated: r.truncated };
}
