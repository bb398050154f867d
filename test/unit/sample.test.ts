import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSample, DRIVERS, generateSample, type SampleFiles } from '../../scripts/generateSample';

const hash = (files: SampleFiles) => {
  const h = createHash('sha256');
  for (const [name, text] of Object.entries(files)) h.update(name).update('\0').update(text);
  return h.digest('hex');
};
const header = (text: string) => text.slice(0, text.indexOf('\n')).split(',');
const rows = (text: string) => text.trimEnd().split('\n').length - 1;

describe('sample workspace generator', () => {
  const files = buildSample();

  it('is deterministic: same bytes on every run, on disk too', () => {
    expect(hash(buildSample())).toBe(hash(files));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tenure-sample-'));
    try {
      const written = generateSample(dir);
      expect(written.map((f) => path.basename(f)).sort()).toEqual(['billing.csv', 'customers.csv', 'survey.csv']);
      for (const f of written) expect(readFileSync(f, 'utf8')).toBe(files[path.basename(f) as keyof SampleFiles]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a different seed gives different data', () => {
    expect(hash(buildSample({ seed: 7 }))).not.toBe(hash(files));
  });

  it('has the documented row counts and columns', () => {
    expect(rows(files['customers.csv'])).toBe(5000);
    expect(rows(files['billing.csv'])).toBeGreaterThan(50_000);
    expect(rows(files['billing.csv'])).toBeLessThan(70_000);
    expect(rows(files['survey.csv'])).toBe(1000);
    expect(header(files['customers.csv'])).toEqual([
      'customer_id', 'region', 'tier', 'contract_type', 'signup_date', 'tenure_months', 'monthly_charge', 'churned', 'churn_date', 'churn_reason',
    ]);
    expect(header(files['billing.csv'])).toEqual(['customer_id', 'month', 'revenue', 'cost']);
    expect(header(files['survey.csv'])).toEqual([
      'respondent_id', 'customer_id', 'tier', ...DRIVERS.map((d) => `sat_${d}`), ...DRIVERS.map((d) => `imp_${d}`), 'overall_satisfaction', 'would_recommend',
    ]);
  });

  it('every line has as many fields as its header (no stray commas)', () => {
    for (const text of Object.values(files) as string[]) {
      const n = header(text).length;
      const bad = text.trimEnd().split('\n').filter((line) => line.split(',').length !== n);
      expect(bad).toEqual([]);
    }
  });

  it('is fast enough to run in every build', () => {
    const t0 = performance.now();
    buildSample();
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
