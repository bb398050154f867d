import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

/** The core aggregate: revenue and profit by region and month (low-cardinality groups, full scan). */
const groupBy: BenchCase = {
  name: 'group-by (region × month)',
  order: 10,
  sql: (t) => `SELECT region, date_trunc('month', order_date) AS month, count(*) AS orders,
    sum(revenue) AS revenue, sum(revenue - cost) AS profit
    FROM ${qi(t)} GROUP BY ALL ORDER BY ALL`,
};
export default groupBy;
