import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
/** Generated inputs (git-ignored, regenerated only when missing). */
export const DATA_DIR = path.join(BENCH_DIR, 'data');
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');

export interface SizeSpec {
  key: string;
  rows: number;
  customers: number;
}

/** Five transactions per customer on average, as in the design notes' reference figures. */
export const SIZES: Record<string, SizeSpec> = {
  '1m': { key: '1m', rows: 1_000_000, customers: 200_000 },
  '10m': { key: '10m', rows: 10_000_000, customers: 2_000_000 },
};

export const XLSX_ROWS = 100_000;
/** Rows of the Online-Retail-shaped export (the UCI file has 541,909). */
export const RETAIL_ROWS = 541_909;

export const csvPath = (size: string) => path.join(DATA_DIR, `transactions_${size}.csv`);
export const gbkPath = (size: string) => path.join(DATA_DIR, `transactions_${size}_gbk.csv`);
export const xlsxPath = () => path.join(DATA_DIR, `orders_${XLSX_ROWS / 1000}k.xlsx`);
export const retailPath = () => path.join(DATA_DIR, 'online_retail_shape.csv');
