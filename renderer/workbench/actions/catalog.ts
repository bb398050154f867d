import { toRows } from '../../../shared/engine/arrowRows';
import { qi } from '../../../shared/engine/sqlQuote';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import type { ColumnInfo } from '../../../shared/import/importFile';
import { OWN_CATALOG } from '../../../shared/import/tableInfo';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import type { TableInfo } from '../../store/types';

/**
 * Re-read the engine's table list after user SQL (CREATE/DROP): tables no data source owns are shown
 * under "Session tables", dropped ones disappear from the Explorer.
 */
export async function refreshCatalog(engine: QueryEngine): Promise<void> {
  const cols = toRows<{ table_name: string; column_name: string; data_type: string }>(
    await engine.query(
      // The workbench's own tables (grid sort orders, import staging, an import's table before its
      // rename, the engine's warm-up) are not the user's. Tables of an opened database file are listed
      // through their views, not twice.
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND ${OWN_CATALOG} AND NOT (table_name LIKE '\\_\\_tenure\\_%' ESCAPE '\\' OR (table_catalog = 'temp' AND table_name LIKE 'tenure\\_grid\\_%' ESCAPE '\\')) ORDER BY table_name, ordinal_position`,
    ),
  );
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of cols) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({ name: c.column_name, type: c.data_type, nulls: 0 });
    byTable.set(c.table_name, list);
  }
  const store = useWorkbench.getState();
  store.pruneTables(new Set(byTable.keys()));
  const owned = new Set(allTables(useWorkbench.getState().sources.filter((s) => s.id !== 'session')).map((t) => t.name));
  const session: TableInfo[] = [];
  for (const [name, columns] of byTable) {
    if (owned.has(name)) continue;
    const rows = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${qi(name)}`))[0].n;
    session.push({ name, rows, columns });
  }
  useWorkbench.getState().setSessionTables(session);
}
