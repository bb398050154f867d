import { useCallback, useMemo } from 'react';
import { DataGrid, type GridInfo } from '../../editors/grid/DataGrid';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../editorRegistry';
import { useServices } from '../services';
import { tabFilters } from '../../editors/grid/tabFilters';

/** A table in the data grid (virtualised, windowed queries: opening 10M rows costs one page). */
export function TableEditor({ tab }: EditorProps) {
  const { engine } = useServices();
  const table = String(tab.data.table ?? '');
  const setGridInfo = useWorkbench((s) => s.setGridInfo);
  const source = useMemo(() => ({ kind: 'table' as const, table }), [table]);
  const onInfo = useCallback((i: GridInfo) => setGridInfo(tab.id, i), [setGridInfo, tab.id]);
  const filters = tabFilters(tab);
  return (
    <div className="editor-fill">
      <DataGrid engine={engine} source={source} onInfo={onInfo} {...filters} />
    </div>
  );
}
