import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../../shared/engine/arrowRows';
import type { TableData } from '../../../shared/export/tableExport';
import { DataGrid, type GridInfo } from '../grid/DataGrid';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { TableExportButtons } from './TableCard';
import { showSqlInEditor } from './showSql';
import { tabFilters } from '../grid/tabFilters';
import './analysis.css';

/** Tab data of a query grid: the SQL (one SELECT), a caption and the export file name stem. */
export interface QueryGridData {
  sql: string;
  caption?: string;
  fileTitle?: string;
  /** Share columns (0–1) the grid shows as percentages. */
  percentColumns?: string[];
  /** The title as a translation key and parameters ({ key } = translated too), so it follows the language. */
  titleKey?: string;
  titleParams?: Record<string, unknown>;
  /** The caption as a translation key with its parameters, for the same reason. */
  captionKey?: string;
  captionParams?: Record<string, unknown>;
}

/** Open the rows of an analysis query (e.g. the customers of class A) in a grid tab with CSV/XLSX export. */
export function openQueryGrid(title: string, data: QueryGridData, id?: string): void {
  useWorkbench.getState().openEditor({ id, kind: 'queryGrid', title, data: { ...data } });
}

/** Editor kind 'queryGrid': DataGrid over {kind:'query'}, a caption, Show SQL and Export CSV / XLSX (all rows). */
export function QueryGridEditor({ tab }: EditorProps) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const sql = String(tab.data.sql ?? '');
  const caption = typeof tab.data.captionKey === 'string' ? t(tab.data.captionKey, (tab.data.captionParams ?? {}) as Record<string, unknown>) : typeof tab.data.caption === 'string' ? tab.data.caption : '';
  const fileTitle = String(tab.data.fileTitle ?? tab.title ?? 'export');
  const source = useMemo(() => ({ kind: 'query' as const, sql }), [sql]);
  const setGridInfo = useWorkbench((s) => s.setGridInfo);
  const onInfo = useCallback((i: GridInfo) => setGridInfo(tab.id, i), [setGridInfo, tab.id]);
  const load = useCallback(async (): Promise<TableData> => {
    const table = await engine.query(sql);
    const columns = table.schema.fields.map((f) => f.name);
    const rows = toRows(table).map((r) => columns.map((c) => r[c] as TableData['rows'][number][number]));
    return { columns, rows };
  }, [engine, sql]);
  return (
    <div className="editor-fill" data-testid="query-grid">
      <div className="tn-qg-bar">
        <span className="tn-qg-caption" title={caption}>
          {caption}
        </span>
        <button type="button" className="tn-an-link" onClick={() => showSqlInEditor(sql, caption)}>
          <span className="codicon codicon-code" aria-hidden />
          {t('export.analysis.showSql')}
        </button>
        <TableExportButtons data={load} fileTitle={fileTitle} />
      </div>
      <DataGrid engine={engine} source={source} onInfo={onInfo} fileTitle={fileTitle} {...tabFilters(tab)} percentColumns={Array.isArray(tab.data.percentColumns) ? (tab.data.percentColumns as string[]) : undefined} />
    </div>
  );
}
