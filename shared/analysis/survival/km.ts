import { zForLevel } from '../../stats/normal';

/**
 * Kaplan-Meier from per-time counts, exactly as R survival::survfit (type "kaplan-meier",
 * Greenwood variance) and summary()/quantile() on it. Pure: the counts come from SQL.
 */

export const CONF_TYPES = ['log', 'log-log', 'plain'] as const;
export type ConfType = (typeof CONF_TYPES)[number];

/** Events and censorings at one distinct time (input; times strictly ascending). */
export interface TimeCounts {
  time: number;
  nEvent: number;
  nCensor: number;
}

export interface KmStep extends TimeCounts {
  nRisk: number;
  survival: number;
  /** Greenwood SE of S (survival scale); null where undefined (after S reaches 0). */
  stdErr: number | null;
  /** Greenwood SE of log S (R's fit$std.err); null where undefined. */
  seLog: number | null;
  lower: number | null;
  upper: number | null;
}

export interface KmOptions {
  confType: ConfType;
  confLevel: number;
}

/** R's survfit_confint (logse = TRUE): a pointwise band for S given the SE of log S. */
export function confBand(s: number, seLog: number | null, type: ConfType, z: number): { lower: number | null; upper: number | null } {
  if (seLog === null || !Number.isFinite(seLog)) return { lower: null, upper: null };
  if (type === 'plain') {
    const se2 = seLog * s * z;
    return { lower: nn(Math.max(s - se2, 0)), upper: nn(Math.min(s + se2, 1)) };
  }
  if (type === 'log') {
    if (s === 0) return { lower: null, upper: null };
    const se2 = z * seLog;
    return { lower: nn(Math.exp(Math.log(s) - se2)), upper: nn(Math.min(Math.exp(Math.log(s) + se2), 1)) };
  }
  if (s === 0 || s === 1) return { lower: null, upper: null };
  const se2 = (z * seLog) / Math.log(s);
  const ll = Math.log(-Math.log(s));
  return { lower: nn(Math.exp(-Math.exp(ll - se2))), upper: nn(Math.exp(-Math.exp(ll + se2))) };
}

