/**
 * Native DuckDB (@duckdb/node-api) behind the app's QueryEngine contract, so benchmark cases can run
 * the app's own compute functions (shared/analysis/<name>/compute.ts) on both engines. Results
 * become Arrow tables shaped like WasmNodeEngine's after normalizeTable: every number a double.
 * Benchmark use only: results are built value by value (analyses return small results).
 */
import { Bool, DateDay, Float64, Table, TimestampMillisecond, Utf8, vectorFromArray, type DataType, type Vector } from 'apache-arrow';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { ENGINE_SETUP_SQL, type QueryEngine } from '../shared/engine/QueryEngine';

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

function column(type: string, values: unknown[]): Vector {
  const toNum = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const toMs = (v: unknown) => (v instanceof Date ? v.getTime() : v === null || v === undefined ? null : Number(v));
  let arrowType: DataType;
  let vals: unknown[];
  if (NUMERIC.test(type)) [arrowType, vals] = [new Float64(), values.map(toNum)];
  else if (type === 'BOOLEAN') [arrowType, vals] = [new Bool(), values];
  else if (type === 'DATE') [arrowType, vals] = [new DateDay(), values.map((v) => (v instanceof Date ? v : null))];
  else if (type.startsWith('TIMESTAMP')) [arrowType, vals] = [new TimestampMillisecond(), values.map(toMs)];
  else [arrowType, vals] = [new Utf8(), values.map((v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x))))];
  return vectorFromArray(vals as never[], arrowType);
}

export class NativeQueryEngine implements QueryEngine {
  readonly name = 'duckdb native (bench)';
  private instance: DuckDBInstance | null = null;
  private conn: DuckDBConnection | null = null;

  constructor(private readonly threads: number | null) {}

  async init(): Promise<void> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    this.instance = await DuckDBInstance.create(':memory:', this.threads ? { threads: String(this.threads) } : {});
    this.conn = await this.instance.connect();
    for (const sql of ENGINE_SETUP_SQL) await this.conn.run(sql);
  }

  private need(): DuckDBConnection {
    if (!this.conn) throw new Error('Engine not initialised');
    return this.conn;
  }

  async query(sql: string): Promise<Table> {
    const reader = await this.need().runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes().map(String);
    const cols = reader.getColumnsJS();
    const vectors: Record<string, Vector> = {};
    names.forEach((n, i) => (vectors[n] = column(types[i], cols[i] ?? [])));
    return new Table(vectors);
  }

  async registerFileBuffer(): Promise<void> {
    throw new Error('not used by the benchmarks');
  }
  async registerFileHandle(): Promise<void> {
    throw new Error('not used by the benchmarks: pass a path to read_csv');
  }
  async dropFile(): Promise<void> {}
  async insertArrowTable(): Promise<void> {
    throw new Error('not used by the benchmarks');
  }
  async cancel(): Promise<boolean> {
    return false;
  }
  async close(): Promise<void> {
    this.conn?.closeSync();
    this.instance?.closeSync();
    this.conn = null;
    this.instance = null;
  }
}
