import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from './paths';
import type { BenchCase } from './caseTypes';

/** Every module in bench/cases/ is a case: adding a benchmark is adding a file. */
export async function loadCases(): Promise<BenchCase[]> {
  const dir = path.join(BENCH_DIR, 'cases');
  const files = readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts')).sort();
  const cases: BenchCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default?: BenchCase };
    if (!mod.default?.name) throw new Error(`bench/cases/${f} must default-export a BenchCase`);
    cases.push(mod.default);
  }
  return cases.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.name.localeCompare(b.name));
}
