import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { computeQuadrant } from '../../shared/analysis/quadrant/compute';
import { computeSurvival } from '../../shared/analysis/survival/compute';
import { computeCohorts } from '../../shared/analysis/cohort/compute';
import { computeReasons } from '../../shared/analysis/reasons/compute';
import { computeRisk } from '../../shared/analysis/risk/compute';
import { computeCox } from '../../shared/analysis/cox/compute';
import { guardFragments } from '../../shared/engine/guard';
import { ARTIFACTS } from '../helpers/paths';
import { attacks, writeCustomers } from '../helpers/userSqlFixture';

const DIR = path.join(ARTIFACTS, 'usersql-engine');
const SECRET = path.join(DIR, 'secret.txt');
const A = attacks(DIR, SECRET);
// Pareto says a fragment DuckDB cannot parse in its own words (pareto.filter / pareto.valueExpr, naming the fragment).
const REFUSED = ['analysis.sqlStatements', 'analysis.sqlNotExpression', 'analysis.sqlReadsFiles', 'quadrant.where', 'analysis.sqlInvalid', 'pareto.filter', 'pareto.valueExpr'];

let engine: WasmNodeEngine;
let table: string;
beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  const file = writeCustomers(DIR);
  writeFileSync(SECRET, '31337\n');
  engine = new WasmNodeEngine();
  await engine.init();
  table = (await importFile(engine, nodeFileSource(file))).table;
}, 120_000);
afterAll(() => engine?.close());

const event = { column: 'churn', values: ['Yes'] };
/** Each analysis with the fragment in each of its SQL fields. */
const RUNS: [string, (sql: string) => Promise<unknown>][] = [
  ['pareto where', (w) => computePareto(engine, { table, customer: 'id', value: { kind: 'column', column: 'charges' }, where: w })],
  ['pareto value', (v) => computePareto(engine, { table, customer: 'id', value: { kind: 'expr', sql: v } })],
  ['quadrant where', (w) => computeQuadrant(engine, { table, drivers: [{ column: 'wifi' }, { column: 'seat' }], outcome: { column: 'satisfied', positive: 'yes' }, where: w })],
  ['survival where', (w) => computeSurvival(engine, { table, time: { kind: 'duration', column: 'tenure' }, event, where: w })],
  ['cohort where', (w) => computeCohorts(engine, { table, customer: 'id', date: 'joined', where: w })],
  ['cohort value', (v) => computeCohorts(engine, { table, customer: 'id', date: 'joined', valueExpr: v })],
  ['reasons where', (w) => computeReasons(engine, { table, reason: 'reason', event, where: w })],
  ['risk where', (w) => computeRisk(engine, { table, customer: 'id', time: { kind: 'duration', column: 'tenure' }, event, value: { kind: 'column', column: 'charges' }, horizon: 3, where: w })],
  ['cox where', (w) => computeCox(engine, { table, time: { kind: 'duration', column: 'tenure' }, event, covariates: ['charges'], where: w })],
  ['risk value', (v) => computeRisk(engine, { table, customer: 'id', time: { kind: 'duration', column: 'tenure' }, event, value: { kind: 'expr', sql: v }, horizon: 3 })],
];

