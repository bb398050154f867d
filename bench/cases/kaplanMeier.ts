import { computeSurvival } from '../../shared/analysis/survival/compute';
import { qi } from '../../shared/engine/sqlQuote';
import type { BenchCase } from '../caseTypes';

const DERIVED = 'bench_km_customers';

/**
 * Kaplan–Meier on customers derived from the transactions (timed together, as a user would do it):
 * duration = last − first order in days, churned = no order in the final 180 days of the data;
 * then the app's survival analysis (shared/analysis/survival) on that table.
 */
const kaplanMeier: BenchCase = {
  name: 'Kaplan–Meier (customers from orders)',
  order: 30,
  async run(engine, ctx) {
    const t = qi(ctx.table);
    await engine.rows(`CREATE OR REPLACE TABLE ${qi(DERIVED)} AS
      WITH c AS (SELECT customer_id, min(order_date) AS first_order, max(order_date) AS last_order FROM ${t} GROUP BY customer_id)
      SELECT customer_id, date_diff('day', first_order, last_order) AS duration_days,
        last_order < (SELECT max(order_date) FROM ${t}) - INTERVAL 180 DAY AS churned
      FROM c`);
    const r = await computeSurvival(engine.qe, {
      table: DERIVED,
      time: { kind: 'duration', column: 'duration_days', unit: 'days' },
      event: { column: 'churned', values: [true] },
    });
    return r.groups[0].steps.length;
  },
  teardown: () => [`DROP TABLE IF EXISTS ${qi(DERIVED)}`],
};
export default kaplanMeier;
