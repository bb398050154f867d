import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

const cli = cliJson;

const GOLD = JSON.parse(readFileSync(`${GOLDEN}/retail_4months.json`, 'utf8'));

describe('tenure cohort (CLI)', () => {
  it('monthly cohorts with the golden filters; null past the end of the data', async () => {
    const { code, out } = await cli([
      'cohort', `${DATA}/online_retail_2010-12_to_2011-03.csv`, '--customer', 'CustomerID', '--date', 'InvoiceDate',
      '--where', `"CustomerID" IS NOT NULL AND NOT starts_with(CAST("InvoiceNo" AS VARCHAR), 'C')`, '--value-expr', '"Quantity" * "UnitPrice"', '--json',
    ]);
    expect(code).toBe(0);
    const r = out as { period: string; cohorts: { cohort: string; size: number; retention: (number | null)[]; value: (number | null)[] }[]; sql: string };
    expect(r.period).toBe('month');
    expect(r.cohorts.map((c) => c.cohort)).toEqual(['2010-12', '2011-01', '2011-02', '2011-03']);
    for (const c of r.cohorts) {
      const g = GOLD.cohorts[c.cohort];
      expect(c.size).toBe(g.size);
      c.retention.forEach((x, k) => {
        if (g.retention_pct[k] === null) expect(x).toBeNull();
        else expect(Math.abs(x! * 100 - g.retention_pct[k])).toBeLessThanOrEqual(1e-9 * g.retention_pct[k]);
      });
      expect(c.value.filter((v) => v === null).length).toBe(c.retention.filter((v) => v === null).length);
    }
  }, 300_000);
});
