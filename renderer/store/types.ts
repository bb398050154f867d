import type { QueryLogEntry } from '../../shared/engine/QueryEngine';
import type { ColumnInfo } from '../../shared/import/importFile';

/** One open editor (tab). `data` is kind-specific and serialisable (table name, SQL text, an analysis spec). */
export interface EditorTab {
  id: string;
  kind: string;
  /** Literal title (file or table name); when absent the kind's i18n title is shown. */
  title?: string;
  data: Record<string, unknown>;
}

export interface EditorGroup {
  id: string;
  tabs: EditorTab[];
  activeTabId: string | null;
}

export interface TableInfo {
  name: string;
  rows: number;
  columns: ColumnInfo[];
  /** A view of a DuckDB database file's table: that table (`name` or `schema.name`). */
  dbTable?: string;
}

/** A data source in the Explorer: a file the user opened (one table) or the sample workspace (several). */
export interface DataSource {
  id: string;
  /** File name, or an i18n key when `labelKey` is true. */
  label: string;
  labelKey?: boolean;
  icon: 'file' | 'folder' | 'workspace' | 'session';
  tables: TableInfo[];
  /** For a file the user imported: what a study records about it (never its rows). */
  file?: SourceFile;
}

/** A data file as a study describes it: where it was, what it was, how it was imported. */
export interface SourceFile {
  fileName: string;
  size: number;
  path: string | null;
  mtime: number | null;
  fingerprint: string | null;
  options: Record<string, unknown>;
  columns: Record<number, Record<string, unknown>>;
  /** A folder of Parquet files read in place: `path` is the folder, `fileName` its name, `size` all its files. */
  folder?: { pattern: string; files: number };
}

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  id: number;
  severity: Severity;
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: string | number;
  at: number;
  /** The editor (tab id, or an analysis run's id) the problem belongs to: cleared when it succeeds. */
  owner?: string;
  /** Translated at display time (so a language switch re-translates it); `message` is the fallback. */
  text?: { key: string; params?: Record<string, unknown> };
}

export interface Notice {
  id: number;
  severity: Severity;
  message: string;
  detail?: string;
}

export type { QueryLogEntry };
