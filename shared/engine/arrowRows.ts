import type { Table } from 'apache-arrow';

/** Plain row objects from an Arrow table (small results only: statistics, schema lists, grid windows). */
export function toRows<T = Record<string, unknown>>(table: Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((_, i) => table.getChildAt(i)!);
  const rows: T[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = plain(cols[c].get(r));
    rows[r] = row as T;
  }
  return rows;
}

/** A column as a plain JS array. */
export function column<T = unknown>(table: Table, name: string): T[] {
  const col = table.getChild(name);
  if (!col) throw new Error(`Result has no column ${name}`);
  const out: T[] = new Array(col.length);
  for (let i = 0; i < col.length; i++) out[i] = plain(col.get(i)) as T;
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v;
  // Arrow returns Date columns as epoch ms numbers and structs/lists as proxies: keep them JSON-able.
  if (v && typeof v === 'object' && 'toJSON' in (v as object)) return (v as { toJSON(): unknown }).toJSON();
  return v;
}
