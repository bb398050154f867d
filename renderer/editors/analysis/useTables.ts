import { useMemo } from 'react';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import type { TableInfo } from '../../store/types';

/** Every table in the Explorer (file sources, the sample workspace and session tables). */
export function useTables(): TableInfo[] {
  const sources = useWorkbench((s) => s.sources);
  return useMemo(() => allTables(sources), [sources]);
}

export function useTable(name: string | null | undefined): TableInfo | undefined {
  const tables = useTables();
  return useMemo(() => tables.find((t) => t.name === name), [tables, name]);
}
