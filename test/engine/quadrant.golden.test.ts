import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeQuadrant, type Zone } from '../../shared/analysis/quadrant/compute';
import { REGISTRY } from '../../shared/analysis/registry';
import { parseQuadrantSpec } from '../../shared/analysis/quadrant/spec';
import type { QuadrantResult } from '../../shared/analysis/quadrant/result';
import { defaultForm, toSpecInput } from '../../renderer/editors/quadrant/form';
import { DATA, GOLDEN } from '../helpers/paths';

interface GoldenRow extends Record<string, number | string> {
  attribute: string;
  n_valid: number;
  performance_mean: number;
  performance_sd: number;
  margin_performance: number;
}
const golden = JSON.parse(readFileSync(path.join(GOLDEN, 'airline_test_ipa.json'), 'utf8')) as {
  input: { attribute_columns: string[] };
  results: { n_rows: number; crosshairs: Record<string, number>; table: GoldenRow[] };
};
const ZONE: Record<string, Zone> = { 'Keep up the good work': 'keep', 'Concentrate here': 'concentrate', 'Possible overkill': 'overkill', 'Low priority': 'low' };

/** Golden tolerance: |app − golden| ≤ 1e-9·max(1, |golden|). */
function close(app: number | null, ref: number, what: string): void {
  expect(app, what).not.toBeNull();
  expect(Math.abs(app! - ref), `${what}: app ${app} vs golden ${ref}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref)));
}

let engine: QueryEngine;
let table: string;
beforeAll(async () => {
  engine = await startEngine();
  table = (await importFile(engine, nodeFileSource(path.join(DATA, 'airline_satisfaction_test.csv')))).table;
});
afterAll(() => engine.close());

const CASES = [
  { key: 'pearson_satisfied', importance: 'pearson', column: 'satisfaction', positive: 'satisfied' },
  { key: 'spearman_satisfied', importance: 'spearman', column: 'satisfaction', positive: 'satisfied' },
  { key: 'pearson_loyal', importance: 'pearson', column: 'Customer Type', positive: 'Loyal Customer' },
  { key: 'spearman_loyal', importance: 'spearman', column: 'Customer Type', positive: 'Loyal Customer' },
] as const;

describe('loyalty-driver quadrant vs golden airline_test_ipa.json (14 drivers, 0 = not applicable)', () => {
  for (const c of CASES) {
    it(`${c.key}: n, performance, importance, crosshairs, zones and margins`, async () => {
      const r = await computeQuadrant(engine, {
        table,
        drivers: golden.input.attribute_columns.map((column) => ({ column })),
        missing: [0],
        outcome: { column: c.column, positive: c.positive },
        importance: c.importance,
      });
      const g = r.overall;
      expect(g.rows).toBe(golden.results.n_rows);
      expect(g.drivers.map((d) => d.column)).toEqual(golden.results.table.map((t) => t.attribute));
      close(g.crosshair!.performance, golden.results.crosshairs.performance_mean_of_means, 'performance crosshair');
      close(g.crosshair!.importance, golden.results.crosshairs[`${c.key}_mean`], 'importance crosshair');
      g.drivers.forEach((d, i) => {
        const ref = golden.results.table[i];
        expect(d.n, `${d.column} n`).toBe(ref.n_valid);
        expect(d.nImportance, `${d.column} n importance`).toBe(ref.n_valid);
        close(d.performance, ref.performance_mean, `${d.column} performance`);
        close(d.performanceSd, ref.performance_sd, `${d.column} sd`);
        close(d.importance, ref[c.key] as number, `${d.column} ${c.key}`);
        close(d.marginPerformance, ref.margin_performance, `${d.column} margin performance`);
        close(d.marginImportance, ref[`margin_${c.key}`] as number, `${d.column} margin ${c.key}`);
        expect(d.zone, `${d.column} zone`).toBe(ZONE[ref[`quadrant_${c.key}`] as string]);
        // 95% t interval around the mean: symmetric, inside the 1..5 scale.
        expect(d.performanceCI![0]).toBeLessThan(d.performance!);
        expect(d.performanceCI![1] - d.performance!).toBeCloseTo(d.performance! - d.performanceCI![0], 12);
      });
      expect(g.drivers.find((d) => d.column === 'Inflight wifi service')!.zone).toBe(c.key.endsWith('satisfied') ? 'concentrate' : 'low');
    });
  }

  it('untouched settings (UI, CLI and decks share the spec default): 0 = not applicable, golden n and importance', async () => {
    // The deck path: the registry's compute with the spec as a DECK.json carries it (no "missing").
    const r = (await REGISTRY.quadrant.compute(engine, {
      table,
      drivers: golden.input.attribute_columns.map((column) => ({ column })),
      outcome: { column: 'satisfaction', positive: 'satisfied' },
    })) as QuadrantResult;
    expect(r.spec.missing).toEqual([0]);
    r.overall.drivers.forEach((d, i) => {
      const ref = golden.results.table[i];
      expect(d.n).toBe(ref.n_valid);
      close(d.importance, ref.pearson_satisfied as number, `${d.column} pearson`);
    });
    const wifi = r.overall.drivers.find((d) => d.column === 'Inflight wifi service')!;
    expect(wifi.n).toBe(25163);
    expect(wifi.importance).toBeCloseTo(0.389, 3);
    // The UI's first settings say the same: the form starts with "0" in the field.
    expect(toSpecInput(defaultForm(undefined, table)).missing).toEqual([0]);
    expect(parseQuadrantSpec({ table, drivers: [{ column: 'x' }], outcome: { column: 'y' } }).missing).toEqual([0]);
  });

  it('keeping 0 as a rating would be the wrong convention: the golden *_if_zero_kept values differ', async () => {
    const r = await computeQuadrant(engine, {
      table,
      drivers: golden.input.attribute_columns.map((column) => ({ column })),
      missing: [],
      outcome: { column: 'satisfaction', positive: 'satisfied' },
    });
    r.overall.drivers.forEach((d, i) => {
      const ref = golden.results.table[i];
      expect(d.n).toBe(golden.results.n_rows);
      close(d.performance, ref.performance_mean_if_zero_kept as number, `${d.column} performance (0 kept)`);
      close(d.importance, ref.pearson_satisfied_if_zero_kept as number, `${d.column} pearson (0 kept)`);
    });
  });
});
