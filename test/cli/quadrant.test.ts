import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DATA, ROOT } from '../helpers/paths';

const run = promisify(execFile);
const AIRLINE = path.join(DATA, 'airline_satisfaction_test.csv');
const DRIVERS = [
  'Inflight wifi service', 'Departure/Arrival time convenient', 'Ease of Online booking', 'Gate location', 'Food and drink', 'Online boarding',
  'Seat comfort', 'Inflight entertainment', 'On-board service', 'Leg room service', 'Baggage handling', 'Checkin service', 'Inflight service', 'Cleanliness',
];

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'shared/node/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, ...r };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Driver { name: string; n: number; performance: number; performanceCI: [number, number]; importance: number; zone: string }

describe('tenure quadrant (CLI subprocess)', () => {
  it('airline: 14 drivers, 0 = n/a, satisfied = 1 → Inflight wifi service is in "concentrate"; segments by Class', async () => {
    const r = await cli(['quadrant', AIRLINE, '--drivers', DRIVERS.join(','), '--outcome', 'satisfaction', '--outcome-value', 'satisfied', '--missing', '0', '--segment', 'Class', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { crosshair: { performance: number; importance: number }; drivers: Driver[]; segments: { name: string; crosshair: object; drivers: Driver[] }[]; sql: string[] };
    expect(out.drivers.map((d) => d.name)).toEqual(DRIVERS);
    const wifi = out.drivers.find((d) => d.name === 'Inflight wifi service')!;
    expect(wifi.zone).toBe('concentrate');
    expect(wifi.n).toBe(25163);
    expect(Math.abs(wifi.importance - 0.38927035889986283)).toBeLessThan(1e-9);
    expect(wifi.performanceCI[0]).toBeLessThan(wifi.performance);
    expect(Math.abs(out.crosshair.performance - 3.278922245028762)).toBeLessThan(1e-9);
    expect(Math.abs(out.crosshair.importance - 0.26834216169265096)).toBeLessThan(1e-9);
    expect(out.segments.map((s) => s.name)).toEqual(['Business', 'Eco', 'Eco Plus']);
    expect(out.segments.every((s) => s.drivers.length === 14 && s.crosshair)).toBe(true);
    expect(out.sql.some((s) => s.includes('corr('))).toBe(true);
  });

  it('untouched settings leave 0 = "not applicable" out; --missing none counts every value as a rating', async () => {
    const base = ['quadrant', AIRLINE, '--drivers', 'Inflight wifi service,Seat comfort', '--outcome', 'satisfaction', '--outcome-value', 'satisfied', '--json'];
    const r = await cli(base);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { notApplicable: unknown[]; drivers: Driver[] };
    expect(out.notApplicable).toEqual([0]);
    const wifi = out.drivers.find((d) => d.name === 'Inflight wifi service')!;
    expect(wifi.n).toBe(25163);
    expect(Math.abs(wifi.importance - 0.38927035889986283)).toBeLessThan(1e-9);
    const kept = await cli([...base, '--missing', 'none']);
    expect(kept.code).toBe(0);
    const all = JSON.parse(kept.stdout) as { notApplicable: unknown[]; drivers: Driver[] };
    expect(all.notApplicable).toEqual([]);
    expect(all.drivers[0].n).toBe(25976);
  });

  it('rejects bad input with a JSON error and exit code 2', async () => {
    const r = await cli(['quadrant', AIRLINE, '--drivers', 'Nope', '--outcome', 'satisfaction', '--outcome-value', 'satisfied', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'quadrant.noColumn', column: 'Nope' });
    const bad = await cli(['quadrant', AIRLINE, '--drivers', 'Seat comfort', '--outcome', 'satisfaction', '--crosshair', 'x,y', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.code).toBe('cli.badOption');
  });
});
