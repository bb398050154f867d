/** Small label helpers shared by the survival, hazard, cohort and reasons charts. */

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** survminer style: "< 0.0001" below 1e-4 (log10p keeps this right when p underflows to 0), else 2 significant digits. */
export function formatP(p: number, log10p: number): { below: boolean; text: string } {
  if (log10p < -4 || p < 1e-4) return { below: true, text: '0.0001' };
  return { below: false, text: String(Number(p.toPrecision(2))) };
}

export function pct(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`;
}

export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return '–';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}

/** Unit label in the user's language when it is a known unit, else the user's own label. */
export function unitLabel(t: Translate, unit: string): string {
  const key = `survival.units.${unit}`;
  const s = t(key);
  return s === key ? unit : s;
}

/** A round tick step giving about `target` ticks (12-month multiples for months, as survminer). */
export function niceStep(max: number, unit: string, target = 8): number {
  const want = max / target;
  const months = [1, 2, 3, 6, 12, 24, 36, 60, 120];
  const days = [1, 7, 14, 30, 60, 90, 180, 365, 730];
  const list = unit === 'months' ? months : unit === 'days' ? days : [];
  const hit = list.find((s) => s >= want);
  if (hit) return hit;
  const p = Math.pow(10, Math.floor(Math.log10(Math.max(want, 1e-9))));
  return ([1, 2, 5, 10].map((m) => m * p).find((s) => s >= want) ?? 10 * p);
}
