/**
 * Native DuckDB results as Arrow tables shaped exactly like duckdb-wasm's after normalizeTable
 * (@duckdb/node-api has no Arrow output): BIGINT/HUGEINT/UBIGINT/DECIMAL become doubles, DATE is
 * DateDay, TIMESTAMP microseconds, VARCHAR Utf8, LIST a List; structs, maps and rare types arrive as
 * their SQL text.
 * Built straight from buffers (see shared/import/arrowVectors.ts for why not vectorFromArray).
 */
import {
  Bool, DateDay, Field, List, RecordBatch, Schema, Struct, Float32, Float64, Int16, Int32, Int8, Table, TimeMicrosecond, TimeUnit, Timestamp, Uint16, Uint32, Uint8,
  makeData, makeVector, type DataType, type Vector,
} from 'apache-arrow';
import { DuckDBDateValue, DuckDBTimestampValue, DuckDBTypeId, type DuckDBAppender, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { utf8Vector } from '../../import/arrowVectors';

type Fixed = { type: DataType; Array: Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Int16ArrayConstructor | Int8ArrayConstructor | Uint8ArrayConstructor | Uint16ArrayConstructor | Uint32ArrayConstructor | BigInt64ArrayConstructor; get: (v: DuckDBValue) => number | bigint };

const num = (v: DuckDBValue): number => (typeof v === 'object' && v !== null && 'toDouble' in v ? (v as { toDouble(): number }).toDouble() : Number(v));
const field = (key: string) => (v: DuckDBValue): bigint => BigInt((v as unknown as Record<string, bigint | number>)[key]);

function fixed(type: DuckDBType): Fixed | null {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT: return { type: new Int8(), Array: Int8Array, get: num };
    case DuckDBTypeId.SMALLINT: return { type: new Int16(), Array: Int16Array, get: num };
    case DuckDBTypeId.INTEGER: return { type: new Int32(), Array: Int32Array, get: num };
    case DuckDBTypeId.UTINYINT: return { type: new Uint8(), Array: Uint8Array, get: num };
    case DuckDBTypeId.USMALLINT: return { type: new Uint16(), Array: Uint16Array, get: num };
    case DuckDBTypeId.UINTEGER: return { type: new Uint32(), Array: Uint32Array, get: num };
    case DuckDBTypeId.FLOAT: return { type: new Float32(), Array: Float32Array, get: num };
    case DuckDBTypeId.BIGINT: case DuckDBTypeId.HUGEINT: case DuckDBTypeId.UBIGINT: case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DOUBLE: case DuckDBTypeId.DECIMAL:
      return { type: new Float64(), Array: Float64Array, get: num };
    case DuckDBTypeId.DATE: return { type: new DateDay(), Array: Int32Array, get: (v) => (v as unknown as { days: number }).days };
    case DuckDBTypeId.TIMESTAMP: case DuckDBTypeId.TIMESTAMP_TZ:
      return { type: new Timestamp(TimeUnit.MICROSECOND, type.typeId === DuckDBTypeId.TIMESTAMP_TZ ? 'UTC' : null), Array: BigInt64Array, get: field('micros') };
    case DuckDBTypeId.TIMESTAMP_S: return { type: new Timestamp(TimeUnit.SECOND), Array: BigInt64Array, get: field('seconds') };
    case DuckDBTypeId.TIMESTAMP_MS: return { type: new Timestamp(TimeUnit.MILLISECOND), Array: BigInt64Array, get: field('millis') };
    case DuckDBTypeId.TIMESTAMP_NS: return { type: new Timestamp(TimeUnit.NANOSECOND), Array: BigInt64Array, get: field('nanos') };
    case DuckDBTypeId.TIME: return { type: new TimeMicrosecond(), Array: BigInt64Array, get: field('micros') };
    default: return null;
  }
}

function validity(values: readonly DuckDBValue[]): { nullBitmap: Uint8Array; nullCount: number } {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === null || values[i] === undefined) nullCount++;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return { nullBitmap, nullCount };
}

