import { newSqlEditor } from '../../workbench/commands';

/** "Show SQL": the analysis' statements in a new SQL editor tab, ready to edit and run. */
export function showSqlInEditor(sql: string, comment?: string): void {
  const header = comment ? `-- ${comment.replace(/\r?\n/g, ' ')}\n` : '';
  newSqlEditor(`${header}${sql.trim()}\n`);
}
