import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { cellStyleFor, formatCell, groupDigits } from './formatCell';
import { GridHeader } from './GridHeader';
import { numericKind, relationSql, type GridColumn, type GridSort, type GridSource } from './gridSql';
import { columnOffsets, scrollModel, scrollRowIntoView, toScroll, toVirtual, visibleColumns, visibleRows } from './scrollScale';
import { inRect, moveFocus, selectionRect, type Selection } from './selection';
import { useGridData } from './useGridData';
import { copySelection } from './copySelection';
import { POPOVER_PX, ProfilePopover, useProfilePopover } from './ProfilePopover';
import { useHeaderProfiles } from './useHeaderProfiles';
import type { GridFilter } from '../../../shared/grid/filterSpec';
import { filteredSelectSql, filterWhereSql } from '../../../shared/grid/filterSql';
import { FilterBar } from './FilterBar';
import { FILTER_POPOVER_PX, FilterPopover } from './FilterPopover';
import { exportRows } from './exportRows';
import { showSqlInEditor } from '../analysis/showSql';
import './DataGrid.css';

export interface DataGridProps {
  engine: QueryEngine;
  source: GridSource;
  onInfo?(i: GridInfo): void;
  /** Columns holding shares (0–1) shown as percentages, e.g. a drill-down's cum_share. */
  percentColumns?: readonly string[];
  /** Per-column filters (funnel buttons, filter bar); default on. */
  filterable?: boolean;
  /** File name stem of an export of the filtered rows. */
  fileTitle?: string;
  /** Filters to start with (kept by the tab, so a moved or restored editor keeps them), and their changes. */
  initialFilters?: GridFilter[];
  onFiltersChange?(filters: GridFilter[]): void;
}

/** What the status bar shows of a grid: rows shown (after filters), all rows, columns. */
export interface GridInfo {
  rows: number;
  columns: number;
  total?: number;
  filtered?: boolean;
}

const ROW_PX = 22;
const HEADER_PX = 40;
/** Name, type, profile strip and its NULL/distinct line. */
const PROFILE_HEADER_PX = 70;
const OVERSCAN = 4;
/** Columns either side of the viewport whose profiles are computed too. */
const PROFILE_OVERSCAN = 2;

/** Row numbers grouped like other integers (cached separators; toLocaleString is slow per call). */
function rowLabel(n: number, locale: string): string {
  return groupDigits(String(n), locale);
}

/** Dates and times are drawn whole: a cut-off timestamp reads as a different time. */
const TEMPORAL = /^(DATE|TIME|TIMESTAMP|INTERVAL)/i;
/** Cell padding (both sides) and the border. */
const CELL_PAD_PX = 18;
const MAX_AUTO_PX = 360;

/** The width of one character of the cells' (monospace) font, measured once per grid. */
function measureCharWidth(el: Element): number {
  const style = getComputedStyle(el);
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return 7.5;
  ctx.font = `${style.fontSize} ${style.fontFamily}`;
  const w = ctx.measureText('0000-00-00 00:00:00').width / 19;
  return w > 0 ? w : 7.5;
}

/** `profiled`: the header also holds "NULL n  n distinct", which needs a little more than a number does. */
function initialWidth(name: string, type: string, profiled: boolean): number {
  // A timestamp ("2011-12-09 12:50:00", with fractions or a zone) needs more room than a date.
  const byType = numericKind(type) ? (profiled ? 132 : 110) : /^(BOOLEAN)$/i.test(type) ? (profiled ? 120 : 80) : /^(TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ|TIMESTAMP_NS)/i.test(type) ? 230 : /^TIMESTAMP/i.test(type) ? 176 : /^(DATE|TIME)/i.test(type) ? 130 : 180;
  return Math.min(360, Math.max(byType, Math.max(name.length, type.length) * 7.5 + 28));
}

/**
 * Virtualised grid over a table or query of any size: counts once, fetches 256-row windows around
 * the viewport (see useGridData), and scales the scroll space past the browser's height limit.
 * The body is one viewport-sized layer stuck to the scroller's top-left; rows and cells are placed
 * at computed offsets, so only visible cells exist in the DOM.
 */
