import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import { ARTIFACTS } from '../helpers/paths';
import { writeCustomers } from '../helpers/userSqlFixture';

let engine: WasmNodeEngine;
let table: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  table = (await importFile(engine, nodeFileSource(writeCustomers(path.join(ARTIFACTS, 'bounds'))))).table;
}, 120_000);
afterAll(() => engine?.close());

describe('spec fields that size work are bounded; meaningless results are refused', () => {
  it('a tiny hazard width is refused fast with the least usable width', async () => {
    const err = await computeSurvival(engine, { table, time: { kind: 'duration', column: 'tenure' }, event: { column: 'churn', values: ['Yes'] }, hazardWidth: 0.0000001 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'analysis.tooManyIntervals', params: { limit: 1000, max: 40 } });
  });

  it('a value expression that divides by zero is an error, not a result of infinities', async () => {
    const err = await computePareto(engine, { table, customer: 'id', value: { kind: 'expr', sql: 'charges / 0' } }).catch((e) => e);
    expect(err).toMatchObject({ code: 'pareto.notFinite', params: { count: 120 } });
    const r = await computePareto(engine, { table, customer: 'id', value: { kind: 'expr', sql: 'charges / 2' } });
    expect(r.n).toBe(120);
  });
});
