import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi, qv } from '../../shared/engine/sqlQuote';
import { TenureError } from '../../shared/errors';
import { filteredSelectSql, filterWhereSql, nullCountSql, otherColumnsFilters, topValuesSql } from '../../shared/grid/filterSql';
import type { GridFilter } from '../../shared/grid/filterSpec';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { DATA } from '../helpers/paths';
import { startEngine } from '../helpers/engines';

/** A table whose names and values try to break the SQL: quotes, a statement, Chinese, NULLs, % and _. */
const T = '客户 "表"; DROP TABLE x';
const NAME = 'Name "x"';
const ROWS: [number, string | null, number | null, string | null, string | null][] = [
  [1, "O'Brien", 10.5, '2011-01-01', '2011-01-01 00:00:00'],
  [2, 'obrien', 20, '2011-01-31', '2011-01-31 23:59:59'],
  [3, '100%_off', -5, '2011-02-01', '2011-02-01 00:00:00'],
  [4, '张三', null, null, null],
  [5, null, 0, '2010-12-31', '2010-12-31 12:50:00'],
  [6, "'); DROP TABLE x; --", 1e6, '2011-03-15', '2011-03-15 08:00:00'],
  [7, 'Month-to-month', 20, '2011-01-15', '2011-01-15 10:30:00'],
];

let engine: QueryEngine;
beforeAll(async () => {
  engine = await startEngine();
  const values = ROWS.map((r) => `(${r[0]}, ${qv(r[1])}, ${r[2] === null ? 'NULL' : `${r[2]}::DECIMAL(10,2)`}, ${qv(r[3])}::DATE, ${qv(r[4])}::TIMESTAMP)`).join(', ');
  await engine.query(`CREATE TABLE ${qi(T)} (id INTEGER, ${qi(NAME)} VARCHAR, amount DECIMAL(10,2), day DATE, "at" TIMESTAMP); INSERT INTO ${qi(T)} VALUES ${values}`);
});
afterAll(() => engine.close());

async function ids(filters: GridFilter[]): Promise<number[]> {
  const sql = `${filteredSelectSql(qi(T), filters, { column: 'id', dir: 'asc' })}`;
  return toRows<{ id: number }>(await engine.query(sql)).map((r) => r.id);
}

