/** Pure summarising and formatting of benchmark results (medians, ratios, markdown tables). */
import type { ChildResult, ItemResult } from './child';

export const CORE_CONFIGS = ['wasm', 'native-1t', 'native'] as const;
export type CoreConfig = (typeof CORE_CONFIGS)[number];

export interface SizeResult {
  key: string;
  rows: number;
  customers: number;
  csvMB: number;
  gbkMB: number;
  core: Partial<Record<CoreConfig, ChildResult>>;
  imports: Partial<Record<'utf8' | 'gbk', ChildResult>>;
  /** bench/pandas_peer.py on the same CSV (absent without python3 + pandas). */
  pandas?: PandasResult;
}

export interface PandasResult {
  pandas: string;
  items: Record<string, ItemResult>;
  peakRssMB: number;
}

/** The Online-Retail-shaped file: DuckDB's read_csv and the app's importFile on each engine. */
export interface RetailResult {
  readWasm?: ChildResult;
  importWasm?: ChildResult;
  readNative?: ChildResult;
  importNative?: ChildResult;
}

export interface BenchResults {
  meta: Record<string, unknown>;
  sizes: SizeResult[];
  xlsx?: ChildResult;
  retail?: RetailResult;
}

export interface TargetCheck {
  size: string;
  target: string;
  value: number | null;
  limit: number;
  pass: boolean | null;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const sec = (ms: number | null | undefined) => (ms == null ? '—' : (ms / 1000).toFixed(2));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);
const mb = (x: number | null | undefined) => (x == null ? '—' : Math.round(x).toLocaleString('en-US'));
const itemMedian = (it: ItemResult | undefined) => (it && !it.error ? median(it.runsMs) : null);
const onlyItem = (r: ChildResult | undefined) => (r ? Object.values(r.items)[0] : undefined);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** Engine comparison for one size: medians in seconds, ratios, first (cold) wasm run, pandas, peak RSS. */
export function coreTable(s: SizeResult): string {
  const names = [...new Set(CORE_CONFIGS.flatMap((c) => Object.keys(s.core[c]?.items ?? {})))];
  const nT = s.core.native?.threads ?? '?';
  const rows = names.map((name) => {
    const [w, n1, n] = CORE_CONFIGS.map((c) => s.core[c]?.items[name]);
    const [mw, m1, mn] = [w, n1, n].map(itemMedian);
    const pd = itemMedian(s.pandas?.items[name]);
    const counts = new Set([w, n1, n].filter((x) => x && !x.error).map((x) => x!.rows));
    const err = [w, n1, n].find((x) => x?.error)?.error;
    const note = err ? `error: ${err.slice(0, 60)}` : counts.size > 1 ? `ROW COUNTS DIFFER: ${[...counts].join('/')}` : '';
    return [name, sec(mw), sec(w?.runsMs[0]), sec(m1), sec(mn), sec(pd), ratio(mw, m1), ratio(mw, mn), ratio(pd, mn), note];
  });
  rows.push(['peak RSS (MB)', ...[mb(s.core.wasm?.peakRssMB), '', mb(s.core['native-1t']?.peakRssMB), mb(s.core.native?.peakRssMB), mb(s.pandas?.peakRssMB)], '', '', '', '']);
  rows.push(['engine start (s)', sec(s.core.wasm?.initMs), '', sec(s.core['native-1t']?.initMs), sec(s.core.native?.initMs), '', '', '', '', '']);
  const pandas = s.pandas ? `pandas ${s.pandas.pandas}` : 'pandas (not run)';
  return table(['median seconds', 'wasm', 'wasm 1st run', 'native 1T', `native ${nT}T`, pandas, 'wasm / native 1T', `wasm / native ${nT}T`, `pandas / native ${nT}T`, 'note'], rows);
}

/** The Online-Retail-shaped export: the app's import against DuckDB's own read_csv on the same engine. */
export function retailTable(r: RetailResult): string {
  const m = (c: ChildResult | undefined) => itemMedian(onlyItem(c));
  const row = (label: string, read: ChildResult | undefined, imp: ChildResult | undefined) => {
    const phases = imp?.import?.phasesMs;
    const split = phases ? Object.values(phases).map((x) => (x / 1000).toFixed(2)).join(' / ') : '';
    return [label, sec(m(read)), sec(m(imp)), ratio(m(imp), m(read)), mb(imp?.peakRssMB), split];
  };
  const nT = r.readNative?.threads ?? '?';
  return table(['engine', 'read_csv s', 'importFile s', 'import / read_csv (target ≤ 2×)', 'import peak RSS MB', 'import split s: read / detect types / convert'], [
    row('duckdb-wasm', r.readWasm, r.importWasm),
    row(`native DuckDB ${nT}T (import through the engine process)`, r.readNative, r.importNative),
  ]);
}

