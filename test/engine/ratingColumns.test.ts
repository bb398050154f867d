import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { toRows } from '../../shared/engine/arrowRows';
import { ql } from '../../shared/engine/sqlQuote';
import { notARatingName, ratingColumns } from '../../shared/analysis/quadrant/ratingColumns';
import { DATA } from '../helpers/paths';

let engine: WasmNodeEngine;
let table: string;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  table = (await importFile(engine, nodeFileSource(`${DATA}/airline_satisfaction_test.csv`))).table;
}, 300_000);
afterAll(() => engine.close());

describe('"select all rating columns" on the airline survey', () => {
  it('finds the fourteen 0–5 service ratings, never the id, age, distance or delays', async () => {
    const columns = toRows<{ name: string; type: string }>(await engine.query(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = ${ql(table)} ORDER BY ordinal_position`));
    const found = await ratingColumns(engine, table, columns);
    expect(found).toEqual([
      'Inflight wifi service', 'Departure/Arrival time convenient', 'Ease of Online booking', 'Gate location', 'Food and drink', 'Online boarding', 'Seat comfort',
      'Inflight entertainment', 'On-board service', 'Leg room service', 'Baggage handling', 'Checkin service', 'Inflight service', 'Cleanliness',
    ]);
    for (const n of ['id', 'Age', 'Departure Delay in Minutes', 'Flight Distance', 'CustomerID', '客户编号', '年龄']) expect(notARatingName(n), n).toBe(true);
    expect(notARatingName('Seat comfort')).toBe(false);
  });
});
