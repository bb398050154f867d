/**
 * The user's SQL fragments (a filter, a value expression, an event or cause condition) travel inside
 * specs that people share (decks, studies), so before one is spliced into an analysis' SQL, DuckDB's
 * own parser and planner check that it is exactly one expression over the analysed rows:
 *
 * 1. `DESCRIBE SELECT * FROM query('SELECT (<fragment>) AS <nonce> FROM <from>')`. The fragment sits
 *    inside a string literal, so nothing of it runs; `query()` accepts exactly one SELECT statement
 *    (a `); COPY …; SELECT (` escape is refused by the parser), and the result must be one column
 *    named by a random nonce: a fragment that closes the parenthesis early and goes on (`1) AS a,
 *    (2`, `1) FROM t UNION SELECT (2`, `1) --`) cannot reproduce a name it does not know.
 * 2. `EXPLAIN (FORMAT JSON)` of the same: every leaf of the physical plan must scan one of the app's
 *    own tables (or be an internal scan such as a constant row); a table function (read_text, glob,
 *    read_csv, query, …) anywhere in the plan is refused. Planning reads no rows.
 * Engine confinement (confine.ts) is the second wall: even an unchecked path cannot reach a file.
 */
import { TenureError } from '../errors';
import { toRows } from './arrowRows';
import type { QueryEngine } from './QueryEngine';
import { qf, ql } from './sqlQuote';

/** One user fragment and the spec field it came from (named in every message). */
export interface SqlFragment {
  field: string;
  sql: string | undefined | null;
}

/** Plan leaves that read no table and no file: constants, VALUES, CTE and join plumbing. */
const INTERNAL_LEAVES = new Set([
  'DUMMY_SCAN', 'COLUMN_DATA_SCAN', 'EMPTY_RESULT', 'CTE_SCAN', 'DELIM_SCAN', 'CHUNK_SCAN', 'EXPRESSION_SCAN',
  'RECURSIVE_CTE_SCAN', 'RECURSIVE_RECURRING_CTE_SCAN',
]);
const TABLE_SCANS = new Set(['SEQ_SCAN', 'TABLE_SCAN', 'INDEX_SCAN']);

interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

function nonce(): string {
  return `__tenure_expr_${Math.random().toString(36).slice(2, 10)}`;
}

/** DuckDB's message without the echo of our probe ("LINE 1: DESCRIBE SELECT * FROM query(…"). */
function duckMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split(/\n\s*\nLINE \d+:/)[0].replace(/\s+/g, ' ').trim();
}

/**
 * The tables an analysis may read, by name: the app's own (main database and temp) and those of the
 * database files the user opened, which the app attached read-only (user SQL cannot ATTACH: the
 * native engine refuses it, duckdb-wasm's confinement allows only copies of opened files).
 */
async function appTables(engine: QueryEngine): Promise<Set<string>> {
  const rows = toRows<{ d: string; s: string; n: string }>(
    await engine.query(
      'SELECT database_name AS d, schema_name AS s, table_name AS n FROM duckdb_tables() ' +
        "WHERE database_name IN (current_database(), 'temp') OR database_name IN (SELECT database_name FROM duckdb_databases() WHERE readonly AND NOT internal)",
    ),
  );
  // Plans name a scanned table plainly (duckdb-wasm) or as database.schema.table (native DuckDB).
  return new Set(rows.flatMap((r) => [r.n, `${r.d}.${r.s}.${r.n}`]));
}

/**
 * What in the plan is not the app's own table: a table function or another database's table. `own`:
 * table functions the analysed table itself scans (a Parquet folder's view reads read_parquet), which
 * a fragment may then show too.
 */
function foreignLeaf(node: PlanNode, tables: Set<string>, own: ReadonlySet<string> = new Set()): string | null {
  const name = (node.name ?? '').trim();
  const info = node.extra_info ?? {};
  const fn = info.Function;
  if (typeof fn === 'string' && fn.trim()) {
    if (!own.has(fn.trim().toLowerCase())) return fn.trim().toLowerCase();
    if (!node.children?.length) return null;
  }
  const children = node.children ?? [];
  if (!children.length) {
    if (TABLE_SCANS.has(name)) {
      const table = String(info.Table ?? '');
      // Native DuckDB quotes parts that need it (memory.main."电信"): compare the unquoted name.
      const plain = table.replace(/"((?:[^"]|"")*)"/g, (_m, x: string) => x.replace(/""/g, '"'));
      if (!tables.has(table) && !tables.has(plain)) return table || name.toLowerCase();
    } else if (!INTERNAL_LEAVES.has(name)) {
      return name.toLowerCase();
    }
  }
  for (const c of children) {
    const bad = foreignLeaf(c, tables, own);
    if (bad) return bad;
  }
  return null;
}

