import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { toRows } from '../../shared/engine/arrowRows';
import { qi } from '../../shared/engine/sqlQuote';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computePareto, resolveValueMode } from '../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';
import { customerListSql, saveClassesSql } from '../../shared/analysis/pareto/sql';
import type { ParetoResult } from '../../shared/analysis/pareto/types';
import { DATA, GOLDEN } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON is read as plain data */
const golden = (file: string): any => JSON.parse(readFileSync(path.join(GOLDEN, file), 'utf8'));
const telco = golden('telco.json').pareto.results;
const retail = golden('retail_4months.json');
const chinese = golden('chinese_small.json');

/** Golden tolerance: counts exact, floats |app − golden| ≤ 1e-9·max(1, |golden|). */
function mismatches(pairs: [string, number | null, number | null, 'count' | 'float'][]): string[] {
  const bad: string[] = [];
  for (const [name, app, gold, kind] of pairs) {
    if (app === null || gold === null) {
      if (app !== gold) bad.push(`${name}: app ${app}, golden ${gold}`);
    } else if (kind === 'count' ? app !== gold : !(Math.abs(app - gold) <= 1e-9 * Math.max(1, Math.abs(gold)))) {
      bad.push(`${name}: app ${app}, golden ${gold}`);
    }
  }
  return bad;
}

/** Every number of a golden `pareto()` block (golden_common.py) against the app's result. */
function comparePareto(r: ParetoResult, g: any): string[] {
  const pairs: [string, number | null, number | null, 'count' | 'float'][] = [
    ['n', r.n, g.n, 'count'],
    ['total', r.total, g.total, 'float'],
    ['mean', r.mean, g.mean, 'float'],
    ['max', r.max, g.max, 'float'],
    ['min', r.min, g.min, 'float'],
    ['k20', r.top20.k, g.top20.k20, 'count'],
    ['top20.value', r.top20.value, g.top20.value_top, 'float'],
    ['top20.share', r.top20.share, g.top20.share, 'float'],
    ['k80', r.k80, g.k80.k, 'count'],
    ['k80.pct', r.k80Share, g.k80.pct_customers, 'float'],
    ['k95', r.k95, g.k95.k, 'count'],
    ['gini', r.gini, g.gini, 'float'],
    ['gini_sample_corrected', r.giniSampleCorrected, g.gini_sample_corrected, 'float'],
  ];
  for (const c of r.classes) {
    const gc = g.abc_primary[c.name];
    pairs.push([`${c.name}.count`, c.count, gc.count, 'count'], [`${c.name}.pct`, c.customerShare, gc.pct_customers, 'float'],
      [`${c.name}.value`, c.value, gc.value, 'float'], [`${c.name}.share`, c.valueShare, gc.value_share, 'float']);
  }
  return mismatches(pairs);
}

function compareGroups(r: ParetoResult, byGroup: Record<string, any>): string[] {
  const names = r.groups.map((x) => x.name);
  const bad = names.join('|') === Object.keys(byGroup).join('|') ? [] : [`groups ${names} vs ${Object.keys(byGroup)}`];
  for (const grp of r.groups) {
    const g = byGroup[grp.name ?? ''];
    if (!g) continue;
    bad.push(...mismatches([
      [`${grp.name}.n`, grp.n, g.n, 'count'], [`${grp.name}.pct`, grp.customerShare, g.pct_customers, 'float'],
      [`${grp.name}.value`, grp.value, g.value, 'float'], [`${grp.name}.share`, grp.valueShare, g.value_share, 'float'],
      [`${grp.name}.mean`, grp.avgValue, g.mean_value, 'float'],
    ]));
  }
  return bad;
}

let engine: QueryEngine;
const tables: Record<string, string> = {};

