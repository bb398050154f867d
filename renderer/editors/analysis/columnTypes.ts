/** Coarse DuckDB type families, for filtering column pickers and colouring type badges. */
export type TypeKind = 'number' | 'string' | 'date' | 'bool' | 'other';

export function typeKind(type: string): TypeKind {
  const t = type.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL)$/.test(t) || t.startsWith('DECIMAL')) return 'number';
  if (/^(DATE|TIME|TIMESTAMP)/.test(t)) return 'date';
  if (t === 'BOOLEAN') return 'bool';
  if (t === 'VARCHAR' || t.startsWith('VARCHAR(') || t === 'TEXT' || t === 'UUID' || t.startsWith('ENUM')) return 'string';
  return 'other';
}
