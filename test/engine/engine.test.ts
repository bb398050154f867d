import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi, ql } from '../../shared/engine/sqlQuote';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { DATA } from '../helpers/paths';

let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
});
afterAll(() => engine.close());

describe('duckdb-wasm engine (Node)', () => {
  it('casts BIGINT, HUGEINT and DECIMAL to double at the boundary', async () => {
    const t = await engine.query(`SELECT 42::BIGINT AS b, sum(i)::HUGEINT AS h, -12.345::DECIMAL(10,3) AS d, NULL::BIGINT AS n FROM range(3) r(i)`);
    expect(t.schema.fields.map((f) => String(f.type))).toEqual(['Float64', 'Float64', 'Float64', 'Float64']);
    expect(toRows(t)).toEqual([{ b: 42, h: 3, d: -12.345, n: null }]);
  });

  it('never tries the network: extension functions fail fast with a catalog error', async () => {
    await expect(engine.query(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow(/Catalog Error/);
  });

  it('hostile and Unicode identifiers round-trip through the quoting helper', async () => {
    const names = ['a"b; DROP TABLE x', '客户 编号', '🦆 duck', "it's"];
    await engine.query(`CREATE TABLE ${qi('t q')} AS SELECT ${names.map((n, i) => `${i} AS ${qi(n)}`).join(', ')}`);
    const t = await engine.query(`SELECT ${names.map(qi).join(', ')} FROM ${qi('t q')} WHERE ${qi(names[1])} = 1 AND ${ql("it's")} = 'it''s'`);
    expect(t.schema.fields.map((f) => f.name)).toEqual(names);
    expect(toRows(t)[0]).toEqual({ [names[0]]: 0, [names[1]]: 1, [names[2]]: 2, [names[3]]: 3 });
  });

  it('imports the Telco CSV: 7,043 rows and 21 columns', async () => {
    const r = await importFile(engine, nodeFileSource(`${DATA}/WA_Fn-UseC_-Telco-Customer-Churn.csv`));
    expect(r.rows).toBe(7043);
    expect(r.columns).toHaveLength(21);
    expect(r.table).toBe('WA_Fn_UseC_Telco_Customer_Churn');
  });

  it('imports the Telco xlsx: 7,043 rows and 33 columns', async () => {
    const r = await importFile(engine, nodeFileSource(`${DATA}/Telco_customer_churn.xlsx`));
    expect(r.rows).toBe(7043);
    expect(r.columns).toHaveLength(33);
  });

  it('reports a SQL error with DuckDB’s message and keeps working', async () => {
    await expect(engine.query('SELEC 1')).rejects.toThrow(/Parser Error/);
    expect(toRows(await engine.query('SELECT 1 AS x'))).toEqual([{ x: 1 }]);
  });
});