/** Ingest throughput: engine-level read_csv and the app's importFile path (UTF-8, GBK, xlsx). */
export function throughputTable(r: BenchResults): string {
  const rows: string[][] = [];
  const add = (label: string, bytes: number, n: number, ms: number | null, rss: number | undefined, phases?: Record<string, number>) => {
    const split = phases ? Object.values(phases).map((x) => (x / 1000).toFixed(1)).join(' / ') : '';
    rows.push([label, (bytes / 1e6).toFixed(1), n.toLocaleString('en-US'), sec(ms), ms ? (bytes / 1e6 / (ms / 1000)).toFixed(1) : '—', ms ? Math.round(n / (ms / 1000)).toLocaleString('en-US') : '—', mb(rss), split]);
  };
  for (const s of r.sizes) {
    for (const c of CORE_CONFIGS) {
      const child = s.core[c];
      if (child) add(`${s.key} read_csv ${c === 'wasm' ? 'wasm' : `native ${child.threads}T`}`, s.csvMB * 1e6, s.rows, itemMedian(child.items['CSV ingest']), child.peakRssMB);
    }
    for (const k of ['utf8', 'gbk'] as const) {
      const child = s.imports[k];
      if (child?.import) add(`${s.key} importFile ${k === 'utf8' ? 'UTF-8' : `GBK (${child.import.encoding})`}`, child.import.bytes, child.import.rows, itemMedian(onlyItem(child)), child.peakRssMB, child.import.phasesMs);
    }
  }
  if (r.xlsx?.import) add('importFile xlsx (100k × 10)', r.xlsx.import.bytes, r.xlsx.import.rows, itemMedian(onlyItem(r.xlsx)), r.xlsx.peakRssMB);
  return table(['ingest (wasm unless noted)', 'MB', 'rows', 'median s', 'MB/s', 'rows/s', 'peak RSS MB', 'importFile split s: read / detect types / convert (last run)'], rows);
}

export function targets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const check = (size: string, target: string, value: number | null, limit: number) =>
    out.push({ size, target, value, limit, pass: value == null ? null : value <= limit });
  for (const s of r.sizes) {
    const w = itemMedian(s.core.wasm?.items['CSV ingest']);
    const n1 = itemMedian(s.core['native-1t']?.items['CSV ingest']);
    check(s.key, 'wasm ingest / native 1-thread ingest', w != null && n1 ? w / n1 : null, 1.5);
    const u = itemMedian(onlyItem(s.imports.utf8));
    const g = itemMedian(onlyItem(s.imports.gbk));
    // The app's whole import (sniff, sample, typed conversion, checks) against native DuckDB's read_csv.
    check(s.key, 'importFile UTF-8 / native 1-thread read_csv', u != null && n1 ? u / n1 : null, 1.5);
    check(s.key, 'importFile GBK / UTF-8 time', u && g != null ? g / u : null, 2.5);
  }
  for (const s of r.sizes) {
    // The app's exact Pareto on native DuckDB against pandas' float Pareto: at least 2× faster.
    const app = itemMedian(s.core.native?.items['Pareto (profit by customer)']);
    const pd = itemMedian(s.pandas?.items['Pareto (profit by customer)']);
    check(s.key, 'app Pareto (native) / pandas Pareto', app != null && pd ? app / pd : null, 0.5);
  }
  const rt = r.retail;
  if (rt) {
    const q = (imp?: ChildResult, read?: ChildResult) => {
      const [a, b] = [itemMedian(onlyItem(imp)), itemMedian(onlyItem(read))];
      return a != null && b ? a / b : null;
    };
    check('retail', 'importFile / read_csv, duckdb-wasm', q(rt.importWasm, rt.readWasm), 2);
    check('retail', 'importFile / read_csv, native', q(rt.importNative, rt.readNative), 2);
  }
  const x = itemMedian(onlyItem(r.xlsx));
  check('100k', 'importFile xlsx seconds', x == null ? null : x / 1000, 10);
  return out;
}

export function targetsTable(checks: TargetCheck[]): string {
  return table(['size', 'target', 'measured', 'limit', 'result'], checks.map((c) => [
    c.size, c.target, c.value == null ? '—' : c.value.toFixed(2), `≤ ${c.limit}`, c.pass == null ? 'not measured' : c.pass ? 'pass' : 'FAIL',
  ]));
}

export function markdown(r: BenchResults): string {
  const parts = [`# Tenure benchmarks (${String(r.meta.date)})`, '', `${String(r.meta.machine)}`, ''];
  for (const s of r.sizes) {
    parts.push(`## ${s.key}: ${s.rows.toLocaleString('en-US')} transactions, ${s.customers.toLocaleString('en-US')} customers, ${s.csvMB.toFixed(0)} MB CSV`, '', coreTable(s), '');
  }
  if (r.retail) parts.push('## Online-Retail-shaped export (541,909 rows, quoted text, HH:MM timestamps, leading-zero ids)', '', retailTable(r.retail), '');
  parts.push('## Ingest throughput', '', throughputTable(r), '', '## Targets', '', targetsTable(targets(r)), '');
  return parts.join('\n');
}
