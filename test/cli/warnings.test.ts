import { describe, expect, it } from 'vitest';
import { cliJson, cliText } from '../helpers/cli';
import { DATA } from '../helpers/paths';

const TELCO = `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`;
type Warned = { warnings: { code: string; message: string; params: Record<string, unknown> }[] };

describe('CLI: degenerate results carry warnings', () => {
  it('--json: an event value that never occurs is in `warnings` (code, message, params); stderr stays empty', async () => {
    const { code, out, err } = await cliJson(['survival', TELCO, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--event-value', 'Churned', '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const r = out as Warned & { groups: { events: number }[] };
    expect(r.groups[0].events).toBe(1869);
    expect(r.warnings).toEqual([
      {
        code: 'survival.eventValueNeverOccurs',
        message: 'The event value "Churned" never occurs in column "Churn" (it holds "No", "Yes"): no row counts as churned for it',
        params: { column: 'Churn', value: 'Churned', values: '"No", "Yes"' },
      },
    ]);
  }, 300_000);

  it('without --json the warnings also go to stderr; a clean result has an empty list', async () => {
    const t = await cliText(['survival', TELCO, '--time', 'tenure', '--event', 'Churn', '--event-value', 'Yes', '--where', `Contract = 'Weekly'`]);
    expect(t.code).toBe(0);
    expect((JSON.parse(t.out) as Warned).warnings.map((w) => w.code)).toEqual(['survival.filterKeepsNone']);
    expect(t.err).toBe('warning: No row passes the filter: there is nothing to analyse\n');
    const clean = await cliJson(['pareto', TELCO, '--customer', 'customerID', '--value', 'MonthlyCharges', '--json']);
    expect((clean.out as Warned).warnings).toEqual([]);
  }, 300_000);
});