export function DataGrid({ engine, source, onInfo, percentColumns, filterable = true, fileTitle, initialFilters, onFiltersChange }: DataGridProps) {
  const { t, i18n } = useTranslation();
  const [sort, setSort] = useState<GridSort | null>(null);
  const [filters, setFilters] = useState<GridFilter[]>(() => initialFilters ?? []);
  const onFiltersRef = useRef(onFiltersChange);
  onFiltersRef.current = onFiltersChange;
  const reported = useRef(filters);
  useEffect(() => {
    if (reported.current === filters) return;
    reported.current = filters;
    onFiltersRef.current?.(filters);
  }, [filters]);
  const [filterOpen, setFilterOpen] = useState<string | null>(null);
  const where = useMemo(() => filterWhereSql(filters), [filters]);
  const data = useGridData(engine, source, sort, where);
  const { columns, rows, store } = data;
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const virtualTop = useRef(0);
  const [widthState, setWidthState] = useState<{ columns: GridColumn[]; widths: number[] } | null>(null);
  // Temporal columns widened to their longest text in the first rows shown (until the user resizes).
  const [fit, setFit] = useState<{ columns: GridColumn[]; widths: Map<number, number> } | null>(null);
  const [sel, setSel] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dragging = useRef(false);
  // Only tables are profiled (a query's rows would be recomputed per column), and always the table
  // itself, so a sorted view (rows through a temp index) profiles the same data.
  const profiled = source.kind === 'table' ? source.table : null;
  const headerPx = profiled !== null ? PROFILE_HEADER_PX : HEADER_PX;

  // Widths belong to one column list; a new source starts from type-based defaults.
  const widths = useMemo(
    () =>
      widthState?.columns === columns
        ? widthState.widths
        : columns.map((c, i) => Math.max(initialWidth(c.name, c.type, profiled !== null), fit?.columns === columns ? fit.widths.get(i) ?? 0 : 0)),
    [widthState, columns, profiled, fit],
  );

  useEffect(() => {
    setSel(null);
    setSort((s) => (s && columns.some((c) => c.name === s.column) ? s : null));
    if (columns.length > 0) setFilters((fs) => (fs.every((f) => columns.some((c) => c.name === f.column)) ? fs : fs.filter((f) => columns.some((c) => c.name === f.column))));
  }, [columns]);

  // Report once per change of shape: the shell may pass a fresh callback on every render.
  const onInfoRef = useRef(onInfo);
  onInfoRef.current = onInfo;
  useEffect(() => {
    if (data.status === 'ready') onInfoRef.current?.({ rows, columns: columns.length, total: data.total, filtered: data.active.where !== null });
  }, [data.status, rows, columns.length, data.total, data.active.where]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const rowNumWidth = Math.max(44, String(rows).length * 8 + 20);
  const offsets = useMemo(() => columnOffsets(widths), [widths]);
  const bodyPx = Math.max(0, size.h - headerPx);
  const model = useMemo(() => scrollModel(rows, ROW_PX, bodyPx), [rows, bodyPx]);
  const range = visibleRows(model, scroll.top, ROW_PX, rows);
  const cols = visibleColumns(offsets, scroll.left, Math.max(0, size.w - rowNumWidth));
  const numeric = useMemo(() => columns.map((c) => numericKind(c.type) !== null), [columns]);

  // Profiles wait until this store has shown its first rows: the data comes first.
  const windowShown = !!store && data.status === 'ready' && range.last >= 0 && store.has(range.first, range.last);
  useEffect(() => {
    if (!windowShown || !store || !scroller.current || fit?.columns === columns) return;
    const charPx = measureCharWidth(scroller.current);
    const next = new Map<number, number>();
    columns.forEach((c, i) => {
      if (!TEMPORAL.test(c.type)) return;
      let longest = 0;
      for (let r = range.first; r <= range.last; r++) {
        const v = store.row(r)?.[i];
        if (v !== null && v !== undefined) longest = Math.max(longest, String(v).length);
      }
      if (longest > 0) next.set(i, Math.min(MAX_AUTO_PX, Math.ceil(longest * charPx + CELL_PAD_PX)));
    });
    setFit({ columns, widths: next });
  }, [windowShown, store, columns, fit, range.first, range.last]);
  const [shownStore, setShownStore] = useState<typeof store>(null);
  useEffect(() => {
    if (windowShown) setShownStore(store);
  }, [windowShown, store]);
  const profileCols = [];
  // A grid in a hidden tab (no width) asks for none: profiles are for the columns on screen.
  if (profiled !== null && data.status === 'ready' && size.w > 0) {
    for (let c = Math.max(0, cols.first - PROFILE_OVERSCAN); c <= Math.min(columns.length - 1, cols.last + PROFILE_OVERSCAN); c++) profileCols.push(columns[c].name);
  }
  const profiles = useHeaderProfiles(engine, data.status === 'ready' ? profiled : null, data.total, profileCols, shownStore !== null && shownStore === store);
  const popover = useProfilePopover();
  const popCol = popover.open ? columns.findIndex((c) => c.name === popover.open!.column) : -1;

  const applyVirtualTop = useCallback((v: number) => {
    const el = scroller.current;
    virtualTop.current = Math.max(0, Math.min(v, model.virtualPx - model.viewportPx));
    if (el) el.scrollTop = toScroll(model, virtualTop.current);
    setScroll({ top: virtualTop.current, left: el?.scrollLeft ?? 0 });
  }, [model]);

  // Back to the top when the source or the applied sort changes (not when the viewport resizes).
  const resetKey = useRef<unknown[]>([]);
  useEffect(() => {
    if (resetKey.current[0] === store && resetKey.current[1] === data.active) return;
    resetKey.current = [store, data.active];
    applyVirtualTop(0);
  }, [store, data.active, applyVirtualTop]);

  const onScroll = () => {
    const el = scroller.current!;
    // A drag on the (scaled) scrollbar moves scrollTop by more than rounding: take it as the truth.
    if (Math.abs(el.scrollTop - toScroll(model, virtualTop.current)) > 1) virtualTop.current = toVirtual(model, el.scrollTop);
    setScroll({ top: virtualTop.current, left: el.scrollLeft });
  };

  // With a scaled scrollbar the wheel would jump ratio× too far: scroll the virtual offset instead.
  useEffect(() => {
    const el = scroller.current;
    if (!el || model.ratio <= 1) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const unit = e.deltaMode === 1 ? ROW_PX : e.deltaMode === 2 ? model.viewportPx : 1;
      el.scrollLeft += e.deltaX * unit;
      applyVirtualTop(virtualTop.current + e.deltaY * unit);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [model, applyVirtualTop]);

  // Fetch the windows under the viewport; debounced so fast scrolling does not queue stale pages.
  useEffect(() => {
    if (!store || range.last < 0) return;
    const first = Math.max(0, range.first - OVERSCAN);
    const last = Math.min(rows - 1, range.last + OVERSCAN);
    if (store.has(first, last)) return;
    const timer = setTimeout(() => store.request(first, last), 60);
    return () => clearTimeout(timer);
  }, [store, range.first, range.last, rows, data.version]);

  const onSort = (column: string) =>
    setSort((s) => (s?.column !== column ? { column, dir: 'asc' } : s.dir === 'asc' ? { column, dir: 'desc' } : null));

  const onResize = (i: number, w: number) => setWidthState({ columns, widths: widths.map((x, j) => (j === i ? w : x)) });

  const reveal = (row: number, col: number) => {
    applyVirtualTop(scrollRowIntoView(model, virtualTop.current, row, ROW_PX));
    const el = scroller.current;
    const viewW = size.w - rowNumWidth;
    if (el && col >= 0 && col < widths.length) {
      if (offsets[col] < el.scrollLeft) el.scrollLeft = offsets[col];
      else if (offsets[col + 1] > el.scrollLeft + viewW) el.scrollLeft = offsets[col + 1] - viewW;
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'c' && sel && store) {
      e.preventDefault();
      void copySelection({ engine, source, columns, active: data.active, tieBreak: data.tieBreak, store, rect: selectionRect(sel) })
        .then((r) => setNotice(r.truncated ? t('grid.copyLimited', { count: r.cells }) : t('grid.copied', { count: r.cells })))
        .catch((err: unknown) => setNotice(t('grid.copyFailed', { message: err instanceof Error ? err.message : String(err) })));
      return;
    }
    if (mod && e.key.toLowerCase() === 'a' && rows > 0 && columns.length > 0) {
      e.preventDefault();
      setSel({ anchor: { row: 0, col: 0 }, focus: { row: rows - 1, col: columns.length - 1 } });
      return;
    }
    if (!sel) return;
    if (e.key === 'Escape') {
      setSel(null);
      return;
    }
    const next = moveFocus(sel, e.key, { rows, cols: columns.length, page: Math.max(1, Math.floor(bodyPx / ROW_PX) - 1), extend: e.shiftKey, toEdge: mod });
    if (next === sel) return;
    e.preventDefault();
    setSel(next);
    reveal(next.focus.row, next.focus.col);
  };

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 2000);
    return () => clearTimeout(timer);
  }, [notice]);

  const rect = sel ? selectionRect(sel) : null;
  const originX = rowNumWidth - scroll.left;
  const nullText = t('grid.null');
  const styles = columns.map((c) => cellStyleFor(c.name, c.type, percentColumns));
  const body = [];
  if (store && data.status === 'ready') {
    for (let r = range.first; r <= range.last; r++) {
      const row = store.row(r);
      const top = headerPx + range.offsetPx + (r - range.first) * ROW_PX;
      const cells = [];
      for (let c = cols.first; c <= cols.last; c++) {
        const cell = row ? formatCell(row[c], columns[c].type, i18n.language, nullText, styles[c]) : null;
        const selected = rect !== null && inRect(rect, r, c);
        const cls = `tn-grid-cell${cell?.numeric ? ' tn-num' : ''}${cell?.isNull ? ' tn-null' : ''}${!cell ? ' tn-pending' : ''}${selected ? ' tn-sel' : ''}`;
        cells.push(
          <div
            key={c}
            className={cls}
            style={{ left: originX + offsets[c], width: widths[c] }}
            title={cell && !cell.isNull ? cell.raw : undefined}
            role="gridcell"
            aria-selected={selected}
            onPointerDown={(e) => {
              if (e.button !== 0) return;
              dragging.current = true;
              setSel((s) => (e.shiftKey && s ? { anchor: s.anchor, focus: { row: r, col: c } } : { anchor: { row: r, col: c }, focus: { row: r, col: c } }));
            }}
            onPointerEnter={(e) => {
              if (dragging.current && e.buttons === 1) setSel((s) => (s ? { anchor: s.anchor, focus: { row: r, col: c } } : s));
            }}
          >
            {cell ? cell.text : '…'}
          </div>,
        );
      }
      body.push(
        <div key={r} className={`tn-grid-row${r % 2 ? ' tn-odd' : ''}`} style={{ top, height: ROW_PX }} role="row">
          {cells}
          <div
            className="tn-grid-rownum"
            style={{ width: rowNumWidth }}
            onPointerDown={() => columns.length && setSel({ anchor: { row: r, col: 0 }, focus: { row: r, col: columns.length - 1 } })}
          >
            {rowLabel(r + 1, i18n.language)}
          </div>
        </div>,
      );
    }
  }

  const filteredColumns = useMemo(() => new Set(filters.map((f) => f.column)), [filters]);
  const filterCol = filterOpen !== null ? columns.findIndex((c) => c.name === filterOpen) : -1;
  const closeFilter = useCallback(() => setFilterOpen(null), []);
  const onFilterButton = (column: string) => {
    popover.close();
    setFilterOpen((o) => (o === column ? null : column));
  };
  /** A column's new filters replace its old ones, keeping the other columns' chips in place. */
  const applyColumnFilters = (column: string, next: GridFilter[]) => {
    setFilters((fs) => {
      const at = fs.findIndex((f) => f.column === column);
      const others = fs.filter((f) => f.column !== column);
      const pos = at < 0 ? others.length : fs.slice(0, at).filter((f) => f.column !== column).length;
      return [...others.slice(0, pos), ...next, ...others.slice(pos)];
    });
    setFilterOpen(null);
  };
  const openSql = () => {
    const label = source.kind === 'table' ? source.table : t('grid.filter.query');
    showSqlInEditor(filteredSelectSql(relationSql(source), filters, sort), t('grid.filter.sqlComment', { source: label }));
  };
  const exportTitle = fileTitle ?? (source.kind === 'table' ? source.table : 'query');

  return (
    <div className="tn-grid-wrap">
      {filterable && filters.length > 0 && (
        <FilterBar
          filters={filters}
          shown={data.filtering || data.active.where === null ? null : rows}
          total={data.total}
          onRemove={(i) => setFilters((fs) => fs.filter((_, j) => j !== i))}
          onEdit={(column) => setFilterOpen(column)}
          onClear={() => setFilters([])}
          onOpenSql={openSql}
          exportData={() => exportRows(engine, source, columns, filters, sort)}
          fileTitle={t('grid.filter.fileTitle', { source: exportTitle })}
        />
      )}
      <div className="tn-grid">
        <div
          ref={scroller}
          className="tn-grid-scroller"
          tabIndex={0}
          role="grid"
          aria-rowcount={rows}
          aria-colcount={columns.length}
          onScroll={onScroll}
          onKeyDown={onKeyDown}
          onPointerUp={() => (dragging.current = false)}
        >
          <div style={{ height: headerPx + model.scrollPx, width: rowNumWidth + offsets[offsets.length - 1] }}>
            <div className="tn-grid-layer" style={{ width: size.w, height: size.h }}>
              {body}
              <GridHeader
                columns={columns}
                widths={widths}
                offsets={offsets}
                first={cols.first}
                last={Math.min(cols.last, widths.length - 1)}
                originX={originX}
                rowNumWidth={rowNumWidth}
                height={headerPx}
                sort={sort}
                numeric={numeric}
                onSort={onSort}
                onResize={onResize}
                profiles={profiled !== null ? profiles : undefined}
                openProfile={popover.open?.column ?? null}
                onProfileHover={popover.hover}
                onProfileToggle={(column) => {
                  setFilterOpen(null);
                  popover.toggle(column);
                }}
                filtered={filterable ? filteredColumns : undefined}
                openFilter={filterOpen}
                onFilter={onFilterButton}
              />
            </div>
          </div>
        </div>
        {profiled !== null && popCol >= 0 && (
          <ProfilePopover
            engine={engine}
            table={profiled}
            column={columns[popCol].name}
            rows={data.total}
            left={Math.max(0, Math.min(originX + offsets[popCol], size.w - POPOVER_PX - 4))}
            top={headerPx + 2}
            onKeep={popover.keep}
            onLeave={popover.leave}
            onClose={popover.close}
          />
        )}
        {filterable && filterCol >= 0 && (
          <FilterPopover
            key={columns[filterCol].name}
            engine={engine}
            from={relationSql(source)}
            column={columns[filterCol]}
            filters={filters}
            left={Math.max(0, Math.min(originX + offsets[filterCol], size.w - FILTER_POPOVER_PX - 4))}
            top={headerPx + 2}
            onApply={(next) => applyColumnFilters(columns[filterCol].name, next)}
            onClose={closeFilter}
          />
        )}
        {data.status === 'loading' && <div className="tn-grid-overlay" style={{ top: headerPx }}>{t('grid.loading')}</div>}
        {data.filtering ? (
          <div className="tn-grid-overlay tn-grid-busy">{t('grid.filter.filtering')}</div>
        ) : (
          data.sorting && <div className="tn-grid-overlay tn-grid-busy">{t('grid.sorting')}</div>
        )}
        {data.viewError && <div className="tn-grid-overlay tn-grid-error" style={{ top: headerPx }} data-testid="grid-view-error">{t('grid.filter.failed', { message: data.viewError })}</div>}
        {data.status === 'error' && <div className="tn-grid-overlay tn-grid-error" style={{ top: headerPx }}>{t('grid.error', { message: data.error })}</div>}
        {data.status === 'ready' && rows === 0 && <div className="tn-grid-overlay" style={{ top: headerPx }}>{t(data.active.where ? 'grid.filter.noMatch' : 'grid.empty')}</div>}
        {notice && <div className="tn-grid-notice" role="status">{notice}</div>}
      </div>
    </div>
  );
}
