import type { QueryEngine } from '../engine/QueryEngine';
import { qi, ql } from '../engine/sqlQuote';
import { toRows } from '../engine/arrowRows';
import { TenureError } from '../errors';
import { extensionOf, readAll, type FileSource } from './FileSource';
import { tableNameFor } from './tableName';
import { excelToArrow } from './excelToArrow';

export interface ImportOptions {
  tableName?: string;
  encoding?: string;
  delimiter?: string;
  /** 1-based line number of the header row. */
  headerRow?: number;
  sheet?: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
  nulls: number;
}

export interface ImportResult {
  table: string;
  file: string;
  format: 'csv' | 'xlsx' | 'xls';
  encoding: string | null;
  delimiter: string | null;
  headerRow: number | null;
  sheet: string | null;
  rows: number;
  columns: ColumnInfo[];
}

const TEXT_FORMATS = new Set(['csv', 'tsv', 'txt', 'tab']);

/** Load a user's file into a new DuckDB table. Existing tables are never touched on failure. */
export async function importFile(engine: QueryEngine, src: FileSource, opts: ImportOptions = {}): Promise<ImportResult> {
  const ext = extensionOf(src.name);
  const existing = toRows<{ name: string }>(await engine.query('SELECT table_name AS name FROM information_schema.tables')).map((r) => r.name);
  const table = opts.tableName ?? tableNameFor(src.name, existing);
  if (src.size === 0) throw new TenureError('import.empty', `${src.name} is empty`, { file: src.name });

  if (ext === 'xlsx' || ext === 'xls') {
    const { table: arrow, sheet } = excelToArrow(await readAll(src), { sheet: opts.sheet, file: src.name });
    await engine.insertArrowTable(table, arrow);
    return finish(engine, { table, file: src.name, format: ext, encoding: null, delimiter: null, headerRow: 1, sheet });
  }
  if (!TEXT_FORMATS.has(ext)) {
    throw new TenureError('import.unsupported', `${src.name}: unsupported file type .${ext} (expected CSV, TSV, XLSX or XLS)`, { file: src.name });
  }

  const head = await src.read(0, Math.min(src.size, 65536));
  const encoding = opts.encoding ?? sniffEncoding(head);
  const delimiter = opts.delimiter ?? (ext === 'tsv' || ext === 'tab' ? '\t' : null);
  const vfile = `import_${Date.now()}_${Math.random().toString(36).slice(2)}.csv`;
  if (encoding === 'utf-8' && src.handle != null) {
    await engine.registerFileHandle(vfile, src.handle);
  } else if (encoding === 'utf-8') {
    await engine.registerFileBuffer(vfile, await readAll(src));
  } else {
    const text = new TextDecoder(encoding).decode(await readAll(src));
    await engine.registerFileBuffer(vfile, new TextEncoder().encode(text));
  }
  const csvOpts = [`header = true`, `auto_detect = true`];
  if (delimiter) csvOpts.push(`delim = ${ql(delimiter)}`);
  if (opts.headerRow && opts.headerRow > 1) csvOpts.push(`skip = ${Math.floor(opts.headerRow - 1)}`);
  try {
    await engine.query(`CREATE TABLE ${qi(table)} AS SELECT * FROM read_csv(${ql(vfile)}, ${csvOpts.join(', ')})`);
  } catch (err) {
    throw new TenureError('import.csv', `${src.name}: ${(err as Error).message}`, { file: src.name });
  } finally {
    if (encoding !== 'utf-8' || src.handle == null) await engine.dropFile(vfile).catch(() => undefined);
  }
  return finish(engine, { table, file: src.name, format: 'csv', encoding, delimiter: delimiter ?? ',', headerRow: opts.headerRow ?? 1, sheet: null });
}

function sniffEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function finish(engine: QueryEngine, base: Omit<ImportResult, 'rows' | 'columns'>): Promise<ImportResult> {
  const { rows, columns } = await describeTable(engine, base.table);
  return { ...base, rows, columns };
}

/** Row count, column types and NULL counts of a table, in one scan. */
export async function describeTable(engine: QueryEngine, table: string): Promise<{ rows: number; columns: ColumnInfo[] }> {
  const cols = toRows<{ column_name: string; data_type: string }>(
    await engine.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${ql(table)} ORDER BY ordinal_position`),
  );
  const counts = cols.map((c, i) => `count(*) - count(${qi(c.column_name)}) AS n${i}`);
  const r = toRows<Record<string, number>>(await engine.query(`SELECT count(*) AS n ${counts.length ? ', ' + counts.join(', ') : ''} FROM ${qi(table)}`))[0];
  return { rows: r.n, columns: cols.map((c, i) => ({ name: c.column_name, type: c.data_type, nulls: r[`n${i}`] })) };
}
