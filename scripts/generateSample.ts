/**
 * The sample workspace: a synthetic telecom operator (customers, monthly billing, a driver survey)
 * written to renderer/public/sample/. Deterministic: a seeded PRNG and fixed dates, so every run
 * writes the same bytes. The numbers are tuned to tell the stories the analyses should find:
 * month-to-month contracts churn fast (hazard peaks early and at contract ends), ~20% of customers
 * earn most of the profit while some lose money, and call quality / customer service matter most
 * but are rated worst. Usage: `npm run sample [-- outDir]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** mulberry32: tiny, fast, good enough for synthetic data, identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hiInclusive: number): number {
    return lo + Math.floor(this.next() * (hiInclusive - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Box–Muller; one value per call keeps the stream simple to reason about. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
  pick<T>(items: readonly T[], weights: readonly number[]): T {
    let u = this.next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) if ((u -= weights[i]) < 0) return items[i];
    return items[items.length - 1];
  }
}

export const SAMPLE_SEED = 20240601;
export const SNAPSHOT = '2024-12-31';
const FIRST_SIGNUP = { y: 2019, m: 0 };
const SIGNUP_MONTHS = 72;
/** Billing covers the last BILLING_MONTHS months before the snapshot. */
const BILLING_MONTHS = 24;

export const TIERS = ['Gold', 'Silver', 'Bronze'] as const;
export const CONTRACTS = ['Month-to-month', 'One year', 'Two year'] as const;
export const REGIONS = ['North', 'South', 'East', 'West', 'Central'] as const;
export const CONTROLLABLE = ['Competitor offer', 'Price too high', 'Network coverage', 'Poor support', 'Call quality', 'Billing issues'];
export const UNCONTROLLABLE = ['Moved', 'Deceased', 'No longer needs service'];
export const DRIVERS = ['price', 'call_quality', 'coverage', 'data_speed', 'billing_clarity', 'customer_service', 'roaming', 'device_offers'] as const;
type Driver = (typeof DRIVERS)[number];
type Tier = (typeof TIERS)[number];
type Contract = (typeof CONTRACTS)[number];

/** Mean satisfaction (1–5), stated importance (1–5) and weight in overall satisfaction per driver. */
const DRIVER_PROFILE: Record<Driver, { sat: number; imp: number; weight: number }> = {
  call_quality: { sat: 2.6, imp: 4.6, weight: 0.26 }, // concentrate here
  customer_service: { sat: 2.5, imp: 4.4, weight: 0.22 }, // concentrate here
  coverage: { sat: 4.1, imp: 4.3, weight: 0.15 }, // keep up the good work
  data_speed: { sat: 3.9, imp: 4.0, weight: 0.12 }, // keep up the good work
  price: { sat: 3.0, imp: 3.6, weight: 0.13 },
  billing_clarity: { sat: 2.9, imp: 2.3, weight: 0.05 }, // low priority
  roaming: { sat: 4.2, imp: 1.9, weight: 0.04 }, // possible overkill
  device_offers: { sat: 4.3, imp: 2.1, weight: 0.03 }, // possible overkill
};

interface Customer {
  id: string;
  region: string;
  tier: Tier;
  contract: Contract;
  signup: Day;
  tenure: number;
  charge: number;
  churned: boolean;
  churnDate: Day | null;
  reason: string;
  /** Monthly cost to serve (network, support, device subsidy), before noise. */
  costBase: number;
}

