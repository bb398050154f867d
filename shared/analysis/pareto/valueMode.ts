/**
 * How a value becomes the integer "units" that the ranking, cumulative sums and the 80%/95%
 * comparisons run on. Exactness matters: a float cumulative sum can put the customer who sits right
 * on a boundary into the wrong class, so whenever the values are decimals with a bounded number of
 * places we count in 10^-scale units as integers and every comparison is integer arithmetic.
 */
export type ValueMode =
  | {
    /** integer: integer SQL types; decimal: DECIMAL(p, s) · 10^s; scaled: FLOAT/DOUBLE holding decimals with ≤ scale places. */
    kind: 'integer' | 'decimal' | 'scaled';
    scale: number;
    exact: true;
    /** BIGINT while Σ|units| stays far from 2^63 (faster windows); HUGEINT beyond. */
    int: 'BIGINT' | 'HUGEINT';
  }
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

export type TypedValue = { kind: 'integer' | 'decimal'; scale: number } | 'float';

/** Classify a DuckDB column type: integer/decimal are settled, float needs the probe, other types are not numbers. */
export function modeFromType(type: string): TypedValue | null {
  const t = type.toUpperCase().trim();
  if (INTEGER_TYPES.has(t)) return { kind: 'integer', scale: 0 };
  const dec = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (dec) {
    const scale = Number(dec[2]);
    return scale === 0 ? { kind: 'integer', scale: 0 } : { kind: 'decimal', scale };
  }
  if (FLOAT_TYPES.has(t)) return 'float';
  return null;
}

/** What the probe measured over the used values (NULL when there are none). */
export interface ScaleProbe {
  /** Largest per-row smallest passing scale; > MAX_SCALE when some row passes none. */
  minScale: number | null;
  maxAbs: number | null;
  sumAbs: number | null;
}

/**
 * The mode for a typed value, or for a float value the smallest scale at which every row is a whole
 * number of units (still within 2^40 at that scale), else the DOUBLE fallback.
 */
export function chooseMode(typed: TypedValue, probe: ScaleProbe): ValueMode {
  const maxAbs = probe.maxAbs ?? 0;
  let base: { kind: 'integer' | 'decimal' | 'scaled'; scale: number };
  if (typed === 'float') {
    const s = probe.minScale ?? 0;
    if (s > MAX_SCALE || maxAbs * 10 ** s > MAX_SCALED) return { kind: 'double', scale: 0, exact: false };
    base = { kind: 'scaled', scale: s };
  } else {
    base = typed;
  }
  // The sum of |units| bounds every cumulative sum; stay far below 2^63 (it is a float estimate).
  const int = (probe.sumAbs ?? 0) * 10 ** base.scale < 2 ** 60 ? 'BIGINT' : 'HUGEINT';
  return { ...base, exact: true, int };
}

/** SQL turning the row value `v` into units (HUGEINT, or DOUBLE in the fallback). */
export function unitsExpr(mode: ValueMode, v: string): string {
  switch (mode.kind) {
    case 'integer':
      return `CAST(${v} AS ${mode.int})`;
    case 'decimal':
      return `CAST(${v} * CAST(${10n ** BigInt(mode.scale)} AS HUGEINT) AS ${mode.int})`;
    case 'scaled':
      return `CAST(round(${v} * ${10 ** mode.scale}) AS ${mode.int})`;
    case 'double':
      return `CAST(${v} AS DOUBLE)`;
  }
}

/** An expression over units widened to HUGEINT before multiplying (threshold numerators, n), so it cannot overflow. */
export function wide(mode: ValueMode, x: string): string {
  return mode.exact && mode.int === 'BIGINT' ? `CAST(${x} AS HUGEINT)` : x;
}

/**
 * Per row, the smallest scale s at which |v·10^s − round(v·10^s)| ≤ 2^-20 + |v·10^s|·2^-46 and
 * |v·10^s| ≤ 2^40 (99 if none); the maximum over rows is the scale to use. The tolerance covers the
 * rounding of a parsed decimal (and of a product such as Quantity * UnitPrice, or a difference) yet
 * stays far below half a unit, so rounding to units is unambiguous. CASE stops at the first passing
 * scale, so typical 2-decimal money costs three checks per row.
 */
export function minScaleExpr(v: string): string {
  const whens: string[] = [];
  for (let s = 0; s <= MAX_SCALE; s++) whens.push(`WHEN ${passesAtScale(v, s)} THEN ${s}`);
  return `CASE WHEN ${v} IS NULL THEN NULL ${whens.join(' ')} ELSE 99 END`;
}

/** The test of minScaleExpr at one scale: v is a whole number of 10^-s units (within the tolerance) and |v·10^s| ≤ 2^40. */
export function passesAtScale(v: string, s: number): string {
  const y = `(${v} * ${10 ** s})`;
  return `abs(${y}) <= ${MAX_SCALED} AND abs(${y} - round(${y})) <= ${2 ** -20} + abs(${y}) * ${2 ** -46}`;
}
