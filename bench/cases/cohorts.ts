import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

/** Monthly cohort matrix: cohort = month of first order; share of the cohort active k months later. */
const cohorts: BenchCase = {
  name: 'monthly cohort matrix',
  order: 40,
  sql: (t) => `WITH f AS (
      SELECT customer_id, date_trunc('month', min(order_date)) AS cohort FROM ${qi(t)} GROUP BY customer_id
    ), s AS (SELECT cohort, count(*) AS size FROM f GROUP BY cohort),
    a AS (SELECT DISTINCT customer_id, date_trunc('month', order_date) AS month FROM ${qi(t)})
    SELECT f.cohort, date_diff('month', f.cohort, a.month) AS age, count(*) AS active, count(*) / any_value(s.size) AS retention
    FROM a JOIN f USING (customer_id) JOIN s USING (cohort)
    GROUP BY ALL ORDER BY 1, 2`,
};
export default cohorts;
