import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileName, toCsv, type Cell, type TableData } from '../../../shared/export/tableExport';
import { toXlsx } from '../../../shared/export/xlsxExport';
import { useWorkbench } from '../../store/workbenchStore';
import { reportError } from '../../workbench/actions/reportError';
import { useServices } from '../../workbench/services';
import { Card } from './Card';

export type CellKind = 'text' | 'count' | 'share' | 'amount';

export interface TableCardColumn {
  title: string;
  kind: CellKind;
}

export interface TableCardProps {
  title: string;
  subtitle?: string;
  columns: TableCardColumn[];
  rows: Cell[][];
  /** Display text of a cell (formatted numbers); raw values go to CSV/XLSX. */
  format(value: Cell, kind: CellKind): string;
  /** File name stem of the exports. */
  fileTitle: string;
  /** Rows that can be clicked (e.g. a class → its customer list); the last row may be a total. */
  onRowClick?(index: number): void;
  rowTitle?(index: number): string | undefined;
  /** Index of a total row, drawn bold and not clickable. */
  totalRow?: number;
  actions?: ReactNode;
  /** What Export CSV / XLSX write, when more than the rows shown (e.g. a whole list behind its head); default the rows. */
  exportData?: TableData | (() => Promise<TableData>);
  testId?: string;
}

/** Download a table as CSV (formula-injection guard on, BOM for Excel) or XLSX through the host. */
export async function saveTable(host: ReturnType<typeof useServices>['host'], data: TableData, fileTitle: string, format: 'csv' | 'xlsx', sheet?: string) {
  if (format === 'csv') {
    return host.saveFile({ suggestedName: exportFileName(fileTitle, 'csv'), data: toCsv(data, { guard: true, allowNumeric: true }), filters: [{ name: 'CSV', extensions: ['csv'] }] });
  }
  return host.saveFile({ suggestedName: exportFileName(fileTitle, 'xlsx'), data: toXlsx(data, sheet ?? fileTitle), filters: [{ name: 'Excel', extensions: ['xlsx'] }] });
}

/** Export CSV / XLSX buttons for any TableData (or a loader for data not yet in memory). */
export function TableExportButtons({ data, fileTitle }: { data: TableData | (() => Promise<TableData>); fileTitle: string }) {
  const { t } = useTranslation();
  const { host, i18n } = useServices();
  const [busy, setBusy] = useState(false);
  const save = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const table = typeof data === 'function' ? await data() : data;
      const res = await saveTable(host, table, fileTitle, format);
      if (res.saved) useWorkbench.getState().notify('info', t('export.saved', { file: res.path ?? '' }));
    } catch (err) {
      reportError(i18n, err, 'export.failed');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="tn-an-export">
      <button type="button" className="tn-an-link" disabled={busy} onClick={() => void save('csv')} data-testid="export-csv">
        <span className="codicon codicon-export" aria-hidden />
        {t('export.table.csv')}
      </button>
      <button type="button" className="tn-an-link" disabled={busy} onClick={() => void save('xlsx')} data-testid="export-xlsx">
        {t('export.table.xlsx')}
      </button>
    </span>
  );
}

/** A result table in a card, numbers right-aligned, with CSV/XLSX export of the raw values. */
export function TableCard({ title, subtitle, columns, rows, format, fileTitle, onRowClick, rowTitle, totalRow, actions, exportData, testId }: TableCardProps) {
  const data: TableData = { columns: columns.map((c) => c.title), rows };
  return (
    <Card
      title={title}
      subtitle={subtitle}
      testId={testId}
      actions={
        <>
          {actions}
          <TableExportButtons data={exportData ?? data} fileTitle={fileTitle} />
        </>
      }
    >
      <div className="tn-an-table-wrap">
        <table className="tn-an-table">
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={i} className={c.kind === 'text' ? '' : 'num'}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const clickable = !!onRowClick && i !== totalRow;
              return (
                <tr
                  key={i}
                  className={[i === totalRow ? 'total' : '', clickable ? 'clickable' : ''].join(' ').trim() || undefined}
                  onClick={clickable ? () => onRowClick!(i) : undefined}
                  title={clickable ? rowTitle?.(i) : undefined}
                  tabIndex={clickable ? 0 : undefined}
                  onKeyDown={clickable ? (e) => (e.key === 'Enter' || e.key === ' ') && onRowClick!(i) : undefined}
                >
                  {r.map((v, j) => (
                    <td key={j} className={columns[j].kind === 'text' ? '' : 'num'}>
                      {format(v, columns[j].kind)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
