import { toRows } from '../../../shared/engine/arrowRows';
import { qi } from '../../../shared/engine/sqlQuote';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { userTables } from '../../../shared/import/tableInfo';
import { allTables } from '../../store/sourcesSlice';
import { useWorkbench } from '../../store/workbenchStore';
import type { TableInfo } from '../../store/types';

/**
 * Re-read the engine's table list after user SQL (CREATE/DROP): tables no data source owns are shown
 * under "Session tables", dropped ones disappear from the Explorer.
 */
export async function refreshCatalog(engine: QueryEngine): Promise<void> {
  // The workbench's own tables (grid sort orders, import staging, the engine's warm-up) are not listed.
  const byTable = await userTables(engine);
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
