import { computeCohorts } from '../../shared/analysis/cohort/compute';
import type { BenchCase } from '../caseTypes';

/** The app's monthly cohort matrix (shared/analysis/cohort): cohort = month of first order. */
const cohorts: BenchCase = {
  name: 'monthly cohort matrix',
  order: 40,
  async run(engine, ctx) {
    const r = await computeCohorts(engine.qe, { table: ctx.table, customer: 'customer_id', date: 'order_date', period: 'month' });
    return r.cohorts.reduce((s, c) => s + c.active.filter((a) => a !== null).length, 0);
  },
};
export default cohorts;
