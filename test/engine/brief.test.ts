import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WasmNodeEngine } from '../../shared/engine/node/wasmNodeEngine';
import { importFile } from '../../shared/import/importFile';
import { nodeFileSource } from '../../shared/node/nodeFileSource';
import { REGISTRY, type AnalysisKind } from '../../shared/analysis/registry';
import { createI18n } from '../../shared/i18n/i18n';
import { buildBrief, briefText } from '../../shared/brief/buildBrief';
import { briefSlides } from '../../shared/brief/slides';
import type { BriefItem, CoxBriefResult } from '../../shared/brief/types';
import { DATA } from '../helpers/paths';

/** The retention brief from real results on the Telco workbook (Pareto of CLTV, KM by Contract, value at risk). */
let engine: WasmNodeEngine;
let items: BriefItem[];
let why: BriefItem[];
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;
const ALL = ['pareto', 'survival', 'quadrant', 'reasons', 'risk', 'cox'];

beforeAll(async () => {
  engine = new WasmNodeEngine();
  await engine.init();
  const table = (await importFile(engine, nodeFileSource(path.join(DATA, 'Telco_customer_churn.xlsx')))).table;
  const event = { column: 'Churn Value', values: [1] };
  const specs: [string, AnalysisKind, Record<string, unknown>][] = [
    ['pareto-1', 'pareto', { table, customer: 'CustomerID', value: { kind: 'column', column: 'CLTV' } }],
    ['survival-1', 'survival', { table, time: { kind: 'duration', column: 'Tenure Months' }, event, group: 'Contract' }],
    ['risk-1', 'risk', { table, customer: 'CustomerID', time: { kind: 'duration', column: 'Tenure Months' }, event, segment: 'Contract', value: { kind: 'column', column: 'CLTV' }, horizon: 6, classes: { kind: 'pareto', value: { kind: 'column', column: 'CLTV' } } }],
  ];
  items = [];
  for (const [id, kind, spec] of specs) items.push({ id, kind, spec, result: await REGISTRY[kind].compute(engine, spec) });
  // The why: stated churn reasons (two tagged controllable) and an airline driver survey.
  const reasons = { table, reason: 'Churn Reason', event, controllable: { 'Attitude of support person': true, 'Competitor offered higher download speeds': true, Moved: false } };
  const airline = (await importFile(engine, nodeFileSource(path.join(DATA, 'airline_satisfaction_test.csv')))).table;
  const drivers = ['Inflight wifi service', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'Leg room service', 'Cleanliness', 'Food and drink', 'Checkin service'];
  const quadrant = { table: airline, drivers: drivers.map((column) => ({ column })), missing: [0], outcome: { column: 'satisfaction', positive: 'satisfied' } };
  why = [
    { id: 'reasons-1', kind: 'reasons', spec: reasons, result: await REGISTRY.reasons.compute(engine, reasons) },
    { id: 'quadrant-1', kind: 'quadrant', spec: quadrant, result: await REGISTRY.quadrant.compute(engine, quadrant) },
  ];
}, 300_000);
afterAll(() => engine?.close());

const texts = (b: ReturnType<typeof buildBrief>) => b.sections.flatMap((s) => s.sentences.map((x) => x.text));

