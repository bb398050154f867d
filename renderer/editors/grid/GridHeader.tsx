import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridColumn, GridSort } from './gridSql';
import { ProfileStrip } from './ProfileStrip';
import type { HeaderProfiles } from './useHeaderProfiles';

interface Props {
  columns: GridColumn[];
  widths: number[];
  offsets: number[];
  first: number;
  last: number;
  /** x of column 0's left edge in the viewport (row-number width minus horizontal scroll). */
  originX: number;
  rowNumWidth: number;
  height: number;
  sort: GridSort | null;
  numeric: boolean[];
  onSort(column: string): void;
  onResize(index: number, width: number): void;
  /** Column profiles under the names (table sources only). */
  profiles?: HeaderProfiles;
  /** The column whose profile card is open. */
  openProfile?: string | null;
  onProfileHover?(column: string, inside: boolean): void;
  onProfileToggle?(column: string): void;
  /** Columns with an active filter; absent: the grid cannot filter (no funnel buttons). */
  filtered?: ReadonlySet<string>;
  /** The column whose filter card is open. */
  openFilter?: string | null;
  onFilter?(column: string): void;
}

/** Horizontal padding of a header cell (both sides), which the profile strip does not get. */
const PAD_X = 16;

const MIN_WIDTH = 40;

/**
 * The sticky header: name over DuckDB type, then (for tables) the column's profile strip; click
 * on the name sorts, dragging the right edge resizes, hover or click on the strip opens the card.
 */
export function GridHeader(p: Props) {
  const { t } = useTranslation();
  const drag = useRef<{ index: number; startX: number; startW: number } | null>(null);
  const cells = [];
  for (let c = p.first; c <= p.last; c++) {
    const col = p.columns[c];
    const dir = p.sort?.column === col.name ? p.sort.dir : null;
    const title = `${col.name}\n${col.type}\n${t(dir === 'asc' ? 'grid.sortedAsc' : dir === 'desc' ? 'grid.sortedDesc' : 'grid.sortHint')}`;
    cells.push(
      <div
        key={c}
        className={`tn-grid-hcell${p.numeric[c] ? ' tn-num' : ''}`}
        style={{ left: p.originX + p.offsets[c], width: p.widths[c], height: p.height }}
        role="columnheader"
        data-column={col.name}
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
        onClick={() => p.onSort(col.name)}
      >
        {p.filtered && p.onFilter && (
          <button
            type="button"
            className={`tn-grid-filter-btn${p.filtered.has(col.name) ? ' tn-active' : ''}${p.openFilter === col.name ? ' tn-open' : ''}`}
            title={t(p.filtered.has(col.name) ? 'grid.filter.buttonActive' : 'grid.filter.button', { column: col.name })}
            aria-label={t(p.filtered.has(col.name) ? 'grid.filter.buttonActive' : 'grid.filter.button', { column: col.name })}
            aria-pressed={p.filtered.has(col.name)}
            data-testid="filter-button"
            onClick={(e) => {
              e.stopPropagation();
              p.onFilter?.(col.name);
            }}
          >
            <span className={`codicon codicon-${p.filtered.has(col.name) ? 'filter-filled' : 'filter'}`} aria-hidden />
          </button>
        )}
        <span className={`tn-grid-hlabel${p.filtered ? ' tn-filterable' : ''}`} title={title}>
          <span className="tn-grid-hname">
            {col.name}
            {dir && <span className="tn-grid-sort">{dir === 'asc' ? '▲' : '▼'}</span>}
          </span>
          <span className="tn-grid-htype">{col.type}</span>
        </span>
        {p.profiles && (
          <ProfileStrip
            column={col.name}
            profile={p.profiles.get(col.name)}
            width={Math.max(0, p.widths[c] - PAD_X)}
            open={p.openProfile === col.name}
            onCompute={() => p.profiles?.compute(col.name)}
            onToggle={() => p.onProfileToggle?.(col.name)}
            onHover={(inside) => p.onProfileHover?.(col.name, inside)}
          />
        )}
        <span
          className="tn-grid-resize"
          title={t('grid.resize')}
          onClick={(e) => e.stopPropagation()}
          onPointerDown={(e) => {
            e.stopPropagation();
            e.currentTarget.setPointerCapture(e.pointerId);
            drag.current = { index: c, startX: e.clientX, startW: p.widths[c] };
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (d) p.onResize(d.index, Math.max(MIN_WIDTH, d.startW + e.clientX - d.startX));
          }}
          onPointerUp={() => {
            drag.current = null;
          }}
        />
      </div>,
    );
  }
  return (
    <div className="tn-grid-header" style={{ height: p.height }} role="row">
      {cells}
      <div className="tn-grid-hcell tn-grid-rownum" style={{ left: 0, width: p.rowNumWidth, height: p.height }}>
        {t('grid.rowNumber')}
      </div>
    </div>
  );
}
