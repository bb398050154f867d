import { describe, expect, it } from 'vitest';
import { cliPiped } from '../helpers/cli';
import { DATA } from '../helpers/paths';

describe('CLI output through a pipe', () => {
  it('delivers a result of more than 1 MiB whole to a slow reader', async () => {
    // Survival over a continuous "time" (TotalCharges): thousands of steps per curve, ~2 MiB of JSON.
    const r = await cliPiped([
      'survival', `${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`, '--time', 'TotalCharges', '--event', 'Churn',
      '--event-value', 'Yes', '--group', 'Contract', '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(1 << 20);
    const parsed = JSON.parse(r.out) as { groups: unknown[] };
    expect(parsed.groups.length).toBe(3);
  }, 120_000);

  it('delivers an error to a piped stderr and exits 2', async () => {
    const r = await cliPiped(['survival', `${DATA}/missing.csv`, '--time', 't', '--event', 'e', '--event-value', '1', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.err).error.code).toBeTruthy();
  }, 60_000);
});
