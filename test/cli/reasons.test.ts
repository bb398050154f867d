import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { DATA } from '../helpers/paths';

const cli = cliJson;

describe('tenure reasons (CLI)', () => {
  it('churn reasons of the Telco xlsx with controllable tags', async () => {
    const { code, out } = await cli([
      'reasons', `${DATA}/Telco_customer_churn.xlsx`, '--reason', 'Churn Reason', '--event', 'Churn Value', '--event-value', '1',
      '--controllable', 'Competitor made better offer', '--not-controllable', 'Moved', '--json',
    ]);
    expect(code).toBe(0);
    const r = out as { overall: { churned: number; rows: { reason: string; count: number; controllable: boolean | null }[]; controllableShare: number } };
    expect(r.overall.churned).toBe(1869);
    expect(r.overall.rows.reduce((s, x) => s + x.count, 0)).toBe(1869);
    const comp = r.overall.rows.find((x) => x.reason === 'Competitor made better offer')!;
    expect(comp.controllable).toBe(true);
    expect(r.overall.controllableShare).toBe(comp.count / 1869);
    expect(r.overall.rows.find((x) => x.reason === 'Moved')!.controllable).toBe(false);
  }, 300_000);
});
