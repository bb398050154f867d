import type { ImportanceMethod, QuadrantSpec } from './spec';
import type { Crosshair, Zone } from './zones';
import type { AnalysisWarning } from '../warnings';

export type Interval = [number, number];

/** Percentile bootstrap intervals and whether they reach across the crosshair (zone uncertain). */
export interface DriverBootstrap {
  performanceCI: Interval | null;
  importanceCI: Interval | null;
  crossesPerformance: boolean;
  crossesImportance: boolean;
}

export interface DriverResult {
  column: string;
  label: string;
  /** Valid ratings (not missing, not "not applicable"): the base of the performance. */
  n: number;
  /** Rows behind the importance: pairwise-complete (rating and outcome), listwise for regression. */
  nImportance: number;
  performance: number | null;
  performanceSd: number | null;
  /** 95% CI of the mean rating: mean ± t(0.975, n − 1)·sd/√n. */
  performanceCI: Interval | null;
  importance: number | null;
  /** null when the driver has no performance or importance (e.g. no valid rows, constant rating). */
  zone: Zone | null;
  /** Signed distance to the crosshair (how close the driver is to switching zone). */
  marginPerformance: number | null;
  marginImportance: number | null;
  bootstrap?: DriverBootstrap;
}

export interface GroupResult {
  /** Segment value; null = all rows. */
  segment: string | null;
  rows: number;
  crosshair: Crosshair | null;
  drivers: DriverResult[];
  /** Regression only: complete rows used and R². */
  regression?: { n: number; r2: number | null };
}

export interface QuadrantResult {
  spec: QuadrantSpec;
  method: ImportanceMethod;
  ciMethod: 't';
  overall: GroupResult;
  segments: GroupResult[];
  /** Empty or degenerate answers (no valid ratings, an outcome value that never occurs…). */
  warnings: AnalysisWarning[];
  /** Every statement run, in order (the Log panel / --json "sql"). */
  sql: string[];
  /** When integer ratings were counted once per value (histogram.ts): the plain statement whose figures
   *  they equal, for Show SQL (not run). */
  referenceSql?: string;
  ms: number;
}
