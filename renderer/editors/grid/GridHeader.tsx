import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridColumn, GridSort } from './gridSql';

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
}

const MIN_WIDTH = 40;

/** The sticky header: name over DuckDB type; click sorts, dragging the right edge resizes. */
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
        title={title}
        role="columnheader"
        aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}
        onClick={() => p.onSort(col.name)}
      >
        <span className="tn-grid-hname">
          {col.name}
          {dir && <span className="tn-grid-sort">{dir === 'asc' ? '▲' : '▼'}</span>}
        </span>
        <span className="tn-grid-htype">{col.type}</span>
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