describe('retention brief', () => {
  it('English: profit, when, risk and action sentences, each linked to its analysis with its SQL', () => {
    const b = buildBrief(items, en, { available: ALL });
    expect(b.title).toBe('Retention brief');
    expect(b.sections.map((s) => s.topic)).toEqual(['profit', 'when', 'risk', 'action']);
    expect(b.sections.map((s) => s.heading)).toEqual(['Who makes the profit', 'When customers leave', 'What is at risk', 'What to do']);
    expect(texts(b)).toEqual([
      'The top 20% of customers (1,409) produce 26.9% of CLTV; 80% is reached with 69.6% of customers.',
      'Protect the 4,905 A-class customers: 69.6% of customers bring 80% of CLTV.',
      'Half of Month-to-month customers are gone by month 35; One year and Two year customers mostly stay beyond the 72 months observed.',
      'Churn peaks for Month-to-month in months 0–2 (9.8% of those still there leave); One year in months 68–70 (5.8%); Two year in months 70–72 (1.8%).',
      "1.23M of CLTV is expected to leave within 6 months: 6.7% of the active customers' value.",
      '77.6% of it sits with A-class customers and 79.4% with Month-to-month customers.',
      '963 active customers with the longest tenure are not scored: too few customers have stayed that long to estimate their risk.',
      'Call the top 100 accounts of the call list: together they hold 8.7% of the value at risk (107K).',
      '11 of them are in their riskiest period now and should be called first; the others enter theirs within 2 to 5 months.',
      'At 50 per contact and a 25% save rate, calling the top 100 saves an expected 26.7K for 5K: a net return of 21.7K. It pays for itself above a 4.7% save rate.',
      'Winning the same value back with new customers would take about 6 of them, at about 3.09K.',
    ]);
    const all = b.sections.flatMap((s) => s.sentences);
    expect(all.filter((s) => s.topic === 'profit').every((s) => s.source.id === 'pareto-1' && s.sql.includes('CREATE TEMP TABLE'))).toBe(true);
    expect(all.filter((s) => s.topic === 'when').every((s) => s.source.id === 'survival-1' && s.sql.includes('GROUP BY g, t'))).toBe(true);
    expect(all.filter((s) => s.topic === 'risk' || s.topic === 'action').every((s) => s.source.id === 'risk-1' && s.sql.includes('call_by'))).toBe(true);
    // Only missing analyses are suggested: the why is missing.
    expect(b.suggestions.map((s) => s.kind)).toEqual(['quadrant', 'reasons', 'cox']);
    expect(b.callList?.table.rows).toHaveLength(10);
    expect(b.callList?.table.rows[0].slice(0, 5)).toEqual([1, '9544-PYPSJ', 'Month-to-month', 'A', 62]);
    expect(b.callList?.table.rows[0].slice(-2)).toEqual(['months 66–68', 'within 4 months']);
  });

  it('Chinese: the same findings in Chinese, no placeholder or raw fraction left', () => {
    const b = buildBrief(items, zh, { available: ALL });
    expect(b.title).toBe('客户保留简报');
    const all = texts(b);
    expect(all).toContain('Month-to-month 客户有一半在第 35 个月前流失；One year 和 Two year 客户大多在 72 个月的观察期后仍在网。');
    expect(all).toContain('未来 6 个月内预计流失的 CLTV 为 123万，占在网客户价值的 6.7%。');
    expect(all).toContain('其中 77.6% 来自 A 类客户，79.4% 来自 Month-to-month 客户。');
    expect(all).toContain('优先联系名单前 100 位客户：他们合计占风险价值的 8.7%（10.7万）。');
    for (const s of [...all, ...b.suggestions.map((x) => x.text)]) expect(s).not.toMatch(/\{\{|\}\}|\d\.\d{4,}|undefined|NaN/);
    expect(b.callList?.table.rows[0].slice(-2)).toEqual(['第 66–68 个月', '4 个月内']);
  });

  it('why: a Cox result (the minimal shape) gives the strongest significant hazard ratios against their references', () => {
    const cox: CoxBriefResult = {
      coefficients: [
        { term: 'ContractOne year', column: 'Contract', level: 'One year', hazardRatio: 0.219, p: 1e-40 },
        { term: 'ContractTwo year', column: 'Contract', level: 'Two year', hazardRatio: 0.0455, p: 1e-50 },
        { term: 'MonthlyCharges', column: 'MonthlyCharges', level: null, hazardRatio: 1.0123, p: 1e-5 },
        { term: 'SeniorCitizen', column: 'SeniorCitizen', level: null, hazardRatio: 9, p: 0.2 },
      ],
      terms: [{ column: 'Contract', reference: 'Month-to-month' }],
      sql: 'SELECT 42',
    };
    const b = buildBrief([...items, { id: 'cox-1', kind: 'cox', spec: {}, result: cox }], en, { available: ALL });
    const why = b.sections.find((s) => s.topic === 'why')!;
    expect(why.sentences).toEqual([
      {
        topic: 'why',
        text: 'Strongest churn drivers in the Cox model: Contract “Two year” (hazard ×0.045 against “Month-to-month”), Contract “One year” (hazard ×0.22 against “Month-to-month”), MonthlyCharges (hazard ×1.01 per unit).',
        source: { id: 'cox-1', kind: 'cox' },
        sql: 'SELECT 42',
      },
    ]);
    expect(b.suggestions.map((s) => s.kind)).toEqual(['quadrant', 'reasons']);
  });

  it('why and what to do from churn reasons and a driver survey, in both languages', () => {
    const b = buildBrief([...items, ...why], en, { available: ALL });
    const whySentences = b.sections.find((s) => s.topic === 'why')!.sentences;
    expect(whySentences.map((s) => s.source.id)).toEqual(['quadrant-1', 'reasons-1']);
    expect(whySentences[0].text).toBe('Customers rate Inflight wifi service poorly although it matters most to loyalty.');
    expect(whySentences[1].text).toBe('20.4% of the churned customers left for a reason the business can act on; the top reason is “Attitude of support person” (10.3%).');
    const fix = b.sections.find((s) => s.topic === 'action')!.sentences[0];
    expect(fix.source.id).toBe('quadrant-1');
    // The driver named in "why" is the one to fix first.
    expect(fix.text).toBe('Fix Inflight wifi service first.');
    expect(b.suggestions.map((s) => s.kind)).toEqual(['cox']);
    const z = buildBrief([...items, ...why], zh, { available: ALL });
    const zwhy = z.sections.find((s) => s.topic === 'why')!.sentences;
    expect(zwhy[1].text).toBe('已流失客户中有 20.4% 的流失原因是企业可以改善的；首要原因是“Attitude of support person”（10.3%）。');
    expect(zwhy[0].text).toMatch(/对客户忠诚度影响最大，但客户评价偏低。$/);
  });

  it('no analyses: only suggestions (what the app offers), no sections, no call list', () => {
    const b = buildBrief([], en);
    expect(b.sections).toEqual([]);
    expect(b.callList).toBeNull();
    // The registry's kinds (Cox included): nothing is suggested that the user cannot add.
    expect(b.suggestions.map((s) => s.kind)).toEqual(['pareto', 'survival', 'quadrant', 'reasons', 'risk', 'cox']);
    expect(b.suggestions[2].text).toBe('Add a driver survey (quadrant analysis) to learn why customers stay or leave.');
  });

  it('deck: two brief slides and the call list as a native table; text for the CLI', () => {
    const b = buildBrief(items, en, { available: ALL });
    const slides = briefSlides(b, en, 'en');
    expect(slides.map((s) => s.title)).toEqual([
      'Retention brief: who makes the profit, when and why customers leave',
      'Retention brief: what is at risk and what to do',
      'Call first: the 10 accounts with the largest expected loss',
    ]);
    expect(slides[0].text?.map((g) => g.heading)).toEqual(['Who makes the profit', 'When customers leave']);
    expect(slides[1].text?.map((g) => g.heading)).toEqual(['What is at risk', 'What to do', 'To complete the picture']);
    expect(slides[2].table?.columns).toEqual(['Customer', 'Contract', 'Class', 'Tenure (months)', 'Churn chance (6 months)', 'Expected loss', 'Call by']);
    expect(slides[2].table?.rows[0]).toEqual(['9544-PYPSJ', 'Month-to-month', 'A', '62', '29.7%', '1,743', 'within 4 months']);
    const text = briefText(b, en);
    expect(text.startsWith('# Retention brief\n\n## Who makes the profit\n- The top 20%')).toBe(true);
    expect(text).toContain('## To complete the picture\n- Add a driver survey');
  });
});
