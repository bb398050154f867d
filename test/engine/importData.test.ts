import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { DATA } from '../helpers/paths';

/**
 * Every file in ../shared/data, as the app must read it. Types: T VARCHAR, I BIGINT, D DOUBLE,
 * ts TIMESTAMP. `nulls` lists every column with NULLs; `coerced` the non-empty source values
 * (blank strings) that became NULL.
 */
const EXPECTED: Record<string, { rows: number; encoding: string | null; columns: string; nulls: Record<string, number>; coerced: Record<string, number> }> = {
  'WA_Fn-UseC_-Telco-Customer-Churn.csv': {
    rows: 7043,
    encoding: 'utf-8',
    columns: 'customerID:T|gender:T|SeniorCitizen:I|Partner:T|Dependents:T|tenure:I|PhoneService:T|MultipleLines:T|InternetService:T|OnlineSecurity:T|OnlineBackup:T|DeviceProtection:T|TechSupport:T|StreamingTV:T|StreamingMovies:T|Contract:T|PaperlessBilling:T|PaymentMethod:T|MonthlyCharges:D|TotalCharges:D|Churn:T',
    nulls: { TotalCharges: 11 },
    coerced: { TotalCharges: 11 },
  },
  'Telco_customer_churn.xlsx': {
    rows: 7043,
    encoding: null,
    columns: 'CustomerID:T|Count:I|Country:T|State:T|City:T|Zip Code:I|Lat Long:T|Latitude:D|Longitude:D|Gender:T|Senior Citizen:T|Partner:T|Dependents:T|Tenure Months:I|Phone Service:T|Multiple Lines:T|Internet Service:T|Online Security:T|Online Backup:T|Device Protection:T|Tech Support:T|Streaming TV:T|Streaming Movies:T|Contract:T|Paperless Billing:T|Payment Method:T|Monthly Charges:D|Total Charges:D|Churn Label:T|Churn Value:I|Churn Score:I|CLTV:I|Churn Reason:T',
    nulls: { 'Total Charges': 11, 'Churn Reason': 5174 },
    coerced: { 'Total Charges': 11 },
  },
  'airline_satisfaction_test.csv': {
    rows: 25976,
    encoding: 'utf-8',
    columns: 'column_1:I|id:I|Gender:T|Customer Type:T|Age:I|Type of Travel:T|Class:T|Flight Distance:I|Inflight wifi service:I|Departure/Arrival time convenient:I|Ease of Online booking:I|Gate location:I|Food and drink:I|Online boarding:I|Seat comfort:I|Inflight entertainment:I|On-board service:I|Leg room service:I|Baggage handling:I|Checkin service:I|Inflight service:I|Cleanliness:I|Departure Delay in Minutes:I|Arrival Delay in Minutes:D|satisfaction:T',
    nulls: { 'Arrival Delay in Minutes': 83 },
    coerced: {},
  },
  'online_retail_2010-12_to_2011-03.csv': {
    rows: 142083,
    encoding: 'utf-8',
    columns: 'InvoiceNo:T|StockCode:T|Description:T|Quantity:I|InvoiceDate:ts|UnitPrice:D|CustomerID:I|Country:T',
    nulls: { Description: 469, CustomerID: 45136 },
    coerced: {},
  },
  '电信客户流失数据.csv': { rows: 1000, encoding: 'utf-8', columns: '客户等级:I|主叫次数:D|被叫次数:D|通话时长:D|费用:D|流失:I', nulls: {}, coerced: {} },
  '商场客户_gbk.csv': { rows: 200, encoding: 'gbk', columns: '客户编号:T|性别:T|年龄:I|年收入（万）:I|消费指数:I', nulls: {}, coerced: {} },
};
const ABBR: Record<string, string> = { VARCHAR: 'T', BIGINT: 'I', DOUBLE: 'D', BOOLEAN: 'B', DATE: 'd', TIMESTAMP: 'ts' };

const sha256 = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

let engine: WasmNodeEngine;
beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
});
afterAll(() => engine.close());