/** The table functions in a plan (the analysed FROM's own, e.g. read_parquet under a folder's view). */
function planFunctions(node: PlanNode, out = new Set<string>()): Set<string> {
  const fn = node.extra_info?.Function;
  if (typeof fn === 'string' && fn.trim()) out.add(fn.trim().toLowerCase());
  for (const c of node.children ?? []) planFunctions(c, out);
  return out;
}

function planRoots(rows: Record<string, unknown>[]): PlanNode[] {
  const text = rows.find((r) => r.explain_key === 'physical_plan')?.explain_value ?? rows[0]?.explain_value;
  const parsed = JSON.parse(String(text)) as PlanNode | PlanNode[];
  return Array.isArray(parsed) ? parsed : [parsed];
}

/**
 * Check each non-empty fragment against `from` (the analysis' FROM clause, already quoted); throws a
 * TenureError naming the field. `invalidCode` is the code for a fragment DuckDB cannot parse or bind.
 */
export async function guardFragments(engine: QueryEngine, from: string, fragments: SqlFragment[], invalidCode = 'analysis.sqlInvalid'): Promise<void> {
  let tables: Set<string> | null = null;
  let own: Set<string> | null = null;
  for (const { field, sql } of fragments) {
    if (!sql || !sql.trim()) continue;
    const params = { field };
    const alias = nonce();
    let probe: string;
    try {
      probe = `SELECT * FROM query(${ql(`SELECT ${qf(sql)} AS ${alias} FROM ${from}`)})`;
    } catch (err) {
      throw new TenureError(invalidCode, `The SQL in "${field}" is not valid: ${(err as Error).message}`, { params: { ...params, detail: (err as Error).message } });
    }
    let cols: { column_name: string }[];
    try {
      cols = toRows(await engine.query(`DESCRIBE ${probe}`));
    } catch (err) {
      const detail = duckMessage(err);
      // A confined engine refuses a file function's path already while binding (confine.ts).
      const refused = (err as { code?: string }).code === 'engine.fileAccess' ? String((err as { params?: { path?: string } }).params?.path ?? '') : /^Permission Error: Cannot access (?:file|directory) "([^"]*)"/.exec(detail)?.[1];
      if (refused !== undefined && refused !== null) {
        throw new TenureError('analysis.sqlReadsFiles', `The SQL in "${field}" may only use the analysed table's columns; it reads ${refused}`, { params: { ...params, what: refused } });
      }
      if (/Expected a single SELECT statement/i.test(detail)) {
        throw new TenureError('analysis.sqlStatements', `The SQL in "${field}" must be one expression; it contains other statements`, { params });
      }
      throw new TenureError(invalidCode, `The SQL in "${field}" is not valid: ${detail}`, { params: { ...params, detail } });
    }
    if (cols.length !== 1 || cols[0].column_name !== alias) {
      throw new TenureError('analysis.sqlNotExpression', `The SQL in "${field}" must be one expression; it closes its parentheses and goes on`, { params });
    }
    tables ??= await appTables(engine);
    const roots = planRoots(toRows(await engine.query(`EXPLAIN (FORMAT JSON) ${probe}`)));
    let bad = roots.map((root) => foreignLeaf(root, tables!)).find((x) => x);
    if (bad) {
      // The analysed table may itself be a view over a file reader (a Parquet folder read in place):
      // its own scans are not the fragment's doing. Confinement still limits them to opened folders.
      own ??= new Set(planRoots(toRows(await engine.query(`EXPLAIN (FORMAT JSON) SELECT * FROM ${from}`))).flatMap((r) => [...planFunctions(r)]));
      bad = roots.map((root) => foreignLeaf(root, tables!, own!)).find((x) => x);
    }
    if (bad) {
      throw new TenureError('analysis.sqlReadsFiles', `The SQL in "${field}" may only use the analysed table's columns; it reads ${bad}`, { params: { ...params, what: bad } });
    }
  }
}
