import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATA } from './paths';

export const TELCO_CSV = path.join(DATA, 'WA_Fn-UseC_-Telco-Customer-Churn.csv');

/**
 * The Telco CSV as Parquet and as a DuckDB database, written by plain native DuckDB into `dir`
 * (a temp folder: generated data is never committed). Column types are the ones the app's CSV import
 * gives (TotalCharges' 11 blanks become NULL), so analyses must return the CSV's numbers. The database
 * also holds a second table and a table in another schema, so a table must be chosen.
 */
export async function makeTelcoDataFiles(dir: string): Promise<{ parquet: string; duckdb: string; single: string }> {
  mkdirSync(dir, { recursive: true });
  const parquet = path.join(dir, 'telco.parquet');
  const duckdb = path.join(dir, 'crm.duckdb');
  const single = path.join(dir, 'only_telco.duckdb');
  if (existsSync(parquet) && existsSync(duckdb) && existsSync(single)) return { parquet, duckdb, single };
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const q = (s: string) => s.replaceAll("'", "''");
  await c.run(
    `CREATE TABLE telco AS SELECT * REPLACE (SeniorCitizen::BIGINT AS SeniorCitizen, tenure::BIGINT AS tenure, MonthlyCharges::DOUBLE AS MonthlyCharges, ` +
      `TRY_CAST(nullif(trim(TotalCharges), '') AS DOUBLE) AS TotalCharges) FROM read_csv('${q(TELCO_CSV)}', all_varchar = true)`,
  );
  await c.run(`COPY telco TO '${q(parquet)}' (FORMAT parquet)`);
  await c.run(`ATTACH '${q(duckdb)}' AS crm`);
  await c.run(`CREATE TABLE crm.telco AS SELECT * FROM telco`);
  await c.run(`CREATE TABLE crm.contracts AS SELECT DISTINCT Contract FROM telco ORDER BY 1`);
  await c.run(`CREATE SCHEMA crm.sales; CREATE TABLE crm.sales.accounts AS SELECT customerID, MonthlyCharges FROM telco LIMIT 100`);
  await c.run(`DETACH crm`);
  await c.run(`ATTACH '${q(single)}' AS one; CREATE TABLE one.telco AS SELECT * FROM telco; DETACH one`);
  c.closeSync();
  instance.closeSync();
  return { parquet, duckdb, single };
}
