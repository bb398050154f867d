import { useTranslation } from 'react-i18next';
import type { GridFilter } from '../../../shared/grid/filterSpec';
import type { TableData } from '../../../shared/export/tableExport';
import { TableExportButtons } from '../analysis/TableCard';
import { filterLabel } from './filterChips';
import '../analysis/analysis.css';

interface Props {
  filters: GridFilter[];
  /** Rows passing the filters (null while counting) and all rows. */
  shown: number | null;
  total: number;
  onRemove(index: number): void;
  onEdit(column: string): void;
  onClear(): void;
  onOpenSql(): void;
  exportData(): Promise<TableData>;
  fileTitle: string;
}

/**
 * Above a filtered grid: one chip per filter (click edits, × removes), Clear all, the count,
 * "Open as SQL" and export of the filtered rows.
 */
export function FilterBar({ filters, shown, total, onRemove, onEdit, onClear, onOpenSql, exportData, fileTitle }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="tn-grid-filterbar" role="toolbar" aria-label={t('grid.filter.bar')} data-testid="grid-filterbar">
      <span className="codicon codicon-filter-filled tn-gfb-icon" aria-hidden />
      <div className="tn-gfb-left">
        <ul className="tn-gfb-chips">
          {filters.map((f, i) => {
            const label = filterLabel(f, t, fmt);
            return (
              <li key={`${f.column}\u0000${f.kind}\u0000${i}`} className="tn-gfb-chip" data-testid="filter-chip" data-column={f.column} data-kind={f.kind}>
                <button type="button" className="tn-gfb-chip-label" title={t('grid.filter.editHint', { label })} onClick={() => onEdit(f.column)}>
                  {label}
                </button>
                <button type="button" className="tn-gfb-chip-x" title={t('grid.filter.remove', { label })} aria-label={t('grid.filter.remove', { label })} onClick={() => onRemove(i)}>
                  <span className="codicon codicon-close" aria-hidden />
                </button>
              </li>
            );
          })}
        </ul>
        <button type="button" className="tn-an-link" onClick={onClear} data-testid="filter-clear-all">
          <span className="codicon codicon-clear-all" aria-hidden />
          {t('grid.filter.clearAll')}
        </button>
      </div>
      <div className="tn-gfb-right">
        <span className="tn-gfb-count" data-testid="filter-count">
          {shown === null ? t('grid.filter.counting') : t('grid.filter.count', { shown: fmt(shown), total: fmt(total), count: total })}
        </span>
        <button type="button" className="tn-an-link" onClick={onOpenSql} data-testid="filter-open-sql" title={t('grid.filter.openSqlHint')}>
          <span className="codicon codicon-go-to-file" aria-hidden />
          {t('grid.filter.openSql')}
        </button>
        <TableExportButtons data={exportData} fileTitle={fileTitle} />
      </div>
    </div>
  );
}
