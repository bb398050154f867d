import { computePareto } from '../../shared/analysis/pareto/compute';
import type { BenchCase } from '../caseTypes';

/** The app's Pareto analysis (shared/analysis/pareto): profit = revenue − cost by customer. */
const pareto: BenchCase = {
  name: 'Pareto (profit by customer)',
  order: 20,
  async run(engine, ctx) {
    const r = await computePareto(engine.qe, { table: ctx.table, customer: 'customer_id', value: { kind: 'expr', sql: 'revenue - cost' } });
    return r.curve?.length ?? 1;
  },
};
export default pareto;
