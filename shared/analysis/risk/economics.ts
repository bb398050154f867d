import type { CurvePoint } from './compute';
import type { EconomicsInput } from './spec';

/**
 * Retention economics for the top N of the call list (pure). Contacting N accounts costs N × action cost;
 * without action they are expected to lose Σ p·value (and Σ p customers) within the horizon; the action
 * keeps `saveRate` of that. Winning the same value back with new customers takes value saved / the mean
 * value of today's scored customers new ones, each at the acquisition cost.
 */
export interface EconomicsResult {
  /** N as used (capped at the number of scored accounts). */
  contacts: number;
  /** Expected loss of the N accounts within the horizon, without action. */
  expectedLoss: number;
  /** Expected churners among them (Σ p). */
  expectedChurners: number;
  /** Their total value. */
  value: number;
  valueSaved: number;
  customersSaved: number;
  cost: number;
  netReturn: number;
  /** Net return per unit spent; null when nothing is spent. */
  roi: number | null;
  /** The save rate at which the action pays for itself; null when the accounts risk nothing. Above 1: it never does. */
  breakEvenSaveRate: number | null;
  /** New customers needed to bring the value saved, and what winning them costs. */
  newCustomersNeeded: number;
  acquisitionCost: number;
  /** Retention cost / acquisition cost of the same value (the seed's 1/5–1/10); null when acquisition costs nothing. */
  costRatio: number | null;
}

/** Cumulative sums at rank n: exact at a curve rank, linear between neighbouring ranks (bins past the dense head). */
export function sumsAt(curve: CurvePoint[], n: number): { loss: number; p: number; value: number } {
  if (n <= 0 || !curve.length) return { loss: 0, p: 0, value: 0 };
  const last = curve[curve.length - 1];
  if (n >= last.rank) return { loss: last.cumLoss, p: last.cumP, value: last.cumValue };
  let lo = 0;
  let hi = curve.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (curve[mid].rank < n) lo = mid + 1;
    else hi = mid;
  }
  const b = curve[lo];
  if (b.rank === n) return { loss: b.cumLoss, p: b.cumP, value: b.cumValue };
  const a = lo > 0 ? curve[lo - 1] : { rank: 0, cumLoss: 0, cumP: 0, cumValue: 0 };
  const f = (n - a.rank) / (b.rank - a.rank);
  const mix = (x: number, y: number) => x + (y - x) * f;
  return { loss: mix(a.cumLoss, b.cumLoss), p: mix(a.cumP, b.cumP), value: mix(a.cumValue, b.cumValue) };
}

/** The calculator's outputs for `input.contacts` accounts; `meanValue` = value of an average new customer. */
export function economics(input: EconomicsInput, curve: CurvePoint[], meanValue: number, contacts = input.contacts): EconomicsResult {
  const scored = curve.length ? curve[curve.length - 1].rank : 0;
  const n = Math.max(0, Math.min(Math.floor(contacts), scored));
  const s = sumsAt(curve, n);
  const valueSaved = input.saveRate * s.loss;
  const cost = n * input.actionCost;
  const newCustomersNeeded = meanValue > 0 ? valueSaved / meanValue : 0;
  const acquisitionCost = newCustomersNeeded * input.acquisitionCost;
  return {
    contacts: n,
    expectedLoss: s.loss,
    expectedChurners: s.p,
    value: s.value,
    valueSaved,
    customersSaved: input.saveRate * s.p,
    cost,
    netReturn: valueSaved - cost,
    roi: cost > 0 ? (valueSaved - cost) / cost : null,
    breakEvenSaveRate: s.loss > 0 ? cost / s.loss : null,
    newCustomersNeeded,
    acquisitionCost,
    costRatio: acquisitionCost > 0 ? cost / acquisitionCost : null,
  };
}

export interface WhatIfPoint {
  contacts: number;
  valueSaved: number;
  cost: number;
  netReturn: number;
}

/** Net return over N = 0 … all scored accounts (about `points` evenly spaced N, plus every curve rank up to them). */
export function whatIf(input: EconomicsInput, curve: CurvePoint[], points = 120): WhatIfPoint[] {
  const scored = curve.length ? curve[curve.length - 1].rank : 0;
  const ns = new Set<number>([0, scored]);
  for (let i = 1; i < points; i++) ns.add(Math.round((i * scored) / points));
  return [...ns]
    .sort((a, b) => a - b)
    .map((n) => {
      const loss = sumsAt(curve, n).loss;
      const valueSaved = input.saveRate * loss;
      const cost = n * input.actionCost;
      return { contacts: n, valueSaved, cost, netReturn: valueSaved - cost };
    });
}

/**
 * The N with the largest net return. In loss order each extra account adds less, so the net return rises
 * while an account's expected saving (saveRate × its loss) exceeds the action cost, then falls. Searched on
 * the exact dense ranks of the curve (and its bins beyond).
 */
export function bestContacts(input: EconomicsInput, curve: CurvePoint[]): { contacts: number; netReturn: number } {
  let best = { contacts: 0, netReturn: 0 };
  for (const c of curve) {
    const net = input.saveRate * c.cumLoss - c.rank * input.actionCost;
    if (net > best.netReturn) best = { contacts: c.rank, netReturn: net };
  }
  return best;
}