function nn(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/** The step table: one row per distinct time, censored subjects still at risk at their time. */
export function kaplanMeier(rows: TimeCounts[], opts: KmOptions): KmStep[] {
  const z = zForLevel(opts.confLevel);
  let nRisk = rows.reduce((s, r) => s + r.nEvent + r.nCensor, 0);
  let km = 1;
  let v = 0; // Greenwood sum d / (n (n - d)); Infinity once everyone at risk has the event
  const out: KmStep[] = [];
  let prev = -Infinity;
  for (const r of rows) {
    if (!(r.time > prev)) throw new RangeError('kaplanMeier: times must be strictly ascending');
    prev = r.time;
    const d = r.nEvent;
    if (d > 0) {
      km *= (nRisk - d) / nRisk;
      v += d / (nRisk * (nRisk - d));
    }
    const seLog = Number.isFinite(v) ? Math.sqrt(v) : null;
    const stdErr = seLog === null ? null : seLog * km;
    out.push({ ...r, nRisk, survival: km, stdErr, seLog, ...confBand(km, seLog, opts.confType, z) });
    nRisk -= r.nEvent + r.nCensor;
  }
  return out;
}

export interface AtTime {
  time: number;
  /** Number with follow-up ≥ time (0 past the last time). */
  nRisk: number;
  /** Cumulative events at times ≤ time. */
  eventsThrough: number;
  survival: number;
  stdErr: number | null;
  seLog: number | null;
  lower: number | null;
  upper: number | null;
}

/** summary(fit, times, extend = TRUE): the step function evaluated at each requested time. */
export function survivalAt(steps: KmStep[], times: number[], opts: KmOptions): AtTime[] {
  const z = zForLevel(opts.confLevel);
  const n = steps.length ? steps[0].nRisk : 0;
  return times.map((t) => {
    let last = -1;
    let events = 0;
    for (let i = 0; i < steps.length && steps[i].time <= t; i++) {
      last = i;
      events += steps[i].nEvent;
    }
    const firstAfter = steps.findIndex((s) => s.time >= t);
    const nRisk = firstAfter < 0 ? 0 : firstAfter === 0 ? n : steps[firstAfter].nRisk;
    if (last < 0) return { time: t, nRisk, eventsThrough: 0, survival: 1, stdErr: 0, seLog: 0, ...confBand(1, 0, opts.confType, z) };
    const s = steps[last];
    return { time: t, nRisk, eventsThrough: events, survival: s.survival, stdErr: s.stdErr, seLog: s.seLog, lower: s.lower, upper: s.upper };
  });
}

const TOL = Math.sqrt(2.220446049250313e-16);

/**
 * R's findq (quantile.survfit): where a horizontal line at p meets the CDF 1 − curve, with the
 * midpoint rule on a flat exactly at p. x = c(0, times), y = c(0, 1 − curve); null = not reached.
 */
function findq(x: number[], y: (number | null)[], p: number): number | null {
  const finite = y.filter((v): v is number => v !== null);
  if (!finite.length || Math.max(...finite) < p) return null;
  const xmax = x[x.length - 1];
  // duplicated(y): keep the first of each value (NA counts as a value too)
  const seen = new Set<number | null>();
  const xs: number[] = [];
  const ys: (number | null)[] = [];
  y.forEach((v, i) => {
    if (seen.has(v)) return;
    seen.add(v);
    xs.push(x[i]);
    ys.push(v);
  });
  const idx = (shift: number): number | null => {
    // approx(y + shift, 1:n, p, "constant", f = 1) on the non-NA points: first node ≥ p
    let min = Infinity;
    for (const v of ys) if (v !== null) min = Math.min(min, v + shift);
    if (p < min) return null;
    for (let i = 0; i < ys.length; i++) if (ys[i] !== null && (ys[i] as number) + shift >= p) return i;
    return null;
  };
  const i1 = idx(TOL);
  const i2 = idx(-TOL);
  let q = i1 !== null && i2 !== null ? (xs[i1] + xs[i2]) / 2 : null;
  const yn = ys[ys.length - 1];
  if (yn !== null && Math.abs(p - yn) < TOL && i1 !== null) q = (xs[i1] + xmax) / 2;
  return q;
}

export interface MedianInfo {
  median: number | null;
  lower: number | null;
  upper: number | null;
}

/** quantile(fit, 0.5, conf.int = TRUE): median and its CI from where the bands reach 0.5. */
export function medianSurvival(steps: KmStep[], p = 0.5): MedianInfo {
  const x = [0, ...steps.map((s) => s.time)];
  const cdf = (f: (s: KmStep) => number | null) => [0, ...steps.map((s) => { const v = f(s); return v === null ? null : 1 - v; })];
  return {
    median: findq(x, cdf((s) => s.survival), p),
    lower: findq(x, cdf((s) => s.lower), p),
    upper: findq(x, cdf((s) => s.upper), p),
  };
}

/** Restricted mean survival time: area under S on [0, tau] (R's rmean = tau). */
export function restrictedMean(steps: KmStep[], tau: number): number {
  let area = 0;
  let t0 = 0;
  let s = 1;
  for (const st of steps) {
    if (st.time > tau) break;
    area += (st.time - t0) * s;
    t0 = st.time;
    s = st.survival;
  }
  return area + (tau - t0) * s;
}

export interface HazardInterval {
  start: number;
  end: number;
  /** Number with follow-up ≥ start. */
  atRisk: number;
  /** Events with start ≤ time < end. */
  events: number;
  /** events / atRisk; null when nobody is at risk. */
  rate: number | null;
}

/** Discrete hazard per interval [start, start + width): events over the number at risk at its start. */
export function hazardTable(steps: KmStep[], width: number, maxTime?: number): HazardInterval[] {
  if (!(width > 0)) throw new RangeError('hazard width must be > 0');
  if (!steps.length) return [];
  const last = maxTime ?? steps[steps.length - 1].time;
  const out: HazardInterval[] = [];
  for (let k = 0; k * width <= last; k++) {
    const start = k * width;
    const end = (k + 1) * width;
    let atRisk = 0;
    let events = 0;
    for (const s of steps) {
      if (s.time >= start) atRisk += s.nEvent + s.nCensor;
      if (s.time >= start && s.time < end) events += s.nEvent;
    }
    out.push({ start, end, atRisk, events, rate: atRisk > 0 ? events / atRisk : null });
  }
  return out;
}