describe('user SQL stays in its lane (every analysis, every fragment field)', () => {
  for (const [name, run] of RUNS) {
    it(`${name}: each attack is refused with a message naming the field; nothing is written or read`, async () => {
      for (const [kind, sql] of Object.entries(A)) {
        const err = await run(sql).then(
          () => null,
          (e: { code: string; message: string }) => e,
        );
        expect(err, `${name} / ${kind}`).not.toBeNull();
        expect(REFUSED, `${name} / ${kind}: ${err!.code} ${err!.message}`).toContain(err!.code);
        expect(err!.message).not.toContain('31337');
        expect(err!.message).toMatch(/"(where|value\.sql|valueExpr)"|^The (filter|value expression) /);
      }
      expect(readdirSync(DIR).sort()).toEqual(['customers.csv', 'secret.txt']);
      // The engine still answers, and the attack left no table behind.
      const tables = await engine.query(`SELECT table_name FROM duckdb_tables()`);
      expect(tables.toArray().map((r) => String(r.table_name)).filter((t) => t.startsWith('evil'))).toEqual([]);
    }, 120_000);
  }

  it('names what was refused: more statements, an escape, a file function', async () => {
    const codeOf = (sql: string) => guardFragments(engine, `"${table}"`, [{ field: 'where', sql }]).then(() => 'ok', (e: { code: string; message: string }) => `${e.code}: ${e.message}`);
    expect(await codeOf(A.copy)).toMatch(/^analysis\.sqlStatements: The SQL in "where" must be one expression/);
    expect(await codeOf(A.attach)).toMatch(/^analysis\.sqlStatements/);
    expect(await codeOf(A.escape)).toMatch(/^analysis\.sqlNotExpression/);
    expect(await codeOf(A.union)).toMatch(/^analysis\.sqlNotExpression/);
    expect(await codeOf(A.readText)).toMatch(/^analysis\.sqlReadsFiles: .*(read_text|secret\.txt)/);
    expect(await codeOf(A.glob)).toMatch(/^analysis\.sqlReadsFiles: .*(glob|\/etc)/);
    expect(await codeOf(`id IN (SELECT id FROM read_csv('${path.join(DIR, 'customers.csv')}'))`)).toMatch(/^analysis\.sqlReadsFiles/);
    expect(await codeOf(`EXISTS (SELECT * FROM query('SELECT 1'))`)).toMatch(/^analysis\.sqlReadsFiles|^ok$/);
    expect(await codeOf('nope > 1')).toMatch(/^analysis\.sqlInvalid: The SQL in "where" is not valid: Binder Error/);
  });

  it('ordinary filters and values still work, subqueries over the same table included', async () => {
    const ok = (sql: string) => guardFragments(engine, `"${table}"`, [{ field: 'where', sql }]);
    await expect(ok(`tenure > 3 AND plan = 'Yearly'`)).resolves.toBeUndefined();
    await expect(ok(`id IN (SELECT id FROM "${table}" WHERE churn = 'Yes') OR charges BETWEEN 10 AND 50`)).resolves.toBeUndefined();
    await expect(ok(`reason IN ('Price', 'it''s; DROP TABLE x')`)).resolves.toBeUndefined();
    const r = await computePareto(engine, { table, customer: 'id', value: { kind: 'expr', sql: 'charges * 2' }, where: `plan = 'Yearly' /* yearly only */` });
    expect(r.n).toBe(60);
    const cox = await computeCox(engine, { table, time: { kind: 'duration', column: 'tenure' }, event, covariates: ['charges'], where: `tenure >= 0 AND charges IS NOT NULL` });
    expect(cox.model.n).toBeGreaterThan(0);
    expect(existsSync(path.join(DIR, 'x.csv'))).toBe(false);
  });

  it('a fragment ending in a -- comment is accepted: the comment ends before the closing parenthesis', async () => {
    const km = await computeSurvival(engine, { table, time: { kind: 'duration', column: 'tenure' }, event, where: `plan = 'Monthly' -- monthly only` });
    expect(km.groups[0].n).toBe(60);
    const p = await computePareto(engine, { table, customer: 'id', value: { kind: 'expr', sql: 'charges * 2 -- doubled' }, where: `plan = 'Yearly' -- yearly` });
    expect(p.n).toBe(60);
    const c = await computeCohorts(engine, { table, customer: 'id', date: 'joined', valueExpr: 'charges -- per row', where: 'TRUE --' });
    expect(c.cohorts.reduce((s, x) => s + x.size, 0)).toBe(120);
    const q = await computeQuadrant(engine, { table, drivers: [{ column: 'wifi' }, { column: 'seat' }], outcome: { column: 'satisfied', positive: 'yes' }, where: `plan = 'Monthly' -- monthly` });
    expect(q.overall.rows).toBe(60);
    // The comment cannot hide what follows it on the next line from the parser: still one expression or refused.
    const codeOf = (sql: string) => guardFragments(engine, `"${table}"`, [{ field: 'where', sql }]).then(() => 'ok', (e: { code: string }) => e.code);
    expect(await codeOf(`TRUE) FROM "${table}" -- hide the rest`)).toBe('analysis.sqlInvalid');
    expect(await codeOf(`TRUE -- a note\n) AS a, (2`)).toBe('analysis.sqlNotExpression');
  });
});
