/**
 * Benchmark inputs, generated deterministically into bench/data/ (git-ignored) when missing:
 * skewed customer transactions (customer_id, order_date, revenue, cost, region) as UTF-8 CSV plus a
 * byte-for-byte GBK copy (Chinese region names), and a 100k-row × 10-column .xlsx.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { Rng } from '../scripts/generateSample';
import { gbkLatin1 } from './gbk';
import { DATA_DIR, RETAIL_ROWS, SIZES, XLSX_ROWS, csvPath, gbkPath, retailPath, xlsxPath, type SizeSpec } from './paths';

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

const WORDS = ['WHITE', 'HANGING', 'HEART', 'T-LIGHT', 'HOLDER', 'METAL', 'LANTERN', 'CREAM', 'CUPID', 'HEARTS', 'COAT', 'HANGER',
  'KNITTED', 'UNION', 'FLAG', 'HOT', 'WATER', 'BOTTLE', 'RED', 'WOOLLY', 'HOTTIE', 'SET', 'OF', '7', 'BABUSHKA', 'NESTING', 'BOXES',
  'GLASS', 'STAR', 'FROSTED', 'JUMBO', 'BAG', 'PINK', 'POLKADOT', 'LUNCH', 'BOX', 'VINTAGE', 'PAISLEY', 'RETROSPOT', 'CAKE', 'CASES'];
const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands', 'Belgium', 'Switzerland', 'Portugal', 'Australia', 'Korea, Republic of', 'Hong Kong, China'];
const COUNTRY_WEIGHTS = [880, 18, 16, 15, 5, 5, 4, 4, 3, 2, 1, 1];

/**
 * An export shaped like the UCI Online Retail file (541,909 rows, 43.5 MiB), which real users import
 * and which does not take a CSV reader's fast path: InvoiceNo with C-prefixed cancellations,
 * StockCode with leading zeros (text), quoted descriptions holding commas and doubled quotes,
 * negative quantities, `YYYY-MM-DD HH:MM` timestamps (no seconds), 2-decimal prices, a zero-padded
 * CustomerID that must stay text, blank for ~25% of rows, and quoted country names with commas.
 */
export function generateRetail(rows = RETAIL_ROWS): void {
  const rng = new Rng(0x0e7a11);
  const products = Array.from({ length: 4000 }, (_, i) => {
    const n = 2 + Math.floor(rng.uniform() * 4);
    const words = Array.from({ length: n }, () => rng.pick(WORDS, WORDS.map(() => 1)));
    let desc = words.join(' ');
    if (i % 5 === 0) desc += `, ${rng.pick(WORDS, WORDS.map(() => 1))}`;
    if (i % 97 === 0) desc += ' 12" SIZE';
    const code = i % 7 === 0 ? String(i % 1000).padStart(5, '0') : `${20000 + i}${i % 3 === 0 ? 'A' : ''}`;
    return { code, desc, price: Math.round(rng.logNormal(2.5, 0.8) * 100) / 100 };
  });
  const quote = (t: string) => (/[",]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const tmp = `${retailPath()}.tmp`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n');
  const start = Date.UTC(2010, 11, 1, 8, 0);
  let invoice = 536365;
  let minute = 0;
  let lines: string[] = [];
  for (let i = 0; i < rows;) {
    invoice++;
    minute += 1 + Math.floor(rng.uniform() * 3);
    const when = new Date(start + minute * 60_000).toISOString();
    const date = `${when.slice(0, 10)} ${when.slice(11, 16)}`;
    const cancelled = rng.chance(0.02);
    const customer = rng.chance(0.25) ? '' : String(1 + Math.floor(4372 * rng.uniform() ** 1.5)).padStart(5, '0');
    const country = quote(rng.pick(COUNTRIES, COUNTRY_WEIGHTS));
    const items = 1 + Math.floor(-20 * Math.log(1 - rng.uniform()));
    for (let k = 0; k < items && i < rows; k++, i++) {
      const p = products[Math.floor(products.length * rng.uniform() ** 2)];
      const qty = (1 + Math.floor(-6 * Math.log(1 - rng.uniform()))) * (cancelled ? -1 : 1);
      lines.push(`${cancelled ? 'C' : ''}${invoice},${p.code},${quote(p.desc)},${qty},${date},${p.price.toFixed(2)},${customer},${country}`);
    }
    if (lines.length >= 20_000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
  renameSync(tmp, retailPath());
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
  if (!existsSync(retailPath())) timed('retail', () => generateRetail());
  return made;
}

export const fileMB = (file: string) => statSync(file).size / 1e6;
