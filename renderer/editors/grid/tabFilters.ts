import { parseGridFilters, type GridFilter } from '../../../shared/grid/filterSpec';
import { useWorkbench } from '../../store/workbenchStore';

/**
 * A grid tab keeps its filters in its data, so splitting, moving or restoring the editor keeps them.
 * Filters that no longer validate (an older session) are dropped rather than breaking the tab.
 */
export function tabFilters(tab: { id: string; data: Record<string, unknown> }): { initialFilters: GridFilter[]; onFiltersChange(f: GridFilter[]): void } {
  let initialFilters: GridFilter[] = [];
  try {
    initialFilters = tab.data.filters === undefined ? [] : parseGridFilters(tab.data.filters);
  } catch {
    initialFilters = [];
  }
  return { initialFilters, onFiltersChange: (filters) => useWorkbench.getState().updateTabData(tab.id, { filters }) };
}
