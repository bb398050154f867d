import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliText } from '../helpers/cli';
import { DATA, GOLDEN } from '../helpers/paths';

const cli = (...args: string[]) => cliText(['pareto', ...args]);

const near = (app: number, gold: number) => Math.abs(app - gold) <= 1e-9 * Math.max(1, Math.abs(gold));

describe('tenure pareto (CLI)', () => {
  it('Telco xlsx Total Charges by Contract: the documented JSON with the golden numbers', async () => {
    const g = JSON.parse(readFileSync(path.join(GOLDEN, 'telco.json'), 'utf8')).pareto.results.TotalCharges_excl_blank;
    const { code, out, err } = await cli(path.join(DATA, 'Telco_customer_churn.xlsx'), '--customer', 'CustomerID', '--value', 'Total Charges', '--group', 'Contract', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    for (const key of ['n', 'nullValues', 'total', 'top20', 'k80', 'classes', 'gini', 'negative', 'peak', 'groups', 'sql']) expect(r).toHaveProperty(key);
    expect([r.n, r.nullValues, r.top20.k, r.k80]).toEqual([g.n, 11, g.top20.k20, g.k80.k]);
    expect(near(r.total, g.total) && near(r.top20.share, g.top20.share) && near(r.gini, g.gini)).toBe(true);
    expect(r.classes.map((c: { name: string; count: number }) => [c.name, c.count])).toEqual(['A', 'B', 'C'].map((c) => [c, g.abc_primary[c].count]));
    for (const c of r.classes) expect(near(c.valueShare, g.abc_primary[c.name].value_share) && near(c.customerShare, g.abc_primary[c.name].pct_customers)).toBe(true);
    expect(r.groups.map((x: { name: string; n: number }) => [x.name, x.n])).toEqual(Object.entries(g.by_contract).map(([k, v]) => [k, (v as { n: number }).n]));
    expect(r.groups[0].classes).toHaveLength(3);
    expect(r.negative).toEqual({ count: 0, sum: 0 });
    expect(r.peak).toEqual({ k: g.n, share: 1 });
    expect(r.sql).toContain('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
  });

  it('GBK file with Chinese names and text ids, custom thresholds', async () => {
    const { code, out } = await cli(path.join(DATA, '商场客户_gbk.csv'), '--customer', '客户编号', '--value', '年收入（万）', '--a', '0.8', '--b', '0.95', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect([r.n, r.total, r.k80, r.classes.map((c: { count: number }) => c.count)]).toEqual([200, 12112, 128, [128, 44, 28]]);
  });

  it('row numbers as ids and a value expression', async () => {
    const { code, out } = await cli(path.join(DATA, '电信客户流失数据.csv'), '--row-id', '--value-expr', '费用 * 1', '--where', '客户等级 <= 2', '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.n).toBe(552 + 409); // tiers 1 and 2 of the golden
  });

  it('errors are JSON on stderr with exit code 2', async () => {
    const both = await cli(path.join(DATA, '商场客户_gbk.csv'), '--customer', '客户编号', '--json');
    expect(both.code).toBe(2);
    expect(JSON.parse(both.err).error.code).toBe('cli.badOption');
    const bad = await cli(path.join(DATA, '商场客户_gbk.csv'), '--customer', '客户编号', '--value', '年收入（万）', '--a', '0.97', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.err).error).toMatchObject({ code: 'pareto.badSpec' });
    const text = await cli(path.join(DATA, '商场客户_gbk.csv'), '--customer', '客户编号', '--value', '性别', '--json');
    expect(JSON.parse(text.err).error).toMatchObject({ code: 'pareto.valueNotNumeric', column: '性别' });
    const unknown = await cli(path.join(DATA, '商场客户_gbk.csv'), '--customer', '客户编号', '--value', '年收入（万）', '--bogus', '--json');
    expect(JSON.parse(unknown.err).error.code).toBe('cli.badOption');
  });
});