function vector(type: DuckDBType, values: readonly DuckDBValue[]): Vector {
  const n = values.length;
  if (type.typeId === DuckDBTypeId.BOOLEAN) {
    const data = new Uint8Array(Math.ceil(n / 8));
    values.forEach((v, i) => v === true && (data[i >> 3] |= 1 << (i & 7)));
    return makeVector(makeData({ type: new Bool(), length: n, ...validity(values), data }));
  }
  const f = fixed(type);
  if (f) {
    const data = new f.Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) (data as unknown as (number | bigint)[])[i] = f.Array === BigInt64Array ? BigInt(f.get(v)) : Number(f.get(v));
    }
    return makeVector(makeData({ type: f.type as Float64, length: n, ...validity(values), data: data as Float64Array }));
  }
  if (type.typeId === DuckDBTypeId.VARCHAR) return utf8Vector(values as (string | null)[]);
  if (type.typeId === DuckDBTypeId.LIST) {
    // Lists (quantile_cont(x, [..]), list(...)) as Arrow lists, as duckdb-wasm returns them.
    const valueOffsets = new Int32Array(n + 1);
    const items: DuckDBValue[] = [];
    values.forEach((v, i) => {
      if (v !== null && v !== undefined) items.push(...(v as unknown as { items: DuckDBValue[] }).items);
      valueOffsets[i + 1] = items.length;
    });
    const child = vector((type as unknown as { valueType: DuckDBType }).valueType, items);
    const listType = new List(new Field('l', child.type, true));
    return makeVector(makeData({ type: listType, length: n, ...validity(values), valueOffsets, child: child.data[0] }));
  }
  return utf8Vector(values.map((v) => (v === null || v === undefined ? null : String(v))));
}

/** Columns (names, types, values) from a DuckDB result → an Arrow table. */
export function toArrowTable(names: string[], types: DuckDBType[], columns: DuckDBValue[][]): Table {
  // Schema + batch, not a record of vectors: SELECT a, a keeps both columns, as duckdb-wasm does.
  const vectors = names.map((_, i) => vector(types[i], columns[i] ?? []));
  const fields = names.map((name, i) => new Field(name, vectors[i].type, true));
  const schema = new Schema(fields);
  const length = vectors[0]?.length ?? 0;
  const data = makeData({ type: new Struct(fields), length, nullCount: 0, children: vectors.map((v) => v.data[0]) });
  return new Table(schema, [new RecordBatch(schema, data)]);
}

/** The DuckDB column type for an Arrow column (staging tables from Excel are Float64, Bool, Utf8). */
export function duckTypeOf(type: DataType): string {
  const s = String(type);
  if (s === 'Float64' || s === 'Float32') return 'DOUBLE';
  if (s === 'Bool') return 'BOOLEAN';
  if (/^u?int(8|16|32)$/i.test(s)) return 'INTEGER';
  if (/^u?int64$/i.test(s)) return 'BIGINT';
  if (s.startsWith('Date')) return 'DATE';
  if (s.startsWith('Timestamp')) return 'TIMESTAMP';
  return 'VARCHAR';
}

/** Append an Arrow table's rows (already created as a table of duckTypeOf columns). */
export async function appendArrow(appender: DuckDBAppender, table: Table, kinds: string[]): Promise<void> {
  const cols = table.schema.fields.map((_, i) => table.getChildAt(i)!);
  for (let r = 0; r < table.numRows; r++) {
    for (let c = 0; c < cols.length; c++) {
      const v = cols[c].get(r) as unknown;
      if (v === null || v === undefined) appender.appendNull();
      else if (kinds[c] === 'DOUBLE') appender.appendDouble(Number(v));
      else if (kinds[c] === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else if (kinds[c] === 'INTEGER') appender.appendInteger(Number(v));
      else if (kinds[c] === 'BIGINT') appender.appendBigInt(BigInt(v as number));
      else if (kinds[c] === 'DATE') appender.appendDate(new DuckDBDateValue(Math.floor(Number(v) / 86_400_000)));
      else if (kinds[c] === 'TIMESTAMP') appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(Number(v))) * 1000n));
      else appender.appendVarchar(typeof v === 'string' ? v : String(v));
    }
    appender.endRow();
  }
  appender.flushSync();
}
