import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliText } from '../helpers/cli';
import { ARTIFACTS, DATA } from '../helpers/paths';

const OUT = path.join(ARTIFACTS, 'deck-survival-models');
const telco = path.join(DATA, 'Telco_customer_churn.xlsx');
const base = { time: { kind: 'duration', column: 'Tenure Months' }, event: { column: 'Churn Value', values: [1] } };

describe('tenure deck: RMST and incidence slides, many groups refused (CLI)', () => {
  it('the RMST and causes charts are slides titled with their findings; English and Chinese', async () => {
    mkdirSync(OUT, { recursive: true });
    const cause = { kind: 'sql', sql: `CASE WHEN "Churn Reason" LIKE 'Competitor%' THEN 'Competitor' ELSE 'Other reason' END` };
    const deck = {
      version: 1,
      title: 'Why and when they leave',
      slides: [
        { file: telco, kind: 'survival', chart: 'rmst', spec: { ...base, group: 'Contract' } },
        { file: telco, kind: 'survival', chart: 'incidence', spec: { ...base, cause } },
        { file: telco, kind: 'survival', chart: 'rmst', language: 'zh-CN', spec: { ...base, group: 'Contract', rmstTau: 24 } },
      ],
    };
    const file = path.join(OUT, 'deck.json');
    writeFileSync(file, JSON.stringify(deck));
    const { code, out, err } = await cliText(['deck', file, '--pptx', path.join(OUT, 'deck.pptx')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const titles = (JSON.parse(out) as { slides: { title: string }[] }).slides.map((s) => s.title);
    expect(titles[0]).toBe('Over 72 months (6 years), One year keeps a customer 30.1 months longer than Month-to-month; Two year: 35.2 months longer');
    expect(titles[1]).toBe('By 72 months: 27.1% left for Other reason, 13.6% left for Competitor');
    expect(titles[2]).toMatch(/^在 24 .*（2 年）内，One year 比 Month-to-month 多留住客户 6\.3/);
  }, 300_000);

  it('a slide grouped by a column with hundreds of values is refused with the count', async () => {
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'many.json');
    writeFileSync(file, JSON.stringify({ version: 1, title: 'x', slides: [{ file: telco, kind: 'survival', spec: { ...base, group: 'Monthly Charges' } }] }));
    const { code, err } = await cliText(['deck', file, '--pptx', path.join(OUT, 'many.pptx')]);
    expect(code).toBe(2);
    const e = JSON.parse(err).error;
    expect(e.code).toBe('analysis.tooManyGroupsBands');
    expect(e.message).toMatch(/"Monthly Charges" has \d{3,4} distinct values; at most 20 groups/);
  }, 300_000);
});
