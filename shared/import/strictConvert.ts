import { ql } from '../engine/sqlQuote';
import type { PlanColumn } from './importTypes';
import { LEADING_ZERO_RE, convertExpr, isMissing, trimmed } from './valueParsing';

/**
 * Conversions for the direct import (values converted while the file is read, no staging copy):
 * a cheap fast path for values in DuckDB's own canonical form, the full parser for the rest, and
 * SQL error() — caught as a GuessContradiction — for any value the sampled type does not allow:
 * one that does not parse, a leading zero (an identifier), a time in a DATE column. The import
 * then falls back to staging the raw text and measuring every row, so a sample can never make a
 * wrong table; it can only cost a second pass.
 */
export interface StrictParts {
  /** DuckDB's own cast of the raw value, computed once in an inner projection as `fastName`. */
  fast: string | null;
  /** The final value (refers to `fastName`). */
  value: string;
}

export function strictExpr(raw: string, col: Pick<PlanColumn, 'type' | 'decimal' | 'date' | 'userType'>, mark: string, fastName: string): StrictParts {
  if (col.type === 'VARCHAR') return { fast: null, value: raw };
  const t = trimmed(raw);
  const conv = convertExpr(t, raw, col);
  const fail = `error(${ql(mark)} || ${raw})`;
  const guards: string[] = [];
  if (!col.userType && (col.type === 'BIGINT' || col.type === 'DOUBLE')) {
    guards.push(`WHEN (${raw} LIKE '%0%') AND regexp_full_match(${t}, ${ql(LEADING_ZERO_RE)}) THEN ${fail}`);
  }
  if (!col.userType && col.type === 'DATE') guards.push(`WHEN contains(${raw}, ':') THEN ${fail}`);
  const slow = `CASE ${guards.join(' ')} WHEN (${conv}) IS NOT NULL THEN (${conv}) WHEN ${isMissing(t)} THEN NULL ELSE ${fail} END`;
  const fast = fastPath(raw, col, fastName);
  if (!fast) return { fast: null, value: `CASE WHEN ${raw} IS NULL THEN NULL ELSE ${slow} END` };
  return { fast: fast.cast, value: `CASE WHEN ${raw} IS NULL THEN NULL WHEN ${fast.when} THEN ${fastName} ELSE ${slow} END` };
}

/** Values DuckDB's cast reads exactly as written (`f` = the cast, computed once). */
function fastPath(raw: string, col: Pick<PlanColumn, 'type' | 'decimal' | 'date'>, f: string): { cast: string; when: string } | null {
  switch (col.type) {
    case 'BIGINT':
      if ((col.decimal ?? 'dot') !== 'dot') return null;
      // Round trip: no '+', leading zero, spaces, separators, 3.5 (which the cast would round) or 1e3.
      return { cast: `TRY_CAST(${raw} AS BIGINT)`, when: `CAST(${f} AS VARCHAR) = ${raw}` };
    case 'DOUBLE': {
      if ((col.decimal ?? 'dot') !== 'dot') return null;
      // Finite, no digit-grouping underscore, and not an all-digit value with a leading zero (0.5 is fine).
      const zero = `((${raw} LIKE '0%' OR ${raw} LIKE '-0%' OR ${raw} LIKE '+0%') AND NOT (${raw} LIKE '%0.%' OR ${raw} IN ('0', '-0', '+0')))`;
      return { cast: `TRY_CAST(${raw} AS DOUBLE)`, when: `isfinite(${f}) AND NOT contains(${raw}, '_') AND NOT ${zero}` };
    }
    case 'DATE':
      if ((col.date ?? 'iso') !== 'iso') return null;
      return { cast: `TRY_CAST(${raw} AS DATE)`, when: `CAST(${f} AS VARCHAR) = ${raw}` };
    case 'TIMESTAMP':
      if ((col.date ?? 'iso') !== 'iso') return null;
      // Also without seconds (2010-12-01 08:26, as Online Retail writes it): the cast reads :00.
      return { cast: `TRY_CAST(${raw} AS TIMESTAMP)`, when: `(CAST(${f} AS VARCHAR) = ${raw} OR CAST(${f} AS VARCHAR) = ${raw} || ':00')` };
    default:
      return null;
  }
}
