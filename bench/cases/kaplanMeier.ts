import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

/**
 * Kaplan–Meier on customers derived from transactions: duration = last − first order (days),
 * event = no order in the final 180 days of the data. Product-limit estimate per distinct time.
 */
const kaplanMeier: BenchCase = {
  name: 'Kaplan–Meier (customers from orders)',
  order: 30,
  sql: (t) => `WITH bounds AS (SELECT max(order_date) AS end_date FROM ${qi(t)}),
    c AS (SELECT customer_id, min(order_date) AS first_order, max(order_date) AS last_order FROM ${qi(t)} GROUP BY customer_id),
    d AS (
      SELECT date_diff('day', first_order, last_order) AS t,
        (last_order < end_date - INTERVAL 180 DAY)::INT AS event
      FROM c, bounds
    ),
    g AS (SELECT t, sum(event) AS deaths, count(*) AS n FROM d GROUP BY t),
    r AS (SELECT t, deaths, n, sum(n) OVER (ORDER BY t DESC ROWS UNBOUNDED PRECEDING) AS at_risk FROM g)
    SELECT t, at_risk, deaths, n - deaths AS censored,
      product(1 - deaths / at_risk) OVER (ORDER BY t ROWS UNBOUNDED PRECEDING) AS survival
    FROM r ORDER BY t`,
};
export default kaplanMeier;
