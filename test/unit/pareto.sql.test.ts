import { describe, expect, it } from 'vitest';
import { parseParetoSpec, type ParetoSpecInput } from '../../shared/analysis/pareto/spec';
import { classesSql, customerListSql, describeSql, groupsSql, probeSql, rankedSql, saveClassesSql, sourceSql, summarySql } from '../../shared/analysis/pareto/sql';
import { MAX_SCALE, chooseMode, minScaleExpr, modeFromType, unitsExpr, wide, type ValueMode } from '../../shared/analysis/pareto/valueMode';
import { TenureError } from '../../shared/errors';

const HOSTILE = 'a"b; DROP TABLE x';
const base: ParetoSpecInput = { table: 'tx', customer: 'cust', value: { kind: 'column', column: 'amount' } };
const scaled: ValueMode = { kind: 'scaled', scale: 2, exact: true, int: 'BIGINT' };

describe('pareto spec', () => {
  it('fills defaults: a 0.8, b 0.95, zeros kept, 100 bins', () => {
    const s = parseParetoSpec(base);
    expect([s.a, s.b, s.keepNonPositive, s.chart.bins]).toEqual([0.8, 0.95, true, 100]);
  });

  it.each([
    [{ a: 0.95, b: 0.8 }, 'b'],
    [{ a: 0 }, 'a'],
    [{ b: 1.5 }, 'b'],
    [{ a: 0.8000001 }, 'a'],
    [{ chart: { bins: 5000 } }, 'chart.bins'],
    [{ customer: '' }, 'customer'],
    [{ date: { column: 'd', period: { kind: 'range', from: '2011/01/01' } } }, 'date.period.from'],
  ])('rejects %j as a user error naming %s', (patch, path) => {
    let err: unknown;
    try {
      parseParetoSpec({ ...base, ...(patch as object) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TenureError);
    expect((err as TenureError).code).toBe('pareto.badSpec');
    expect((err as TenureError).message).toContain(path);
  });
});

describe('pareto SQL builder', () => {
  it('quotes hostile and Unicode names as identifiers, never raw', () => {
    const spec = parseParetoSpec({ table: '表 🦆', customer: HOSTILE, value: { kind: 'column', column: '客户 编号' }, group: '🦆 group' });
    const sql = sourceSql(spec);
    expect(sql).toContain('"a""b; DROP TABLE x" AS cid');
    expect(sql).toContain('"客户 编号" AS v');
    expect(sql).toContain('"🦆 group" AS grp');
    expect(sql).toContain('FROM "表 🦆"');
    // The only occurrence of the hostile text is inside the quoted identifier.
    expect(sql.split('DROP TABLE x').length).toBe(2);
    expect(sql).not.toMatch(/[^"]a"b/);
  });

  it('wraps the user value expression and WHERE filter in parentheses', () => {
    const spec = parseParetoSpec({ ...base, value: { kind: 'expr', sql: 'Quantity * UnitPrice' }, where: "Country = 'UK' OR 1=1" });
    const sql = sourceSql(spec);
    expect(sql).toContain('(Quantity * UnitPrice) AS v');
    expect(sql).toContain("WHERE (Country = 'UK' OR 1=1)");
  });

  it('uses the 1-based row number when the file has no id column', () => {
    expect(sourceSql(parseParetoSpec({ ...base, customer: null }))).toContain('(rowid + 1) AS cid');
  });

  it('period: last N months from the latest date after the filter; a range with inclusive ends', () => {
    const last = sourceSql(parseParetoSpec({ ...base, where: 'x > 0', date: { column: 'Invoice Date', period: { kind: 'lastMonths', months: 3 } } }));
    expect(last).toContain('TRY_CAST("Invoice Date" AS TIMESTAMP) > (SELECT max(TRY_CAST("Invoice Date" AS TIMESTAMP)) FROM "tx" WHERE (x > 0)) - to_months(3)');
    const range = sourceSql(parseParetoSpec({ ...base, date: { column: 'd', period: { kind: 'range', from: '2011-01-01', to: "2011-03-31" } } }));
    expect(range).toContain(`>= CAST('2011-01-01' AS TIMESTAMP)`);
    expect(range).toContain(`< CAST(CAST('2011-03-31' AS TIMESTAMP) AS DATE) + INTERVAL 1 DAY`);
  });

  it('ranks by value desc then id asc with a ROWS frame, and classes from the share before the customer', () => {
    const sql = rankedSql(parseParetoSpec(base), scaled);
    expect(sql).toContain('row_number() OVER (ORDER BY u DESC, cid ASC)');
    expect(sql).toContain('ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW');
    // BIGINT units are widened before the threshold products so they cannot overflow.
    expect(sql).toContain("WHEN 1000000 * CAST((cum - u) AS HUGEINT) < 800000 * CAST(total AS HUGEINT) THEN 'A'");
    expect(sql).toContain("WHEN 1000000 * CAST((cum - u) AS HUGEINT) < 950000 * CAST(total AS HUGEINT) THEN 'B'");
    expect(sql).toContain('sum(CAST(round(v * 100) AS BIGINT)) AS u');
    expect(rankedSql(parseParetoSpec(base), { ...scaled, int: 'HUGEINT' })).toContain("WHEN 1000000 * (cum - u) < 800000 * total THEN 'A'");
    expect(sql).not.toContain('HAVING');
  });

  it('custom thresholds become exact integer fractions; dropping non-positive customers adds HAVING', () => {
    const sql = rankedSql(parseParetoSpec({ ...base, a: 0.7, b: 0.9, keepNonPositive: false }), scaled);
    expect(sql).toContain('< 700000 * CAST(total AS HUGEINT)');
    expect(sql).toContain('< 900000 * CAST(total AS HUGEINT)');
    expect(sql).toContain('HAVING sum(CAST(round(v * 100) AS BIGINT)) > 0');
  });

  it('summary: k20 = ceil(n/5), k80 from the cumulative share, Gini over the ascending order', () => {
    const sql = summarySql('"r"', parseParetoSpec(base), { ...scaled, int: 'HUGEINT' });
    expect(sql).toContain('rnk <= (n + 4) // 5');
    expect(sql).toContain('min(rnk) FILTER (WHERE 1000000 * cum >= 800000 * total) AS k80');
    expect(sql).toContain('sum((n + 1 - 2 * rnk) * u) AS gini_num');
    expect(summarySql('"r"', parseParetoSpec(base), scaled)).toContain('sum((n + 1 - 2 * rnk) * CAST(u AS HUGEINT)) AS gini_num');
  });

  it('describe, probe, classes and groups read the right relations', () => {
    const spec = parseParetoSpec(base);
    expect(describeSql(spec).startsWith('DESCRIBE SELECT')).toBe(true);
    expect(probeSql(spec, false)).not.toContain('min_scale');
    expect(probeSql(spec, true)).toContain('AS min_scale');
    expect(probeSql(spec, true)).toContain('sum(abs(CAST((CASE WHEN cid IS NOT NULL THEN v END) AS DOUBLE))) AS sum_abs');
    expect(classesSql('"r"')).toContain('GROUP BY class');
    expect(groupsSql('"r"')).toContain("count(*) FILTER (WHERE class = 'C') AS n_C");
  });

  it('customer list by class or rank range, and the saved table, quote everything', () => {
    const spec = parseParetoSpec({ ...base, group: 'Contract' });
    const byClass = customerListSql(spec, scaled, { class: 'B' }, 50, 100);
    expect(byClass).toContain("WHERE class = 'B'");
    expect(byClass).toContain('LIMIT 50 OFFSET 100');
    expect(byClass).toContain('CAST(u AS DOUBLE) / 100 AS value');
    expect(byClass).toContain('grp AS "group"');
    expect(customerListSql(spec, scaled, { fromRank: 10, toRank: 20.7 })).toContain('rnk BETWEEN 10 AND 20');
    const save = saveClassesSql(spec, scaled, HOSTILE);
    expect(save.startsWith('CREATE TABLE "a""b; DROP TABLE x" AS')).toBe(true);
    expect(save).toContain('cid AS customer');
    expect(save).toContain('rnk AS rank');
    expect(save).toContain('AS cum_share');
  });
});

describe('exact value modes', () => {
  it('classifies DuckDB types', () => {
    expect(modeFromType('BIGINT')).toEqual({ kind: 'integer', scale: 0 });
    expect(modeFromType('DECIMAL(18,3)')).toEqual({ kind: 'decimal', scale: 3 });
    expect(modeFromType('DECIMAL(18,0)')).toEqual({ kind: 'integer', scale: 0 });
    expect(modeFromType('DOUBLE')).toBe('float');
    expect(modeFromType('VARCHAR')).toBeNull();
    expect(modeFromType('DATE')).toBeNull();
  });

  it('chooses the scale the probe found, BIGINT or HUGEINT units by size, else the DOUBLE fallback', () => {
    expect(chooseMode('float', { minScale: 2, maxAbs: 8684.8, sumAbs: 16056168.7 })).toEqual({ kind: 'scaled', scale: 2, exact: true, int: 'BIGINT' });
    expect(chooseMode('float', { minScale: 99, maxAbs: 1, sumAbs: 1 })).toEqual({ kind: 'double', scale: 0, exact: false });
    // 9 decimals on values of 10^4 would pass 2^40 units: not exact any more.
    expect(chooseMode('float', { minScale: 9, maxAbs: 1e4, sumAbs: 1e4 }).exact).toBe(false);
    expect(chooseMode({ kind: 'integer', scale: 0 }, { minScale: null, maxAbs: 1e15, sumAbs: 1e19 })).toEqual({ kind: 'integer', scale: 0, exact: true, int: 'HUGEINT' });
    expect(chooseMode({ kind: 'decimal', scale: 2 }, { minScale: null, maxAbs: null, sumAbs: null })).toEqual({ kind: 'decimal', scale: 2, exact: true, int: 'BIGINT' });
  });

  it('units expressions', () => {
    expect(unitsExpr({ kind: 'integer', scale: 0, exact: true, int: 'HUGEINT' }, 'v')).toBe('CAST(v AS HUGEINT)');
    expect(unitsExpr({ kind: 'decimal', scale: 3, exact: true, int: 'BIGINT' }, 'v')).toBe('CAST(v * CAST(1000 AS HUGEINT) AS BIGINT)');
    expect(unitsExpr({ kind: 'scaled', scale: 9, exact: true, int: 'BIGINT' }, 'v')).toBe('CAST(round(v * 1000000000) AS BIGINT)');
    expect(unitsExpr({ kind: 'double', scale: 0, exact: false }, 'v')).toBe('CAST(v AS DOUBLE)');
    expect(wide({ kind: 'double', scale: 0, exact: false }, 'cum')).toBe('cum');
    expect(minScaleExpr('v').match(/ THEN \d+/g)).toHaveLength(MAX_SCALE + 1);
  });
});