describe('import: every dataset in ../shared/data', () => {
  for (const [file, exp] of Object.entries(EXPECTED)) {
    it(`${file}: ${exp.rows} rows, names, types, NULLs; the source file is unchanged`, async () => {
      const p = path.join(DATA, file);
      const before = { sha: sha256(p), mtime: statSync(p).mtimeMs };
      const r = await importFile(engine, nodeFileSource(p));
      expect(r.rows).toBe(exp.rows);
      expect(r.encoding).toBe(exp.encoding);
      expect(r.columns.map((c) => `${c.name}:${ABBR[c.type]}`).join('|')).toBe(exp.columns);
      expect(Object.fromEntries(r.columns.filter((c) => c.nulls).map((c) => [c.name, c.nulls]))).toEqual(exp.nulls);
      expect(Object.fromEntries(r.columns.filter((c) => c.nullsCoerced).map((c) => [c.name, c.nullsCoerced]))).toEqual(exp.coerced);
      const count = toRows<{ n: number }>(await engine.query(`SELECT count(*) AS n FROM ${qi(r.table)}`))[0].n;
      expect(count).toBe(exp.rows);
      expect({ sha: sha256(p), mtime: statSync(p).mtimeMs }).toEqual(before);
    });
  }

  it('GBK mall customers: Chinese headers and values, 客户编号 stays text 0001…0200', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, '商场客户_gbk.csv')), { tableName: 'mall_check' });
    expect(r.columns.find((c) => c.name === '客户编号')?.textReason).toBe('leadingZeros');
    const ids = toRows<{ id: string }>(await engine.query(`SELECT ${qi('客户编号')} AS id FROM mall_check`)).map((x) => x.id);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => String(i + 1).padStart(4, '0')));
    const genders = toRows<{ g: string }>(await engine.query(`SELECT DISTINCT ${qi('性别')} AS g FROM mall_check ORDER BY g`)).map((x) => x.g);
    expect(genders.every((g) => g === '男' || g === '女')).toBe(true);
  });

  it('airline: the empty first header cell gets a visible name in the mapping', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, 'airline_satisfaction_test.csv')), { tableName: 'airline_check' });
    expect(r.headerMapping[0]).toEqual({ index: 0, original: '', name: 'column_1' });
    expect(r.headerMapping[1]).toEqual({ index: 1, original: 'id', name: 'id' });
  });

  it('Telco: blank TotalCharges are the 11 customers with tenure 0; Churn is a Yes/No event flag', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv')), { tableName: 'telco_check' });
    expect(r.nullsCoerced).toBe(11);
    expect(r.columns.find((c) => c.name === 'Churn')?.flag).toEqual({ trueValue: 'Yes', falseValue: 'No' });
    expect(r.columns.find((c) => c.name === 'SeniorCitizen')?.flag).toEqual({ trueValue: 1, falseValue: 0 });
    const t = toRows<{ n: number; t0: number }>(await engine.query(`SELECT count(*) AS n, count(*) FILTER (tenure = 0) AS t0 FROM telco_check WHERE TotalCharges IS NULL`))[0];
    expect(t).toEqual({ n: 11, t0: 11 });
  });

  it('Telco xlsx: one sheet listed; numeric Tenure Months and CLTV; Churn Value is a 1/0 flag', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx')), { tableName: 'telco_x' });
    expect(r.sheets?.length).toBeGreaterThanOrEqual(1);
    expect(r.sheet).toBe(r.sheets?.[0]);
    expect(r.columns.find((c) => c.name === 'Churn Value')?.flag).toEqual({ trueValue: 1, falseValue: 0 });
    const s = toRows<{ m: number; c: number }>(await engine.query(`SELECT max(${qi('Tenure Months')}) AS m, min(CLTV) AS c FROM telco_x`))[0];
    expect(s.m).toBe(72);
    expect(s.c).toBeGreaterThan(1000);
  });

  it('retail: InvoiceDate as TIMESTAMP, cancellations kept as text InvoiceNo', async () => {
    const r = await importFile(engine, nodeFileSource(path.join(DATA, 'online_retail_2010-12_to_2011-03.csv')), { tableName: 'retail_check' });
    expect(r.rows).toBe(142083);
    const s = toRows<{ first: Date | number; c: number }>(await engine.query(`SELECT min(InvoiceDate) AS first, count(*) FILTER (InvoiceNo LIKE 'C%') AS c FROM retail_check`))[0];
    expect(new Date(s.first).toISOString()).toBe('2010-12-01T08:26:00.000Z');
    expect(s.c).toBeGreaterThan(0);
  });
});
