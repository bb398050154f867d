import type { ValueMode } from './valueMode';
import type { AnalysisWarning } from '../warnings';

export type ParetoClassName = 'A' | 'B' | 'C';
export const CLASS_NAMES: readonly ParetoClassName[] = ['A', 'B', 'C'];

export interface ParetoClassRow {
  name: ParetoClassName;
  count: number;
  /** count / n (of all customers, or of the group's customers in a group row). */
  customerShare: number;
  value: number;
  /** value / total (of all customers, or of the group's total in a group row). */
  valueShare: number;
  /** null for an empty class. */
  avgValue: number | null;
}

export interface ParetoGroupRow {
  /** The group value as text; null = missing group value. */
  name: string | null;
  n: number;
  value: number;
  /** Share of the overall total. */
  valueShare: number;
  /** Share of all customers. */
  customerShare: number;
  avgValue: number;
  classes: ParetoClassRow[];
}

/** One bar of the Pareto chart: consecutive ranks first..last (≈ 1/bins of the customers). */
export interface ParetoBin {
  first: number;
  last: number;
  value: number;
  /** Exact cumulative share of the total after rank `last`. */
  cumShare: number;
  /** last / n. */
  customerShare: number;
  maxValue: number;
  minValue: number;
}

export interface ParetoResult {
  /** Customers analysed (NULL ids and customers without any value are left out). */
  n: number;
  /** Source rows after the filter and period. */
  rows: number;
  /** Rows with a customer id but a NULL value (left out). */
  nullValues: number;
  /** Rows without a customer id (left out). */
  nullIds: number;
  total: number;
  mean: number;
  max: number;
  min: number;
  top20: { k: number; share: number; value: number };
  /** Smallest k whose cumulative share reaches threshold a; its share of customers. */
  k80: number;
  k80Share: number;
  /** Same for threshold b. */
  k95: number;
  classes: ParetoClassRow[];
  gini: number;
  giniSampleCorrected: number | null;
  negative: { count: number; sum: number };
  zeros: number;
  /** Whale curve peak: the largest cumulative share and the first rank reaching it. */
  peak: { k: number; share: number; customersBeyondShare: number };
  groups: ParetoGroupRow[];
  /** Customers seen with more than one group value (counted under the smallest). */
  multiGroupCustomers: number;
  curve: ParetoBin[];
  /** Lorenz points [share of customers from the bottom, share of value], ascending, from (0,0) to (1,1). */
  lorenz: [number, number][];
  thresholds: { a: number; b: number };
  mode: ValueMode;
  /** True when all boundary comparisons were exact integer arithmetic. */
  exact: boolean;
  /** Degenerate answers (one customer, all values equal, one group). */
  warnings: AnalysisWarning[];
  sql: string;
}
