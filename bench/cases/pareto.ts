import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

/**
 * Pareto of profit by customer: per-customer profit, ranked, cumulative share of total profit,
 * sampled at each percentile of customers (the curve the chart draws) plus loss-maker counts.
 */
const pareto: BenchCase = {
  name: 'Pareto (profit by customer)',
  order: 20,
  sql: (t) => `WITH c AS (
      SELECT customer_id, sum(revenue) AS revenue, sum(revenue - cost) AS profit FROM ${qi(t)} GROUP BY customer_id
    ), r AS (
      SELECT profit,
        row_number() OVER (ORDER BY profit DESC) AS rk,
        count(*) OVER () AS n,
        sum(profit) OVER (ORDER BY profit DESC ROWS UNBOUNDED PRECEDING) AS cum,
        sum(profit) OVER () AS total
      FROM c
    )
    SELECT ceil(100.0 * rk / n) AS pct_customers, max(cum) / any_value(total) AS cum_share,
      count(*) AS customers, count(*) FILTER (WHERE profit < 0) AS loss_makers
    FROM r GROUP BY 1 ORDER BY 1`,
};
export default pareto;
