import type { BenchEngine } from './engines';

/** What a benchmark case knows about the loaded data. */
export interface CaseContext {
  /** The transactions table: customer_id, order_date, revenue, cost, region. */
  table: string;
  rows: number;
  customers: number;
}

/**
 * One analysis benchmark: a module in bench/cases/ whose default export is a BenchCase.
 * The runner discovers every file there, runs `setup` once untimed, then times `sql` (or `run`)
 * several times on each engine and reports the median. Result row counts must agree across engines.
 */
export interface BenchCase {
  name: string;
  /** Sort key in the report (smaller first). */
  order?: number;
  /** Untimed preparation (e.g. a derived input table); statements run in order. */
  setup?(ctx: CaseContext): string[];
  /** The timed query. */
  sql?(table: string, ctx: CaseContext): string;
  /** Or a timed procedure; returns the number of result rows. */
  run?(engine: BenchEngine, ctx: CaseContext): Promise<number>;
  /** Untimed clean-up. */
  teardown?(ctx: CaseContext): string[];
}
