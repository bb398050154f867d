import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { toRows } from '../../shared/engine/arrowRows';
import { computeReasons } from '../../shared/analysis/reasons/compute';
import { DATA } from '../helpers/paths';

let engine: QueryEngine;
let table: string;
beforeAll(async () => {
  engine = await startEngine();
  table = (await importFile(engine, nodeFileSource(`${DATA}/Telco_customer_churn.xlsx`))).table;
}, 300_000); // duckdb-wasm start + import: slow on a busy 2-core machine
afterAll(() => engine.close());

describe('churn reasons on the Telco xlsx', () => {
  it('counts, shares and cumulative shares among the 1,869 churned customers, overall and by Contract', async () => {
    const tags = { 'Competitor made better offer': true, 'Attitude of support person': true, Moved: false, Deceased: false };
    const r = await computeReasons(engine, { table, reason: 'Churn Reason', event: { column: 'Churn Value', values: [1] }, group: 'Contract', controllable: tags });
    expect(r.overall.churned).toBe(1869);
    // an independent count straight from the table
    const direct = toRows<{ reason: string; n: number }>(
      await engine.query(`SELECT "Churn Reason" AS reason, count(*) AS n FROM "${table}" WHERE "Churn Value" = 1 GROUP BY 1 ORDER BY n DESC, reason`),
    );
    expect(r.overall.rows.map((x) => [x.reason, x.count])).toEqual(direct.map((d) => [d.reason, d.n]));
    const rows = r.overall.rows;
    expect(rows[rows.length - 1].cumulativeShare).toBeCloseTo(1, 14);
    rows.forEach((x) => expect(x.share).toBe(x.count / 1869));
    const ctrl = rows.filter((x) => x.reason! in tags && tags[x.reason as keyof typeof tags]).reduce((s, x) => s + x.count, 0);
    expect(r.overall.controllableShare).toBe(ctrl / 1869);
    expect(r.overall.controllableShare! + r.overall.notControllableShare! + r.overall.untaggedShare!).toBeCloseTo(1, 14);
    expect(r.groups.map((g) => g.name).sort()).toEqual(['Month-to-month', 'One year', 'Two year']);
    expect(r.groups.reduce((s, g) => s + g.churned, 0)).toBe(1869);
    expect(r.groups.find((g) => g.name === 'Month-to-month')!.churned).toBe(1655);
  });
});
