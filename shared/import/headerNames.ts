import type { HeaderMapping } from './importTypes';

/**
 * Final column names from header cells: whitespace and line breaks collapsed, empty cells named
 * column_N (1-based position), duplicates (case-insensitive, as DuckDB compares identifiers) made
 * unique as name_2, name_3… never colliding with another original name.
 */
export function uniqueHeaderNames(raw: readonly (string | null | undefined)[]): { names: string[]; mapping: HeaderMapping[] } {
  const cleaned = raw.map((h, i) => {
    // Control characters (a NUL from a misread encoding) cannot be part of a DuckDB identifier.
    // eslint-disable-next-line no-control-regex
    const s = (h ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
    return s === '' ? `column_${i + 1}` : s;
  });
  const taken = new Set(cleaned.map((n) => n.toLowerCase()));
  const used = new Set<string>();
  const names = cleaned.map((n) => {
    let name = n;
    if (used.has(name.toLowerCase())) {
      for (let k = 2; ; k++) {
        const cand = `${n}_${k}`;
        if (!used.has(cand.toLowerCase()) && !taken.has(cand.toLowerCase())) {
          name = cand;
          break;
        }
      }
    }
    used.add(name.toLowerCase());
    return name;
  });
  return { names, mapping: names.map((name, index) => ({ index, original: raw[index] ?? '', name })) };
}
