import { qf, qi } from '../../engine/sqlQuote';
import { whereClause } from '../survival/sql';
import { periodIndexSql } from './period';
import type { CohortSpec } from './spec';

/**
 * One statement: active customers (and value) per (cohort, offset). A customer's cohort is the
 * period of their first remaining row; active = at least one row in that period. Rows with no
 * customer or no readable date are counted in the scalar columns, not used.
 */
export function cohortSql(spec: CohortSpec): string {
  const v = spec.valueExpr ? `, ${qf(spec.valueExpr)} AS v` : '';
  const sumV = spec.valueExpr ? ', sum(v) AS v' : '';
  return `WITH base AS (
  SELECT ${qi(spec.customer)} AS cust, TRY_CAST(${qi(spec.date)} AS TIMESTAMP) AS ts${v}
  FROM ${qi(spec.table)}
  ${whereClause(spec.where)}
),
p AS (
  SELECT cust, ${periodIndexSql('ts', spec.period)} AS pi${sumV}
  FROM base WHERE cust IS NOT NULL AND ts IS NOT NULL
  GROUP BY cust, pi
),
f AS (SELECT cust, min(pi) AS cohort FROM p GROUP BY cust)
SELECT f.cohort, p.pi - f.cohort AS k, count(*) AS active${spec.valueExpr ? ', sum(p.v) AS value' : ''},
  (SELECT max(pi) FROM p) AS last_period,
  (SELECT strftime(max(ts), '%Y-%m-%d') FROM base WHERE cust IS NOT NULL AND ts IS NOT NULL) AS last_date,
  (SELECT count(*) FROM base WHERE cust IS NULL) AS missing_customer,
  (SELECT count(*) FROM base WHERE cust IS NOT NULL AND ts IS NULL) AS missing_date
FROM p JOIN f USING (cust)
GROUP BY f.cohort, k
ORDER BY f.cohort, k`;
}
