/**
 * Tables made by hand in the SQL editor live only in the engine. When the native engine process dies
 * and is restarted, the files are imported again (rebuildSources), and the statements that changed
 * the database from the SQL editor (CREATE, INSERT, ALTER, DROP…: everything that is not a query) are
 * run again in the order they first ran, so those tables come back too. A statement that fails on
 * replay (its input is gone, it used random()) is reported with the tables that could not be rebuilt.
 */
import type { QueryEngine } from './QueryEngine';

export interface ReplayReport {
  replayed: number;
  failed: { sql: string; message: string }[];
}

export class SqlRecipes {
  private readonly statements: string[] = [];

  /** A statement that changed the database and succeeded (queries are not recorded). */
  record(sql: string): void {
    const text = sql.trim();
    if (text) this.statements.push(text);
  }

  /** The statements in the order they ran (a study saves them: `sql` of the study file). */
  list(): string[] {
    return [...this.statements];
  }

  /** Replace the statements with a study's (opening a study makes its statements the session's). */
  load(statements: readonly string[]): void {
    this.statements.length = 0;
    for (const s of statements) this.record(s);
  }

  get size(): number {
    return this.statements.length;
  }

  clear(): void {
    this.statements.length = 0;
  }

  /** Run every recorded statement again, in order; failures are collected, the rest still run. */
  async replay(engine: QueryEngine, only?: readonly string[]): Promise<ReplayReport> {
    const report: ReplayReport = { replayed: 0, failed: [] };
    for (const sql of only ?? this.statements) {
      try {
        await engine.query(sql);
        report.replayed++;
      } catch (err) {
        report.failed.push({ sql, message: (err instanceof Error ? err.message : String(err)).split('\n')[0] });
      }
    }
    return report;
  }
}

/** The tables that existed before a restart and do not after the rebuild (sorted, case as before). */
export function lostTables(before: Iterable<string>, after: Iterable<string>): string[] {
  const now = new Set([...after].map((n) => n.toLowerCase()));
  return [...new Set(before)].filter((n) => !now.has(n.toLowerCase())).sort();
}
