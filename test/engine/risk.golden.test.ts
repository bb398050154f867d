import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { startEngine } from '../helpers/engines';
import { toRows } from '../../shared/engine/arrowRows';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { computeRisk, type RiskResult } from '../../shared/analysis/risk/compute';
import type { RiskSpecInput } from '../../shared/analysis/risk/spec';
import { callListSql, scoredRelation } from '../../shared/analysis/risk/sql';
import { computePareto } from '../../shared/analysis/pareto/compute';
import { saveClassesSql } from '../../shared/analysis/pareto/sql';
import { parseParetoSpec } from '../../shared/analysis/pareto/spec';
import { resolveValueMode } from '../../shared/analysis/pareto/compute';
import { DATA, GOLDEN } from '../helpers/paths';
import { telcoRiskSpec } from '../helpers/telcoRisk';

/* eslint-disable @typescript-eslint/no-explicit-any -- golden JSON is read as plain data */
const golden: any = JSON.parse(readFileSync(path.join(GOLDEN, 'survival_models.json'), 'utf8')).value_at_risk;

const close = (app: number | null, gold: number | null) => (app === null || gold === null ? app === gold : Math.abs(app - gold) <= 1e-9 * Math.max(1, Math.abs(gold)));

/** Every number of the golden block the CLI/JSON exposes: totals, by segment, by class, the top 25 in order. */
function mismatches(r: RiskResult, g: any): string[] {
  const bad: string[] = [];
  const count = (name: string, app: number, gold: number) => app !== gold && bad.push(`${name}: app ${app}, golden ${gold}`);
  const float = (name: string, app: number | null, gold: number | null) => !close(app, gold) && bad.push(`${name}: app ${app}, golden ${gold}`);
  count('n_customers', r.customers, g.n_customers);
  count('n_active', r.active, g.n_active);
  count('n_not_scored', r.notScored, g.n_not_scored);
  count('n_thin_tail', r.thinTail, g.n_thin_tail);
  float('value_active_scored', r.valueActiveScored, g.value_active_scored);
  float('value_at_risk', r.valueAtRisk, g.value_at_risk);
  if (r.bySegment.map((s) => s.segment).join('|') !== g.by_segment.map((s: any) => s.segment).join('|')) bad.push('segments differ');
  r.bySegment.forEach((s, i) => {
    const gs = g.by_segment[i];
    count(`${s.segment}.n_scored`, s.scored, gs.n_scored);
    float(`${s.segment}.value_at_risk`, s.valueAtRisk, gs.value_at_risk);
    float(`${s.segment}.mean_p`, s.meanP, gs.mean_p);
  });
  if (r.byClass.map((c) => c.class).join('|') !== g.by_class.map((c: any) => c.class).join('|')) bad.push('classes differ');
  r.byClass.forEach((c, i) => {
    const gc = g.by_class[i];
    count(`${c.class}.n_scored`, c.scored, gc.n_scored);
    float(`${c.class}.value_at_risk`, c.valueAtRisk, gc.value_at_risk);
  });
  return bad;
}

function topMismatches(top: { id: string | null; segment: string | null; time: number; p: number; value: number; expectedLoss: number }[], gold: any[]): string[] {
  const bad: string[] = [];
  if (top.length !== gold.length) bad.push(`top has ${top.length} rows, golden ${gold.length}`);
  gold.forEach((g, i) => {
    const a = top[i];
    if (!a) return;
    if (a.id !== g.id || a.segment !== g.segment || a.time !== g.time) bad.push(`top[${i}]: app ${a.id}/${a.segment}/${a.time}, golden ${g.id}/${g.segment}/${g.time}`);
    if (!close(a.p, g.p_churn) || !close(a.value, g.value) || !close(a.expectedLoss, g.expected_loss)) bad.push(`top[${i}] ${g.id}: p ${a.p} vs ${g.p_churn}, loss ${a.expectedLoss} vs ${g.expected_loss}`);
  });
  return bad;
}

let engine: QueryEngine;
let table: string;
const base = (): RiskSpecInput => ({ ...telcoRiskSpec(table), top: 25 });

beforeAll(async () => {
  engine = await startEngine();
  table = (await importFile(engine, nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx')))).table;
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

describe('value at risk on the Telco workbook (golden survival_models.json → value_at_risk)', () => {
  it('classes computed here (--classes-from CLTV): totals, by segment, by class, top 25 in order', async () => {
    const r = await computeRisk(engine, { ...base(), classes: { kind: 'pareto', value: { kind: 'column', column: 'CLTV' } } });
    expect(mismatches(r, golden)).toEqual([]);
    expect(topMismatches(r.top, golden.top)).toEqual([]);
    expect(r.horizon).toBe(6);
    expect(r.minAtRisk).toBe(20);
  });

  it('classes from the table the Pareto editor saves: the same numbers', async () => {
    const pspec = parseParetoSpec({ table, customer: 'CustomerID', value: { kind: 'column', column: 'CLTV' } });
    const pareto = await computePareto(engine, pspec);
    expect(Object.fromEntries(pareto.classes.map((c) => [c.name, c.count]))).toEqual(golden.class_sizes);
    const { mode } = await resolveValueMode(engine, pspec);
    await engine.query(saveClassesSql(pspec, mode, 'telco_classes'));
    const r = await computeRisk(engine, { ...base(), classes: { kind: 'table', table: 'telco_classes', key: 'customer', column: 'class' } });
    expect(mismatches(r, golden)).toEqual([]);
    expect(topMismatches(r.top, golden.top)).toEqual([]);
  });

  it('A-class first: each class\'s top 10 in order, as the golden lists them', async () => {
    const r = await computeRisk(engine, { ...base(), classes: { kind: 'pareto', value: { kind: 'column', column: 'CLTV' } }, aFirst: true });
    for (const gc of golden.by_class) {
      const rows = toRows<any>(await engine.query(`SELECT * FROM (${callListSql(scoredRelation(r.ctes), true)}) WHERE class = '${gc.class}' ORDER BY rank LIMIT 10`));
      const top = rows.map((x) => ({ id: x.customer, segment: x.segment, time: x.tenure, p: x.p_churn, value: x.value, expectedLoss: x.expected_loss }));
      expect(topMismatches(top, gc.top)).toEqual([]);
    }
    // A first: the first A.n_scored ranks are all A.
    expect(r.top.every((x) => x.class === 'A')).toBe(true);
  });
});
