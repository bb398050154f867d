/**
 * The app's own tables (import staging, an import's table before its rename, the type sample, a grid's
 * sort index, the engine's warm-up) are not the user's: the Explorer leaves them out. They are recognised
 * by name in this registry, never by a prefix, so a user's own table may be called anything (even
 * `__tenure_…`) and is listed. Every name is registered before the statement that creates it runs, and
 * names carry a random part, so a user cannot meet one by chance.
 */
const names = new Set<string>();

const key = (name: string) => name.toLowerCase();

/** Register a fixed internal table name (e.g. the warm-up's) and return it. */
export function internalTable(name: string): string {
  names.add(key(name));
  return name;
}

/** A fresh internal table name `__tenure_<kind>_<random>`, registered. */
export function newInternalTable(kind: string, id = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`): string {
  return internalTable(`__tenure_${kind}_${id}`);
}

/** Whether the app made this table (case-insensitive, as DuckDB's names are). */
export function isInternalTable(name: string): boolean {
  return names.has(key(name));
}
