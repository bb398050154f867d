import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { TELCO_CSV } from './dataFiles';

/**
 * A Parquet folder written by plain native DuckDB into `dir` (a temp folder, never committed): the
 * Telco rows split by Contract into hive partitions `plan=<key>/part-0.parquet`, the "Two year" file
 * with one more column (union_by_name), a stray README.txt inside, and beside the folder a secret CSV
 * and another Parquet file that user SQL must not reach. Also the same rows as one Parquet file.
 */
export async function makeTelcoFolder(dir: string): Promise<{ folder: string; single: string; secret: string; outside: string }> {
  const folder = path.join(dir, 'telco_parts');
  mkdirSync(folder, { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  const q = (s: string) => s.replaceAll("'", "''");
  await c.run(
    `CREATE TABLE telco AS SELECT * REPLACE (SeniorCitizen::BIGINT AS SeniorCitizen, tenure::BIGINT AS tenure, MonthlyCharges::DOUBLE AS MonthlyCharges, ` +
      `TRY_CAST(nullif(trim(TotalCharges), '') AS DOUBLE) AS TotalCharges) FROM read_csv('${q(TELCO_CSV)}', all_varchar = true)`,
  );
  const parts: [string, string][] = [['Month-to-month', 'm2m'], ['One year', 'one'], ['Two year', 'two']];
  for (const [contract, key] of parts) {
    mkdirSync(path.join(folder, `plan=${key}`), { recursive: true });
    const extra = key === 'two' ? `, 'loyal' AS note` : '';
    await c.run(`COPY (SELECT * EXCLUDE (Contract)${extra}, Contract FROM telco WHERE Contract = '${q(contract)}') TO '${q(path.join(folder, `plan=${key}`, 'part-0.parquet'))}' (FORMAT parquet)`);
  }
  writeFileSync(path.join(folder, 'README.txt'), 'not data\n');
  const single = path.join(dir, 'telco.parquet');
  await c.run(`COPY telco TO '${q(single)}' (FORMAT parquet)`);
  const secret = path.join(dir, 'secret.csv');
  writeFileSync(secret, 'customer,card\nA,4111111111111111\n');
  const outside = path.join(dir, 'other.parquet');
  await c.run(`COPY (SELECT 1 AS x) TO '${q(outside)}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
  return { folder, single, secret, outside };
}
