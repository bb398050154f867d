import { describe, expect, it } from 'vitest';
import { byPriority, zoneOf } from '../../shared/analysis/quadrant/zones';
import { priorityTable } from '../../shared/analysis/quadrant/compute';
import type { DriverResult, GroupResult } from '../../shared/analysis/quadrant/result';

const c = { performance: 3, importance: 0.25 };

/** The neighbouring doubles of a positive x. */
function step(x: number, by: bigint): number {
  const f = new Float64Array([x]);
  new BigInt64Array(f.buffer)[0] += by;
  return f[0];
}
const nextUp = (x: number) => step(x, 1n);
const nextDown = (x: number) => step(x, -1n);

describe('quadrant zone rule', () => {
  it('names the four zones', () => {
    expect(zoneOf(0.4, 3.5, c)).toBe('keep');
    expect(zoneOf(0.4, 2.5, c)).toBe('concentrate');
    expect(zoneOf(0.1, 3.5, c)).toBe('overkill');
    expect(zoneOf(0.1, 2.5, c)).toBe('low');
  });

  it('a value exactly on a crosshair counts as high', () => {
    expect(zoneOf(0.25, 3, c)).toBe('keep');
    expect(zoneOf(0.25, 2.999999999, c)).toBe('concentrate');
    expect(zoneOf(0.2499999999, 3, c)).toBe('overkill');
    expect(zoneOf(nextUp(0.25), nextUp(3), c)).toBe('keep');
    expect(zoneOf(nextDown(0.25), nextDown(3), c)).toBe('low');
  });

  it('orders the priority table: concentrate, keep, overkill, low; importance descending within a zone', () => {
    const rows = [
      { name: 'a', zone: 'low' as const, importance: 0.9 },
      { name: 'b', zone: 'keep' as const, importance: 0.3 },
      { name: 'c', zone: 'concentrate' as const, importance: 0.2 },
      { name: 'd', zone: 'keep' as const, importance: 0.5 },
      { name: 'e', zone: 'overkill' as const, importance: 0.1 },
      { name: 'f', zone: 'concentrate' as const, importance: 0.6 },
      { name: 'g', zone: null, importance: null },
    ];
    expect(byPriority(rows).map((r) => r.name)).toEqual(['f', 'c', 'd', 'b', 'e', 'a', 'g']);
    const g = { segment: null, rows: 1, crosshair: c, drivers: rows.map((r) => ({ column: r.name, zone: r.zone, importance: r.importance }) as DriverResult) } as GroupResult;
    expect(priorityTable(g).map((d) => d.column)).toEqual(['f', 'c', 'd', 'b', 'e', 'a', 'g']);
  });
});

