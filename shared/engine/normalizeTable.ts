import { Table, Type, Float64, makeData, makeVector, type Vector, type DataType } from 'apache-arrow';

/**
 * Evidence-style boundary cast: BIGINT, HUGEINT and DECIMAL columns become doubles so that every
 * consumer (charts, statistics, JSON) sees plain numbers. Counts above 2^53 would lose precision,
 * which no retention dataset reaches.
 */
export function normalizeTable(table: Table): Table {
  const needs = table.schema.fields.some((f) => needsCast(f.type));
  if (!needs) return table;
  const columns: Record<string, Vector> = {};
  table.schema.fields.forEach((field, i) => {
    const col = table.getChildAt(i)!;
    columns[field.name] = needsCast(field.type) ? toFloat64(col) : col;
  });
  // Duplicate column names (SELECT a, a) would collapse in a record: keep the original then.
  if (Object.keys(columns).length !== table.numCols) return table;
  return new Table(columns);
}

function needsCast(type: DataType): boolean {
  return type.typeId === Type.Int && (type as unknown as { bitWidth: number }).bitWidth === 64
    || type.typeId === Type.Decimal;
}

function toFloat64(col: Vector): Vector<Float64> {
  const type = col.type as DataType;
  const scale = type.typeId === Type.Decimal ? (type as unknown as { scale: number }).scale : 0;
  const out = new Float64Array(col.length);
  const valid = new Uint8Array(Math.ceil(col.length / 8));
  let nulls = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col.get(i) as unknown;
    if (v === null || v === undefined) {
      nulls++;
      continue;
    }
    valid[i >> 3] |= 1 << (i & 7);
    out[i] = scale === 0 && typeof v !== 'object' ? Number(v) : decimalToNumber(v, scale);
  }
  const data = makeData({ type: new Float64(), length: col.length, nullCount: nulls, data: out, nullBitmap: nulls ? valid : undefined });
  return makeVector(data);
}

/** Arrow decimals arrive as 128-bit little-endian words; build a BigInt and scale. */
function decimalToNumber(v: unknown, scale: number): number {
  if (typeof v === 'bigint' || typeof v === 'number') return Number(v) / 10 ** scale;
  const words = v as Uint32Array;
  let big = 0n;
  for (let w = words.length - 1; w >= 0; w--) big = (big << 32n) | BigInt(words[w]);
  const bits = BigInt(words.length * 32);
  if (words[words.length - 1] & 0x80000000) big -= 1n << bits;
  if (scale === 0) return Number(big);
  const div = 10n ** BigInt(scale);
  const int = big / div;
  const frac = big % div;
  return Number(int) + Number(frac) / 10 ** scale;
}
