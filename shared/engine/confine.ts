/**
 * File confinement for an engine that can reach the disk (native DuckDB). After these statements the
 * database reads and writes only below the given directories (the engine's own folders, where the
 * user's opened files are linked in), cannot install or load extensions, and no later SET can undo
 * any of it (lock_configuration). User SQL that names another file fails with DuckDB's Permission
 * Error, which confinementError turns into a clear message.
 */
import { TenureError } from '../errors';
import { ql } from './sqlQuote';

export function confinementSql(dirs: string[]): string[] {
  const list = dirs.map((d) => ql(d.endsWith('/') || d.endsWith('\\') ? d : `${d}/`)).join(', ');
  return [
    `SET allowed_directories = [${list}]`,
    'SET enable_external_access = false',
    'SET lock_configuration = true',
  ];
}

const PERMISSION = /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/;
const LOCKED = /the configuration has been locked/;

/** DuckDB's refusal of a path or a setting as a TenureError (null for any other error). */
export function confinementError(message: string): TenureError | null {
  const m = PERMISSION.exec(message);
  if (m) {
    return new TenureError('engine.fileAccess', `SQL may only read the files you opened: access to "${m[1]}" was refused`, { params: { path: m[1] } });
  }
  if (LOCKED.test(message)) {
    return new TenureError('engine.settingLocked', 'Engine settings cannot be changed from SQL (they are locked when the engine starts)');
  }
  return null;
}
