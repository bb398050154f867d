import { qi, ql, qn } from '../../engine/sqlQuote';
import { TenureError } from '../../errors';
import { isBooleanType, isNumericType } from './columns';

export type EventValue = string | number | boolean;

// Words that mean yes/no when the event column is stored as BOOLEAN (a CSV "Yes/No" column may be
// read as BOOLEAN or as text depending on the importer: the user's "Yes" must work either way).
const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', '是', '流失', '已流失', 'churned', 'churn']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', '否', '未流失', 'active', 'stayed']);

/**
 * SQL predicate: does this row's event column hold one of the values that mean "churned"?
 * Text columns compare trimmed and case-insensitively; numbers numerically; booleans by meaning.
 */
export function eventPredicate(column: string, type: string, values: EventValue[]): string {
  if (!values.length) throw new TenureError('analysis.noEventValue', 'Give at least one event value (the value that means churned)', { column });
  const col = qi(column);
  if (isBooleanType(type)) {
    const bools = new Set(
      values.map((v) => {
        if (typeof v === 'boolean') return v;
        const w = String(v).trim().toLowerCase();
        if (TRUE_WORDS.has(w)) return true;
        if (FALSE_WORDS.has(w)) return false;
        throw new TenureError('analysis.eventValueType', `Column "${column}" is yes/no (BOOLEAN); "${v}" is neither`, { column, params: { column, value: String(v) } });
      }),
    );
    return `${col} IN (${[...bools].map((b) => (b ? 'TRUE' : 'FALSE')).join(', ')})`;
  }
  if (isNumericType(type)) {
    const nums = values.map((v) => {
      const x = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? v : Number(String(v).trim());
      if (String(v).trim() === '' || !Number.isFinite(x)) {
        throw new TenureError('analysis.eventValueType', `Column "${column}" is numeric; "${v}" is not a number`, { column, params: { column, value: String(v) } });
      }
      return x;
    });
    return `${col} IN (${nums.map(qn).join(', ')})`;
  }
  const texts = values.map((v) => String(v).trim().toLowerCase());
  return `lower(trim(CAST(${col} AS VARCHAR))) IN (${texts.map(ql).join(', ')})`;
}
