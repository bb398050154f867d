import { qd, qn } from '../../engine/sqlQuote';

/**
 * Quantile bands of a numeric group column: edges from DuckDB's quantile_cont over the analysed rows,
 * repeated edges merged (a column with few values gives fewer bands), each band (lo, hi] and the first
 * closed at the minimum, as R's cut(include.lowest = TRUE).
 */
export interface Bands {
  column: string;
  /** min, inner edges…, max (ascending, distinct). */
  edges: number[];
  labels: string[];
}

/** The SELECT list computing min, max and the k − 1 inner quantiles of x. */
export function bandEdgesSelect(x: string, k: number): string {
  const probs = Array.from({ length: k - 1 }, (_, i) => qn((i + 1) / k)).join(', ');
  return `min(${x}) AS lo, max(${x}) AS hi, quantile_cont(${x}, [${probs}]) AS q`;
}

/** Short, exact-enough edge text: up to 4 significant digits, integers as they are. */
export function edgeText(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));
}

export function makeBands(column: string, lo: number, hi: number, inner: number[]): Bands {
  const edges = [...new Set([lo, ...inner.filter((q) => q > lo && q < hi), hi])].sort((a, b) => a - b);
  // the column in the label: legends, headlines and the risk table read "MonthlyCharges (35.5, 70.35]"
  const ranges = edges.length < 2 ? [`[${edgeText(lo)}, ${edgeText(hi)}]`] : edges.slice(1).map((e, i) => `${i === 0 ? '[' : '('}${edgeText(edges[i])}, ${edgeText(e)}]`);
  const labels = ranges.map((r) => `${column} ${r}`);
  return { column, edges, labels };
}

/** The band number (1-based) of x as SQL; NULL stays NULL. */
export function bandExpr(x: string, b: Bands): string {
  const inner = b.edges.slice(1, -1);
  if (!inner.length) return `CASE WHEN ${x} IS NULL THEN NULL ELSE 1 END`;
  return `CASE WHEN ${x} IS NULL THEN NULL ${inner.map((e, i) => `WHEN ${x} <= ${qd(e)} THEN ${i + 1}`).join(' ')} ELSE ${inner.length + 1} END`;
}
