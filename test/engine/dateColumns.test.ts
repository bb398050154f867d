import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { computeCohorts } from '../../shared/analysis/cohort/compute';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import type { TenureError } from '../../shared/errors';

let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  await engine.query(`CREATE TABLE subs AS SELECT * FROM (VALUES
    ('a', 'Monthly', '2024-01-05', NULL), ('b', 'Yearly', '2024-02-01', '2024-03-01'), ('c', 'Monthly', '2024-02-11', NULL)) v(id, plan, started, ended)`);
  await engine.query(`CREATE TABLE blank AS SELECT 'x' AS id, NULL::VARCHAR AS d`);
}, 120_000);
afterAll(() => engine.close());

const fail = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as TenureError);

describe('a text column chosen as a date', () => {
  it('cohorts: says the column holds no dates, how many values could not be read, and one of them', async () => {
    const err = await fail(computeCohorts(engine, { table: 'subs', customer: 'id', date: 'plan' }));
    expect(err).toMatchObject({ code: 'analysis.notDates', column: 'plan', params: { column: 'plan', count: 3 } });
    expect(['Monthly', 'Yearly']).toContain(err?.params.sample);
    const empty = await fail(computeCohorts(engine, { table: 'blank', customer: 'id', date: 'd' }));
    expect(empty).toMatchObject({ code: 'analysis.emptyDates', column: 'd' });
  });

  it('survival start/end: a text start is refused; an end date that is empty for active customers is fine', async () => {
    const err = await fail(computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 'plan', end: 'ended', unit: 'days', asOf: '2024-04-01' } }));
    expect(err).toMatchObject({ code: 'analysis.notDates', column: 'plan' });
    const ok = await computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 'started', end: 'ended', unit: 'days', asOf: '2024-04-01' } });
    expect(ok.groups[0].n).toBe(3);
    const endText = await fail(computeSurvival(engine, { table: 'subs', time: { kind: 'dates', start: 'started', end: 'plan', unit: 'days', asOf: '2024-04-01' } }));
    expect(endText).toMatchObject({ code: 'analysis.notDates', column: 'plan' });
  });
});
