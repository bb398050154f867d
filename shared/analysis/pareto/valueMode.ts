/**
 * How a value becomes the integer "units" that the ranking, cumulative sums and the 80%/95%
 * comparisons run on. Exactness matters: a float cumulative sum can put the customer who sits right
 * on a boundary into the wrong class, so whenever the values are decimals with a bounded number of
 * places we count in 10^-scale units as HUGEINT and every comparison is integer arithmetic.
 */
export type ValueMode =
  /** Integer SQL types: the value itself. */
  | { kind: 'integer'; scale: 0; exact: true }
  /** DECIMAL(p, s): value · 10^s, exact by construction. */
  | { kind: 'decimal'; scale: number; exact: true }
  /** FLOAT/DOUBLE holding decimals with ≤ scale places (proved row by row by the probe). */
  | { kind: 'scaled'; scale: number; exact: true }
  /** Anything else numeric (e.g. 1/3): DOUBLE sums, boundary classes may be off by float rounding. */
  | { kind: 'double'; scale: 0; exact: false };

/** Largest number of decimal places the probe tries (费用 in the Chinese sample needs 9). */
export const MAX_SCALE = 12;
/** |value · 10^s| must stay below 2^40 so that the double product still resolves units exactly. */
export const MAX_SCALED = 2 ** 40;

const INTEGER_TYPES = new Set([
  'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT',
  'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT',
]);
const FLOAT_TYPES = new Set(['FLOAT', 'DOUBLE', 'REAL']);

/** Classify a DuckDB column type: integer/decimal are settled, float needs the probe, other types are not numbers. */
export function modeFromType(type: string): ValueMode | 'float' | null {
  const t = type.toUpperCase().trim();
  if (INTEGER_TYPES.has(t)) return { kind: 'integer', scale: 0, exact: true };
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec) {
    const scale = Number(dec[2]);
    return scale === 0 ? { kind: 'integer', scale: 0, exact: true } : { kind: 'decimal', scale, exact: true };
  }
  if (FLOAT_TYPES.has(t)) return 'float';
  return null;
}

/** From the probe's per-scale verdicts (index = scale), the smallest scale every row passes. */
export function modeFromProbe(passes: boolean[]): ValueMode {
  const s = passes.findIndex((ok) => ok);
  return s < 0 ? { kind: 'double', scale: 0, exact: false } : { kind: 'scaled', scale: s, exact: true };
}

/** SQL turning the row value `v` into units (HUGEINT, or DOUBLE in the fallback). */
export function unitsExpr(mode: ValueMode, v: string): string {
  switch (mode.kind) {
    case 'integer':
      return `CAST(${v} AS HUGEINT)`;
    case 'decimal':
      return `CAST(${v} * CAST(${10n ** BigInt(mode.scale)} AS HUGEINT) AS HUGEINT)`;
    case 'scaled':
      return `CAST(round(${v} * ${10 ** mode.scale}) AS HUGEINT)`;
    case 'double':
      return `CAST(${v} AS DOUBLE)`;
  }
}

/**
 * One boolean per scale s: does every value v satisfy |v·10^s − round(v·10^s)| ≤ 2^-20 + |v·10^s|·2^-46
 * and |v·10^s| ≤ 2^40? The tolerance covers the rounding of a parsed decimal (and of a product such as
 * Quantity * UnitPrice, or a difference) yet stays far below half a unit, so rounding is unambiguous.
 */
export function scaleProbeColumns(v: string): string[] {
  const out: string[] = [];
  for (let s = 0; s <= MAX_SCALE; s++) {
    const y = `(${v} * ${10 ** s})`;
    out.push(`coalesce(bool_and(abs(${y}) <= ${MAX_SCALED} AND abs(${y} - round(${y})) <= ${2 ** -20} + abs(${y}) * ${2 ** -46}), TRUE) AS s${s}`);
  }
  return out;
}
