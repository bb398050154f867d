/**
 * Table names derived from file names: letters (any script), digits and underscores, never empty,
 * never starting with a digit, de-duplicated against existing names (case-insensitively, as DuckDB).
 */
export function tableNameFor(fileName: string, existing: Iterable<string>): string {
  const stem = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  let base = stem.normalize('NFC').replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  if (!base) base = 'table';
  if (/^\p{N}/u.test(base)) base = `t_${base}`;
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}
