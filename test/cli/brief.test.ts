import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cliJson } from '../helpers/cli';
import { ARTIFACTS, DATA } from '../helpers/paths';

/* eslint-disable @typescript-eslint/no-explicit-any -- CLI JSON is read as plain data */
const OUT = path.join(ARTIFACTS, 'brief');
const telco = path.join(DATA, 'Telco_customer_churn.xlsx');
const event = { column: 'Churn Value', values: [1] };
const riskSpec = { customer: 'CustomerID', time: { kind: 'duration', column: 'Tenure Months' }, event, segment: 'Contract', value: { kind: 'column', column: 'CLTV' }, horizon: 6, classes: { kind: 'pareto', value: { kind: 'column', column: 'CLTV' } } };
const deck = (language: string) => ({
  title: 'Telco retention',
  language,
  brief: true,
  slides: [
    { file: telco, kind: 'pareto', spec: { customer: 'CustomerID', value: { kind: 'column', column: 'CLTV' } } },
    { file: telco, kind: 'survival', spec: { time: { kind: 'duration', column: 'Tenure Months' }, event, group: 'Contract' } },
    // The same survival spec as a hazard slide is one analysis for the brief.
    { file: telco, kind: 'hazard', spec: { time: { kind: 'duration', column: 'Tenure Months' }, event, group: 'Contract' } },
    { file: telco, kind: 'risk', spec: riskSpec },
  ],
});

function write(name: string, json: unknown): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

describe('tenure brief and the deck that starts with it (CLI)', () => {
  it('brief DECK.json: sentences per topic with their analysis, suggestions, the call list and Markdown text', async () => {
    const { code, out, err } = await cliJson(['brief', write('deck-en.json', deck('en')), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const b = out as any;
    expect(b.title).toBe('Retention brief');
    expect(b.sections.map((s: any) => s.topic)).toEqual(['profit', 'when', 'risk', 'action']);
    expect(b.sections[2].sentences[0]).toEqual({ text: "1.23M of CLTV is expected to leave within 6 months: 6.7% of the active customers' value.", source: { id: 'slide 4', kind: 'risk' } });
    expect(b.analyses.map((a: any) => [a.id, a.kind])).toEqual([['slide 1', 'pareto'], ['slide 2', 'survival'], ['slide 4', 'risk']]);
    expect(b.suggestions.map((s: any) => s.kind)).toEqual(['quadrant', 'reasons', 'cox']);
    expect(b.callList.rows).toHaveLength(10);
    expect(b.callList.rows[0][1]).toBe('9544-PYPSJ');
    expect(b.text).toContain('## What to do\n- Call the top 100 accounts of the call list');
    // --language overrides the deck's.
    const zh = await cliJson(['brief', path.join(OUT, 'deck-en.json'), '--language', 'zh-CN', '--json']);
    expect((zh.out as any).title).toBe('客户保留简报');
    const bad = await cliJson(['brief', path.join(OUT, 'deck-en.json'), '--language', 'fr', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.err).error.code).toBe('cli.badOption');
  }, 600_000);

  it('deck with "brief": true: title, two brief slides, the call list top 10 as a native table, then the charts', async () => {
    const pptx = path.join(OUT, 'deck-zh.pptx');
    const { code, out } = await cliJson(['deck', write('deck-zh.json', deck('zh-CN')), '--pptx', pptx]);
    expect(code).toBe(0);
    expect((out as any).slides.map((s: any) => s.kind)).toEqual(['brief', 'brief', 'brief', 'pareto', 'survival', 'hazard', 'risk']);
    const zip = await JSZip.loadAsync(readFileSync(pptx));
    const slide = (n: number) => zip.file(`ppt/slides/slide${n}.xml`)!.async('string');
    expect(await slide(2)).toContain('客户保留简报：谁贡献利润，客户何时、为何流失');
    expect(await slide(3)).toContain('未来 6 个月内预计流失的 CLTV 为 123万');
    expect(await slide(4)).toContain('<a:tbl>');
    expect(await slide(4)).toContain('9544-PYPSJ');
    expect(await slide(8)).toContain('A 类客户占风险价值的 77.6%');
  }, 600_000);
});