/** A calendar day as UTC y/m/d, so the output never depends on the machine's time zone. */
interface Day {
  y: number;
  m: number;
  d: number;
}
const fmtDay = (x: Day) => `${x.y}-${String(x.m + 1).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
const addMonths = (x: Day, n: number): Day => ({ y: x.y + Math.floor((x.m + n) / 12), m: (x.m + n) % 12, d: x.d });
const monthIndex = (x: Day) => x.y * 12 + x.m;
const SNAP: Day = { y: 2024, m: 11, d: 31 };

const money = (v: number) => v.toFixed(2);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Monthly churn hazard in month t (1-based) of a customer's tenure. */
function hazard(c: Pick<Customer, 'contract' | 'tier' | 'region' | 'charge'>, t: number): number {
  let h: number;
  if (c.contract === 'Month-to-month') h = t <= 3 ? 0.06 : t <= 12 ? 0.035 : t <= 24 ? 0.022 : 0.015;
  else if (c.contract === 'One year') h = t % 12 === 0 ? 0.2 : 0.004;
  else h = t % 24 === 0 ? 0.15 : 0.003;
  const tierFactor = c.tier === 'Gold' ? 0.7 : c.tier === 'Silver' ? 1 : 1.25;
  const regionFactor = c.region === 'West' ? 1.15 : 1; // weaker coverage out west
  return h * tierFactor * regionFactor;
}

function churnReason(rng: Rng, t: number, contractEnd: boolean, region: string): string {
  if (contractEnd) return rng.pick(CONTROLLABLE.concat(UNCONTROLLABLE), [40, 30, 6, 6, 6, 2, 6, 1, 3]);
  if (t <= 3) return rng.pick(CONTROLLABLE.concat(UNCONTROLLABLE), [8, 12, region === 'West' ? 30 : 18, 26, 18, 10, 3, 0.5, 2]);
  return rng.pick(CONTROLLABLE.concat(UNCONTROLLABLE), [20, 18, region === 'West' ? 18 : 10, 16, 14, 5, 10, 3, 4]);
}

function makeCustomers(rng: Rng, n: number): Customer[] {
  const out: Customer[] = [];
  for (let i = 0; i < n; i++) {
    const tier = rng.pick(TIERS, [20, 35, 45]);
    const contract = rng.pick(CONTRACTS, tier === 'Gold' ? [30, 30, 40] : tier === 'Silver' ? [50, 25, 25] : [62, 24, 14]);
    const region = rng.pick(REGIONS, [22, 24, 20, 14, 20]);
    // Acquisition grows over time: later months are more likely.
    const offset = Math.floor(SIGNUP_MONTHS * Math.sqrt(rng.uniform()));
    const signup: Day = { ...addMonths({ y: FIRST_SIGNUP.y, m: FIRST_SIGNUP.m, d: 1 }, offset), d: rng.int(1, 28) };
    const median = tier === 'Gold' ? 105 : tier === 'Silver' ? 62 : 30;
    const charge = Math.max(15, rng.logNormal(median, 0.45));
    // Cost to serve: network share + fixed overhead; a minority are expensive (support-heavy,
    // subsidised devices) and lose money, mostly on cheap plans.
    const heavy = rng.chance(tier === 'Bronze' ? 0.22 : 0.1) ? rng.logNormal(22, 0.5) : 0;
    const costBase = 15 + 0.28 * charge + heavy;
    const maxMonths = monthIndex(SNAP) - monthIndex(signup) - (signup.d > SNAP.d ? 1 : 0);
    let tenure = maxMonths;
    let churnDate: Day | null = null;
    let reason = '';
    const c = { contract, tier, region, charge };
    for (let t = 1; t <= maxMonths; t++) {
      if (!rng.chance(hazard(c, t))) continue;
      const contractEnd = contract !== 'Month-to-month' && t % (contract === 'One year' ? 12 : 24) === 0;
      tenure = t;
      const end = addMonths(signup, t);
      // Contract-end leavers leave on the anniversary; the others somewhere in month t.
      churnDate = contractEnd ? end : { ...addMonths(signup, t - 1), d: rng.int(1, 28) };
      if (!contractEnd && monthIndex(churnDate) === monthIndex(signup) && churnDate.d < signup.d) churnDate.d = signup.d;
      reason = churnReason(rng, t, contractEnd, region);
      break;
    }
    out.push({ id: `C${String(i + 1).padStart(5, '0')}`, region, tier, contract, signup, tenure, charge: Math.round(charge * 100) / 100, churned: churnDate !== null, churnDate, reason, costBase });
  }
  return out;
}

function customersCsv(cs: Customer[]): string {
  const lines = ['customer_id,region,tier,contract_type,signup_date,tenure_months,monthly_charge,churned,churn_date,churn_reason'];
  for (const c of cs) {
    lines.push([c.id, c.region, c.tier, c.contract, fmtDay(c.signup), c.tenure, money(c.charge), c.churned ? 'Yes' : 'No', c.churnDate ? fmtDay(c.churnDate) : '', c.reason].join(','));
  }
  return lines.join('\n') + '\n';
}

function billingCsv(rng: Rng, cs: Customer[]): { text: string; rows: number } {
  const lines = ['customer_id,month,revenue,cost'];
  const last = monthIndex(SNAP);
  const first = last - BILLING_MONTHS + 1;
  for (const c of cs) {
    const from = Math.max(first, monthIndex(c.signup));
    const to = c.churnDate ? Math.min(last, monthIndex(c.churnDate)) : last;
    for (let m = from; m <= to; m++) {
      const extras = rng.chance(0.12) ? rng.uniform(5, 35) : 0; // roaming, overage, add-ons
      const revenue = Math.max(0, c.charge * (1 + rng.normal(0, 0.04)) + extras);
      const cost = Math.max(0, c.costBase * (1 + rng.normal(0, 0.12)) + 0.55 * extras);
      const month = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
      lines.push(`${c.id},${month},${money(revenue)},${money(cost)}`);
    }
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1 };
}

function surveyCsv(rng: Rng, cs: Customer[], n: number): string {
  const sat = DRIVERS.map((d) => `sat_${d}`);
  const imp = DRIVERS.map((d) => `imp_${d}`);
  const lines = [['respondent_id', 'customer_id', 'tier', ...sat, ...imp, 'overall_satisfaction', 'would_recommend'].join(',')];
  // A deterministic partial Fisher–Yates shuffle picks n distinct customers.
  const idx = cs.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, idx.length - 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  for (let r = 0; r < n; r++) {
    const c = cs[idx[r]];
    // Halo: a respondent's general mood lifts or lowers every rating; leavers are grumpier.
    const halo = rng.normal(c.churned ? -0.4 : 0.1, 0.45);
    const sats = DRIVERS.map((d) => clamp(Math.round(DRIVER_PROFILE[d].sat + halo + rng.normal(0, 0.75)), 1, 5));
    const imps = DRIVERS.map((d) => clamp(Math.round(DRIVER_PROFILE[d].imp + rng.normal(0, 0.7)), 1, 5));
    const score = DRIVERS.reduce((s, d, k) => s + DRIVER_PROFILE[d].weight * sats[k], 0); // 1..5
    const overall = clamp(Math.round(1 + (score - 1) * 2.25 + rng.normal(0, 0.8)), 1, 10);
    const recommend = clamp(Math.round(overall - 0.5 + rng.normal(0, 1.2)), 0, 10);
    lines.push([`R${String(r + 1).padStart(4, '0')}`, c.id, c.tier, ...sats, ...imps, overall, recommend].join(','));
  }
  return lines.join('\n') + '\n';
}

export interface SampleFiles {
  'customers.csv': string;
  'billing.csv': string;
  'survey.csv': string;
}

/** Build the three CSV texts in memory (pure apart from CPU time: ~0.1 s). */
export function buildSample(opts: { seed?: number; customers?: number; respondents?: number } = {}): SampleFiles {
  const rng = new Rng(opts.seed ?? SAMPLE_SEED);
  const cs = makeCustomers(rng, opts.customers ?? 5000);
  const billing = billingCsv(rng, cs);
  return {
    'customers.csv': customersCsv(cs),
    'billing.csv': billing.text,
    'survey.csv': surveyCsv(rng, cs, opts.respondents ?? 1000),
  };
}

export const SAMPLE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer', 'public', 'sample');

/** Write the sample workspace's CSVs into dir; returns the written paths. */
export function generateSample(dir: string = SAMPLE_DIR, opts: Parameters<typeof buildSample>[0] = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const files = buildSample(opts);
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const t0 = performance.now();
  const written = generateSample(process.argv[2] ? path.resolve(process.argv[2]) : SAMPLE_DIR);
  console.log(`sample: wrote ${written.map((f) => path.relative(process.cwd(), f)).join(', ')} in ${Math.round(performance.now() - t0)} ms`);
}
