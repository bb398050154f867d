import { describe, expect, it } from 'vitest';
import { hazardFinding, hazardTakeaway } from '../../shared/deck/findings';
import type { SurvivalResult } from '../../shared/analysis/survival/compute';
import { createI18n } from '../../shared/i18n/i18n';

const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

function result(start: number, end: number): SurvivalResult {
  const hazard = [{ start, end, atRisk: 100, events: 30, rate: 0.3 }];
  const g = (name: string) => ({ name, n: 100, events: 30, censored: 70, median: null, medianCI: [null, null], rmean: 0, steps: [], atTimes: [], hazard });
  return { spec: { group: 'Partner' }, unit: 'years', groups: [g('Yes')] } as unknown as SurvivalResult;
}

describe('survival findings', () => {
  it('acts before the peak interval starts ("Act before 10 years" for a 10–11 peak), or within the first one', () => {
    expect(hazardTakeaway(result(10, 11), en)).toMatch(/^Act before 10 years: customers are most likely to leave between 10 and 11 years\.$/);
    expect(hazardTakeaway(result(0, 2), en)).toMatch(/^Act in the first 2 years/);
    expect(hazardTakeaway(result(10, 11), zh)).toMatch(/^在 10 年之前采取行动/);
  });

  it('names the group column, not just its value', () => {
    const r = result(10, 11);
    r.groups.push({ ...r.groups[0], name: 'No' });
    expect(hazardFinding(r, en)).toMatch(/^Churn risk peaks for customers with Partner Yes at 10–11 years/);
    expect(hazardFinding(r, zh)).toMatch(/^Partner 为“Yes”的客户流失风险/);
  });
});
