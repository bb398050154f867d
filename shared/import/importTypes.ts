import type { Encoding } from './encoding';
import type { ExcelReader } from './excelReader';

/** Column types an import produces. */
export type ColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';
/** Decimal separator of a number column: 1,234.5 (dot) or 1.234,5 (comma). */
export type DecimalStyle = 'dot' | 'comma';
/** How dates are written: ISO, Y/M/D, M/D/Y, D/M/Y, D.M.Y, 2024年3月5日, or Excel serial numbers. */
export type DateStyle = 'iso' | 'ymd' | 'mdy' | 'dmy' | 'dmy-dot' | 'cjk' | 'excel-1900' | 'excel-1904';
export type RaggedRows = 'stop' | 'skip' | 'pad';

/** A two-valued column that can serve as an event flag (Churn Yes/No, 流失 是/否, Churn Value 1/0). */
export interface FlagInfo {
  trueValue: string | number | boolean;
  falseValue: string | number | boolean;
}

/** One column of a plan: where it comes from, its final name and how its text is parsed. */
export interface PlanColumn {
  /** 0-based position in the source. */
  index: number;
  /** The header cell as written (empty string for an empty header). */
  source: string;
  /** Final, unique, non-empty column name. */
  name: string;
  type: ColumnType;
  decimal?: DecimalStyle;
  date?: DateStyle;
  /** D/M vs M/D cannot be told apart from the values: the UI should ask (default M/D). */
  ambiguousDates?: boolean;
  flag?: FlagInfo;
  /** Why a digits-only column stays text. */
  textReason?: 'leadingZeros' | 'longDigits' | 'fixedWidthDigits' | 'nameHint';
  /** Set when the user chose the type: the load applies it instead of re-detecting. */
  userType?: boolean;
}

/** Everything the import dialog shows and lets the user change. Serialisable. */
/** csv/xlsx/xls are converted by the importer; parquet and duckdb are read by DuckDB itself (dataFiles.ts). */
export type ImportFormat = 'csv' | 'xlsx' | 'xls' | 'parquet' | 'duckdb';

export interface ImportPlan {
  file: string;
  format: ImportFormat;
  size: number;
  encoding: Encoding | null;
  /** How the encoding was found ('scored' = a guess worth confirming). */
  encodingBasis: string | null;
  /** How sure the encoding is, 0–1 (1 = certain: a BOM, valid UTF-8, or the user's choice). */
  encodingConfidence?: number;
  delimiter: string | null;
  quote: string | null;
  lineEnding: 'lf' | 'crlf' | 'cr' | null;
  /** 1-based line (CSV) or sheet row (Excel) of the header. */
  headerRow: number;
  hasHeader: boolean;
  sheet: string | null;
  sheets: string[];
  decimal: DecimalStyle;
  dateOrder: 'MDY' | 'DMY';
  ragged: RaggedRows;
  columns: PlanColumn[];
}

export interface ImportProgress {
  phase: 'reading' | 'converting' | 'done';
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
  bytesPerSecond: number;
}

export interface ColumnOverride {
  name?: string;
  type?: ColumnType;
  date?: DateStyle;
  decimal?: DecimalStyle;
}

export interface ImportOptions {
  tableName?: string;
  /** Replace an existing table of that name (built aside, swapped in only on success). */
  replace?: boolean;
  encoding?: string;
  delimiter?: string;
  quote?: string;
  /** 1-based line number (CSV) or row number (Excel) of the header row. */
  headerRow?: number;
  hasHeader?: boolean;
  sheet?: string;
  /** A DuckDB database file: which of its tables (`name` or `schema.name`); optional when it has one. */
  dbTable?: string;
  decimal?: DecimalStyle;
  dateOrder?: 'MDY' | 'DMY';
  ragged?: RaggedRows;
  /** Per-column overrides by 0-based source position. */
  columns?: Record<number, ColumnOverride>;
  /** A plan from planImport (possibly edited in the dialog): used as is, no detection. */
  plan?: ImportPlan;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Limits (defaults in limits.ts). */
  maxTextBytes?: number;
  maxExcelBytes?: number;
  maxUnzippedBytes?: number;
  maxCells?: number;
  maxColumns?: number;
  chunkBytes?: number;
  /** Where workbooks are parsed: in this thread by default; the workbench passes a Web Worker. */
  excelReader?: ExcelReader;
}

export interface ColumnInfo {
  name: string;
  type: string;
  nulls: number;
  /** Non-empty source values that became NULL (blank, whitespace, NA, or unparseable). */
  nullsCoerced?: number;
  /** Of those, values that did not convert to the column's type (a forced type the data does not fit). */
  invalid?: number;
  source?: string;
  flag?: FlagInfo;
  ambiguousDates?: boolean;
  date?: DateStyle;
  decimal?: DecimalStyle;
  textReason?: PlanColumn['textReason'];
}

export interface HeaderMapping {
  index: number;
  original: string;
  name: string;
}

export interface ImportWarning {
  code: string;
  message: string;
  line?: number;
  column?: string;
  params?: Record<string, unknown>;
}

export interface ImportResult {
  table: string;
  file: string;
  format: ImportFormat;
  /** A database file: the table of it this result is a view of (`name`, or `schema.name` outside main). */
  dbTable?: string;
  /** A database file: all its tables and views. */
  tables?: string[];
  /** A Parquet folder read in place (parquetFolder.ts): the glob, its files, their bytes, the fingerprint. */
  folder?: { path: string; pattern: string; files: number; size: number; fingerprint: string; hive: boolean };
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  sheet: string | null;
  sheets?: string[];
  rows: number;
  columns: ColumnInfo[];
  nullsCoerced: number;
  headerMapping: HeaderMapping[];
  /** Lines skipped or padded because their field count differed from the header's. */
  raggedLines: number[];
  warnings: ImportWarning[];
  plan: ImportPlan;
  /**
   * How the table was made: 'direct' (CSV converted while read, types from a sample) or 'staged'
   * (raw text first, every row measured: Excel, and CSVs whose data contradicted the sample).
   */
  method: 'direct' | 'staged';
}

export type PreviewRow = Record<string, unknown>;