describe('grid filters → SQL on a real engine', () => {
  it('text contains is case-insensitive and takes quotes, % and _ literally', async () => {
    expect(await ids([{ kind: 'text', column: NAME, op: 'contains', value: 'BRIEN' }])).toEqual([1, 2]);
    expect(await ids([{ kind: 'text', column: NAME, op: 'contains', value: "o'b" }])).toEqual([1]);
    expect(await ids([{ kind: 'text', column: NAME, op: 'contains', value: '%_' }])).toEqual([3]);
    expect(await ids([{ kind: 'text', column: NAME, op: 'contains', value: "'); DROP TABLE x; --" }])).toEqual([6]);
    expect(await ids([{ kind: 'text', column: NAME, op: 'contains', value: '张' }])).toEqual([4]);
    // The table is still there after the hostile values.
    expect(toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${qi(T)}`))[0].n).toBe(7);
  });

  it('text equals is exact; on a number it matches the value as printed', async () => {
    expect(await ids([{ kind: 'text', column: NAME, op: 'equals', value: 'obrien' }])).toEqual([2]);
    expect(await ids([{ kind: 'text', column: NAME, op: 'equals', value: 'OBRIEN' }])).toEqual([]);
    expect(await ids([{ kind: 'text', column: 'amount', op: 'equals', value: '20.00' }])).toEqual([2, 7]);
  });

  it('number ranges: inclusive ends, either end open, NULLs never in a range', async () => {
    expect(await ids([{ kind: 'number', column: 'amount', min: 0, max: 20 }])).toEqual([1, 2, 5, 7]);
    expect(await ids([{ kind: 'number', column: 'amount', min: 20, max: null }])).toEqual([2, 6, 7]);
    expect(await ids([{ kind: 'number', column: 'amount', min: null, max: 0 }])).toEqual([3, 5]);
    expect(await ids([{ kind: 'number', column: 'amount', min: 10.5, max: 10.5 }])).toEqual([1]);
  });

  it('date ranges: a date-only end covers its whole day, on DATE and TIMESTAMP columns', async () => {
    const jan = { from: '2011-01-01', to: '2011-01-31' };
    expect(await ids([{ kind: 'date', column: 'day', ...jan }])).toEqual([1, 2, 7]);
    expect(await ids([{ kind: 'date', column: 'at', ...jan }])).toEqual([1, 2, 7]);
    expect(await ids([{ kind: 'date', column: 'at', from: '2011-01-15 10:30', to: null }])).toEqual([2, 3, 6, 7]);
    expect(await ids([{ kind: 'date', column: 'at', from: null, to: '2011-01-15 10:29:59' }])).toEqual([1, 5]);
  });

  it('NULL / not NULL, value lists with and without NULL, and filters ANDed together', async () => {
    expect(await ids([{ kind: 'null', column: 'amount', isNull: true }])).toEqual([4]);
    expect(await ids([{ kind: 'null', column: NAME, isNull: false }])).toEqual([1, 2, 3, 4, 6, 7]);
    expect(await ids([{ kind: 'values', column: NAME, values: ['张三', "O'Brien"] }])).toEqual([1, 4]);
    expect(await ids([{ kind: 'values', column: NAME, values: ['obrien'], nulls: true }])).toEqual([2, 5]);
    expect(await ids([{ kind: 'values', column: 'amount', values: ['20.00'] }])).toEqual([2, 7]);
    expect(
      await ids([
        { kind: 'number', column: 'amount', min: 0, max: null },
        { kind: 'date', column: 'day', from: '2011-01-01', to: null },
        { kind: 'text', column: NAME, op: 'contains', value: 'o' },
      ]),
    ).toEqual([1, 2, 6, 7]);
  });

  it('leaves ineffective filters out and rejects malformed ones with a specific error', () => {
    expect(filterWhereSql([])).toBeNull();
    expect(filterWhereSql([{ kind: 'text', column: 'a', op: 'contains', value: '' }, { kind: 'number', column: 'b', min: null, max: null }])).toBeNull();
    const bad = () => filterWhereSql([{ kind: 'date', column: 'day', from: "2011-01-01' OR 1=1 --", to: null }]);
    expect(bad).toThrow(TenureError);
    expect(bad).toThrow(/0\.from/);
    expect(() => filterWhereSql([{ kind: 'number', column: 'a', min: Number.NaN, max: null }])).toThrow(TenureError);
  });

  it('on the Telco export: Contract values, NULL TotalCharges, a tenure range and a text search agree', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')), { tableName: 'telco' });
    const count = async (filters: GridFilter[]) =>
      toRows<{ n: number }>(await engine.query(`SELECT count(*)::DOUBLE AS n FROM (${filteredSelectSql(qi(r.table), filters)}) AS s`))[0].n;
    expect(await count([])).toBe(7043);
    expect(await count([{ kind: 'values', column: 'Contract', values: ['Month-to-month'] }])).toBe(3875);
    expect(await count([{ kind: 'text', column: 'Contract', op: 'contains', value: 'MONTH' }])).toBe(3875);
    expect(await count([{ kind: 'null', column: 'TotalCharges', isNull: true }])).toBe(11);
    // The 11 blank TotalCharges are the customers with tenure 0.
    expect(await count([{ kind: 'number', column: 'tenure', min: 0, max: 0 }])).toBe(11);
    const churned = await count([{ kind: 'values', column: 'Churn', values: ['Yes'] }]);
    const churnedMonthly = await count([{ kind: 'values', column: 'Churn', values: ['Yes'] }, { kind: 'values', column: 'Contract', values: ['Month-to-month'] }]);
    expect(churned).toBe(1869);
    expect(churnedMonthly).toBe(1655);
  });

  it("a column's values list counts the rows the other columns' filters keep, never narrowed by its own", async () => {
    const top = async (column: string, filters: GridFilter[]) => toRows<{ value: string; n: number }>(await engine.query(topValuesSql(qi('telco'), column, 20, filters)));
    const nulls = async (column: string, filters: GridFilter[]) => toRows<{ rows: number; nulls: number; distinct_count: number }>(await engine.query(nullCountSql(qi('telco'), column, filters)))[0];
    const churnYes: GridFilter = { kind: 'values', column: 'Churn', values: ['Yes'] };
    const monthly: GridFilter = { kind: 'values', column: 'Contract', values: ['Month-to-month'] };
    expect(await top('Contract', [])).toEqual([
      { value: 'Month-to-month', n: 3875 },
      { value: 'Two year', n: 1695 },
      { value: 'One year', n: 1473 },
    ]);
    // Under Churn = Yes: the churned customers per contract (1,869 in all).
    expect(await top('Contract', [churnYes])).toEqual([
      { value: 'Month-to-month', n: 1655 },
      { value: 'One year', n: 166 },
      { value: 'Two year', n: 48 },
    ]);
    // The column's own filter leaves its list whole, so another value can still be picked.
    expect(await top('Contract', [churnYes, monthly])).toEqual(await top('Contract', [churnYes]));
    expect(await top('Churn', [churnYes, monthly])).toEqual([
      { value: 'No', n: 2220 },
      { value: 'Yes', n: 1655 },
    ]);
    // The 11 blank TotalCharges are new customers who have not churned: none among the churned.
    expect(await nulls('TotalCharges', [])).toEqual({ rows: 7043, nulls: 11, distinct_count: 6530 });
    expect(await nulls('TotalCharges', [churnYes])).toMatchObject({ rows: 1869, nulls: 0 });
    expect((await nulls('Contract', [churnYes, monthly])).distinct_count).toBe(3);
    // Ineffective filters are no narrowing at all; a hostile name stays quoted.
    expect(otherColumnsFilters([{ kind: 'text', column: 'Churn', op: 'contains', value: '' }, monthly], 'Contract')).toEqual([]);
    expect(toRows<{ value: string }>(await engine.query(topValuesSql(qi(T), 'id', 20, [{ kind: 'values', column: NAME, values: ["O'Brien", '张三'] }]))).map((r) => r.value)).toEqual(['1', '4']);
  });
});
