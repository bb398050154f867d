import { describe, expect, it } from 'vitest';
import { listValues, warning, warningKey, warningsOf } from '../../shared/analysis/warnings';
import { survivalWarnings } from '../../shared/analysis/survival/compute';
import { qf } from '../../shared/engine/sqlQuote';
import { createI18n } from '../../shared/i18n/i18n';

describe('analysis warnings', () => {
  it('lists at most ten values, then the count', () => {
    expect(listValues(['No', 'Yes'])).toBe('"No", "Yes"');
    const many = Array.from({ length: 10 }, (_, i) => `v${i}`);
    expect(listValues(many, 25)).toBe(`${many.map((v) => `"${v}"`).join(', ')}, … (25)`);
  });

  it('reads a result\'s warnings, or those of an editor\'s run record wrapping it', () => {
    const w = warning('cohort.noRows', 'none');
    expect(warningsOf({ warnings: [w] })).toEqual([w]);
    expect(warningsOf({ result: { warnings: [w] }, spec: {} })).toEqual([w]);
    expect(warningsOf(null)).toEqual([]);
    expect(warningsOf({ groups: [] })).toEqual([]);
  });

  it('every warning code has a text in both languages', () => {
    const codes = ['survival.eventValueNeverOccurs', 'survival.noEvents', 'survival.noEndDates', 'survival.noRows', 'survival.filterKeepsNone', 'survival.singleGroup', 'cohort.noRows', 'cohort.singleCohort', 'pareto.singleCustomer', 'pareto.allEqual', 'pareto.singleGroup', 'quadrant.outcomeValueNeverOccurs', 'quadrant.noRows', 'quadrant.noRatings', 'quadrant.driverNoRatings', 'quadrant.noImportance', 'reasons.noChurned', 'risk.noActive', 'risk.noneScored'];
    for (const lng of ['en', 'zh-CN'] as const) {
      const i18n = createI18n(lng);
      for (const code of codes) expect(i18n.exists(warningKey({ code })), `${lng} ${code}`).toBe(true);
    }
  });

  it('survival: no events, no end dates, one group, nothing kept', () => {
    const g = (name: string | null, n: number, events: number) => ({ name, n, events });
    const none = { missingTime: 0, negativeTime: 0, missingGroup: 0 };
    expect(survivalWarnings({ event: { column: 'Churn', values: ['Yes', 1] } }, [g(null, 10, 0)], none)).toEqual([
      warning('survival.noEvents', 'None of the 10 analysed rows is an event (Churn = "Yes" / "1"): every curve stays at 100%', { n: 10, event: 'Churn = "Yes" / "1"' }),
    ]);
    expect(survivalWarnings({}, [g(null, 10, 0)], none).map((w) => w.code)).toEqual(['survival.noEndDates']);
    expect(survivalWarnings({ group: 'plan' }, [g('A', 10, 3)], none).map((w) => w.code)).toEqual(['survival.singleGroup']);
    expect(survivalWarnings({}, [], none).map((w) => w.code)).toEqual(['survival.filterKeepsNone']);
    expect(survivalWarnings({}, [], { ...none, negativeTime: 4 })).toEqual([expect.objectContaining({ code: 'survival.noRows', params: { excluded: 4 } })]);
  });

  it('a fragment with a line comment ends it before the closing parenthesis', () => {
    expect(qf(`plan = 'x'`)).toBe(`(plan = 'x')`);
    expect(qf(`plan = 'x' -- monthly`)).toBe(`(plan = 'x' -- monthly\n)`);
  });
});