beforeAll(async () => {
  engine = await startEngine();
  const files = { xlsx: 'Telco_customer_churn.xlsx', csv: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', retail: 'online_retail_2010-12_to_2011-03.csv', tel: '电信客户流失数据.csv', mall: '商场客户_gbk.csv' };
  for (const [key, file] of Object.entries(files)) tables[key] = (await importFile(engine, nodeFileSource(path.join(DATA, file)))).table;
}, 300_000);
afterAll(() => engine?.close());

/** Run, compare with the golden block, and check the boundary customer (ties by id asc) through the list query. */
async function run(input: ParetoSpecInput, g: any, byGroup?: Record<string, any>): Promise<ParetoResult> {
  const r = await computePareto(engine, input);
  expect(comparePareto(r, g)).toEqual([]);
  if (byGroup) expect(compareGroups(r, byGroup)).toEqual([]);
  expect(r.exact).toBe(true);
  if (g.k80.boundary_customer) {
    const spec = parseParetoSpec(input);
    const { mode } = await resolveValueMode(engine, spec);
    const [b] = toRows<{ customer: unknown; value: number; rank: number; cum_share: number; class: string }>(
      await engine.query(customerListSql(spec, mode, { fromRank: r.k80, toRank: r.k80 })),
    );
    const gb = g.k80.boundary_customer;
    expect(String(b.customer)).toBe(String(gb.customer_id));
    expect(mismatches([['boundary.value', b.value, gb.value, 'float'], ['boundary.after', b.cum_share, gb.cum_share_after, 'float']])).toEqual([]);
    expect(b.class).toBe('A');
  }
  return r;
}

describe('Pareto against golden/telco.json', () => {
  it('xlsx CLTV, by Contract', async () => {
    const r = await run({ table: tables.xlsx, customer: 'CustomerID', value: { kind: 'column', column: 'CLTV' }, group: 'Contract' }, telco.CLTV, telco.CLTV.by_contract);
    expect([r.nullValues, r.zeros, r.negative.count]).toEqual([0, 0, 0]);
  });

  it('xlsx Total Charges, blanks excluded (primary), by Contract', async () => {
    const g = telco.TotalCharges_excl_blank;
    const r = await run({ table: tables.xlsx, customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' }, group: 'Contract' }, g, g.by_contract);
    expect(r.nullValues).toBe(g.non_numeric.n_non_numeric);
    expect(r.mode).toMatchObject({ kind: 'scaled', scale: 2, exact: true });
  });

  it('xlsx Total Charges, blank = 0 (alternative), by Contract', async () => {
    const g = telco.TotalCharges_blank_as_0;
    const r = await run({ table: tables.xlsx, customer: 'CustomerID', value: { kind: 'expr', sql: 'coalesce("Total Charges", 0)' }, group: 'Contract' }, g, g.by_contract);
    expect(r.zeros).toBe(11);
  });

  // The CSV import currently reads TotalCharges as VARCHAR (blank ' ' cells): convert in the value expression.
  const csvValue = 'TRY_CAST(trim(CAST(TotalCharges AS VARCHAR)) AS DOUBLE)';

  it('CSV TotalCharges, blanks excluded, by Contract (same numbers as the xlsx)', async () => {
    const g = telco.TotalCharges_excl_blank;
    const r = await run({ table: tables.csv, customer: 'customerID', value: { kind: 'expr', sql: csvValue }, group: 'Contract' }, g, g.by_contract);
    expect(r.nullValues).toBe(11);
  });

  it('CSV TotalCharges, blank = 0, by Contract', async () => {
    const g = telco.TotalCharges_blank_as_0;
    await run({ table: tables.csv, customer: 'customerID', value: { kind: 'expr', sql: `coalesce(${csvValue}, 0)` }, group: 'Contract' }, g, g.by_contract);
  });

  it('saves the classes as a table: one row per customer, class counts as in the golden', async () => {
    const g = telco.TotalCharges_excl_blank;
    const spec = parseParetoSpec({ table: tables.xlsx, customer: 'CustomerID', value: { kind: 'column', column: 'Total Charges' } });
    const { mode } = await resolveValueMode(engine, spec);
    await engine.query(saveClassesSql(spec, mode, 'telco classes 客户'));
    const rows = toRows<{ class: string; n: number; first: number; last: number; value: number }>(
      await engine.query(`SELECT class, count(*) AS n, min(rank) AS first, max(rank) AS last, sum(value) AS value FROM ${qi('telco classes 客户')} GROUP BY class ORDER BY class`),
    );
    expect(rows.map((x) => [x.class, x.n])).toEqual(['A', 'B', 'C'].map((c) => [c, g.abc_primary[c].count]));
    expect(rows.map((x) => x.first)).toEqual([1, g.abc_primary.A.count + 1, g.abc_primary.A.count + g.abc_primary.B.count + 1]);
    const cols = toRows<{ column_name: string }>(await engine.query(`DESCRIBE ${qi('telco classes 客户')}`)).map((c) => c.column_name);
    expect(cols).toEqual(['customer', 'value', 'rank', 'cum_share', 'class']);
  });
});

describe('Pareto against golden/retail_4months.json', () => {
  it('revenue = Quantity × UnitPrice per customer, without guests and cancellations', async () => {
    const g = retail.revenue_pareto;
    const r = await run({
      table: tables.retail,
      customer: 'CustomerID',
      value: { kind: 'expr', sql: 'Quantity * UnitPrice' },
      where: "CustomerID IS NOT NULL AND NOT starts_with(CAST(InvoiceNo AS VARCHAR), 'C')",
    }, g);
    expect(r.rows).toBe(retail.counts.n_rows_after_filter);
    expect(r.n).toBe(retail.counts.n_customers);
    expect([r.zeros, r.negative.count]).toEqual([retail.revenue_le_0.n_customers_revenue_le_0, retail.revenue_le_0.n_customers_revenue_lt_0]);
  });
});

describe('Pareto against golden/chinese_small.json', () => {
  const tel = chinese.telecom_churn_cn;
  const mall = chinese.mall_customers_gbk;

  it('电信客户流失数据.csv: 费用 per row (id = row number), zeros kept, by 客户等级', async () => {
    const r = await run({ table: tables.tel, customer: null, value: { kind: 'column', column: '费用' }, group: '客户等级' }, tel.pareto_fee, tel.pareto_fee.by_customer_level);
    expect(r.zeros).toBe(tel.pareto_fee.n_zero);
    expect(r.mode).toMatchObject({ kind: 'scaled', scale: 9, exact: true });
  });

  it('电信客户流失数据.csv: the zeros-dropped variant', async () => {
    const g = tel.pareto_fee_if_zeros_dropped;
    const r = await computePareto(engine, { table: tables.tel, customer: null, value: { kind: 'column', column: '费用' }, keepNonPositive: false });
    expect(mismatches([
      ['n', r.n, g.n, 'count'], ['total', r.total, g.total, 'float'], ['k20', r.top20.k, g.k20, 'count'],
      ['top20', r.top20.share, g.top20_share, 'float'], ['k80', r.k80, g.k80, 'count'], ['k80pct', r.k80Share, g.k80_pct_customers, 'float'],
      ['gini', r.gini, g.gini, 'float'],
      ...r.classes.flatMap((c): [string, number, number, 'count' | 'float'][] => [[`${c.name}`, c.count, g.abc_counts[c.name], 'count'], [`${c.name}.share`, c.valueShare, g.abc_value_share[c.name], 'float']]),
    ])).toEqual([]);
  });

  it('商场客户_gbk.csv: 年收入（万） with 客户编号 kept as text, by 性别', async () => {
    const r = await run({ table: tables.mall, customer: '客户编号', value: { kind: 'column', column: '年收入（万）' }, group: '性别' }, mall.pareto_income, mall.pareto_income.by_gender);
    expect(r.mode.kind).toBe('integer');
  });
});
