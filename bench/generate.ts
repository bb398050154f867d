/**
 * Benchmark inputs, generated deterministically into bench/data/ (git-ignored) when missing:
 * skewed customer transactions (customer_id, order_date, revenue, cost, region) as UTF-8 CSV plus a
 * byte-for-byte GBK copy (Chinese region names), and a 100k-row × 10-column .xlsx.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { Rng } from '../scripts/generateSample';
import { gbkLatin1 } from './gbk';
import { DATA_DIR, SIZES, XLSX_ROWS, csvPath, gbkPath, xlsxPath, type SizeSpec } from './paths';

const START_UTC = Date.UTC(2022, 0, 1);
const DAYS = 1096; // 2022-01-01 .. 2024-12-31
const DAY_TEXT = Array.from({ length: DAYS }, (_, d) => new Date(START_UTC + d * 86_400_000).toISOString().slice(0, 10));
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const REGION_WEIGHTS = [30, 22, 18, 12, 9, 5, 4];
const REGIONS_GBK = REGIONS.map(gbkLatin1);
/** A prime coprime to every customer count used: scatters the heavy ranks over the id space. */
const SCATTER = 1_000_003;
/** Zipf-like offset: weight ∝ 1/(rank + K); the largest customer gets ~1% of the orders. */
const ZIPF_K = 10;

interface CustomerTable {
  start: Uint16Array;
  span: Uint16Array;
  region: Uint8Array;
  value: Float32Array;
  margin: Float32Array;
}

function customers(rng: Rng, n: number): CustomerTable {
  const t: CustomerTable = { start: new Uint16Array(n), span: new Uint16Array(n), region: new Uint8Array(n), value: new Float32Array(n), margin: new Float32Array(n) };
  for (let c = 0; c < n; c++) {
    const start = Math.floor(rng.uniform(0, DAYS));
    const life = Math.floor(-540 * Math.log(1 - rng.uniform())); // exponential lifetime, mean 540 days
    t.start[c] = start;
    t.span[c] = Math.min(DAYS - 1, start + life) - start;
    t.region[c] = REGIONS.indexOf(rng.pick(REGIONS, REGION_WEIGHTS));
    t.value[c] = rng.logNormal(1, 0.6);
    t.margin[c] = Math.max(0.2, rng.normal(0.72, 0.18)); // cost/revenue; >1 is a loss-making customer
  }
  return t;
}

/** Write transactions_<size>.csv and its GBK twin (temp names, renamed when complete). */
export function generateTransactions(spec: SizeSpec): void {
  const rng = new Rng(0x7e5e + spec.rows);
  const n = spec.customers;
  const cs = customers(rng, n);
  const logSpan = Math.log((n + ZIPF_K) / ZIPF_K);
  const utf8Tmp = `${csvPath(spec.key)}.tmp`;
  const gbkTmp = `${gbkPath(spec.key)}.tmp`;
  const fu = openSync(utf8Tmp, 'w');
  const fg = openSync(gbkTmp, 'w');
  const header = 'customer_id,order_date,revenue,cost,region\n';
  writeSync(fu, header);
  writeSync(fg, header);
  const every = spec.rows / n; // every `every`-th row introduces the next customer (all of them appear)
  const CHUNK = 50_000;
  for (let base = 0; base < spec.rows; base += CHUNK) {
    const u: string[] = [];
    const g: string[] = [];
    for (let i = base; i < Math.min(spec.rows, base + CHUNK); i++) {
      let rank: number;
      let day: number;
      if (i % every === 0) {
        rank = i / every;
        day = -1;
      } else {
        rank = Math.min(n - 1, Math.floor(ZIPF_K * Math.exp(rng.uniform() * logSpan) - ZIPF_K));
        day = 0;
      }
      const c = (rank * SCATTER) % n;
      day = cs.start[c] + (day < 0 ? 0 : Math.floor(rng.uniform() * (cs.span[c] + 1)));
      const revenue = cs.value[c] * rng.logNormal(40, 0.5);
      const cost = revenue * cs.margin[c] * (1 + rng.normal(0, 0.05));
      const head = `${c + 1},${DAY_TEXT[day]},${revenue.toFixed(2)},${cost.toFixed(2)},`;
      u.push(head + REGIONS[cs.region[c]]);
      g.push(head + REGIONS_GBK[cs.region[c]]);
    }
    writeSync(fu, Buffer.from(u.join('\n') + '\n', 'utf8'));
    writeSync(fg, Buffer.from(g.join('\n') + '\n', 'latin1'));
  }
  closeSync(fu);
  closeSync(fg);
  renameSync(utf8Tmp, csvPath(spec.key));
  renameSync(gbkTmp, gbkPath(spec.key));
}

/** A wider, typed sheet as exported from an order system: 10 columns, real dates and numbers. */
export function generateXlsx(rows = XLSX_ROWS): void {
  const rng = new Rng(0x715);
  const channels = ['Online', 'Store', 'Phone', 'Partner'];
  const categories = ['Plan', 'Device', 'Accessory', 'Add-on', 'Roaming'];
  const aoa: unknown[][] = [['order_id', 'customer_id', 'order_date', 'region', 'channel', 'category', 'quantity', 'unit_price', 'revenue', 'cost']];
  for (let i = 0; i < rows; i++) {
    const qty = 1 + Math.floor(-2 * Math.log(1 - rng.uniform()));
    const price = Math.round(rng.logNormal(35, 0.7) * 100) / 100;
    const revenue = Math.round(qty * price * 100) / 100;
    aoa.push([
      `O${String(i + 1).padStart(7, '0')}`,
      1 + Math.floor(20_000 * rng.uniform() ** 2),
      new Date(START_UTC + Math.floor(rng.uniform(0, DAYS)) * 86_400_000),
      rng.pick(REGIONS, REGION_WEIGHTS),
      rng.pick(channels, [45, 30, 15, 10]),
      rng.pick(categories, [40, 15, 20, 20, 5]),
      qty,
      price,
      revenue,
      Math.round(revenue * rng.uniform(0.4, 1.1) * 100) / 100,
    ]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, UTC: true }), 'orders');
  const tmp = `${xlsxPath()}.tmp`;
  writeFileSync(tmp, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Buffer);
  renameSync(tmp, xlsxPath());
}

/** Generate whatever is missing; returns what was generated with the seconds it took. */
export function ensureData(sizes: string[], log: (s: string) => void = () => undefined): Record<string, number> {
  mkdirSync(DATA_DIR, { recursive: true });
  const made: Record<string, number> = {};
  const timed = (label: string, fn: () => void) => {
    log(`generating ${label} …`);
    const t0 = performance.now();
    fn();
    made[label] = (performance.now() - t0) / 1000;
    log(`generated ${label} in ${made[label].toFixed(1)} s`);
  };
  for (const key of sizes) {
    const spec = SIZES[key];
    if (!existsSync(csvPath(key)) || !existsSync(gbkPath(key))) timed(`transactions_${key}`, () => generateTransactions(spec));
  }
  if (!existsSync(xlsxPath())) timed('xlsx', () => generateXlsx());
  return made;
}

export const fileMB = (file: string) => statSync(file).size / 1e6;
