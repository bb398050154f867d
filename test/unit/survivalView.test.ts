import { describe, expect, it } from 'vitest';
import { fromCounts } from '../../shared/analysis/survival/compute';
import { parseSurvivalSpec } from '../../shared/analysis/survival/spec';
import { createI18n } from '../../shared/i18n/i18n';
import { formatters } from '../../renderer/editors/analysis/format';
import {
  emptySurvivalForm,
  groupTablePatch,
  guessEventValues,
  guessSurvivalForm,
  parseNumberList,
  restoreSurvivalForm,
  survivalProblems,
  survivalSpecOf,
} from '../../renderer/editors/survival/survivalForm';
import { atRiskAt, hazardExport, hazardWidthChoices, horizonTable, summaryTable, survivalExport, withHazardWidth } from '../../renderer/editors/survival/survivalTable';

const t = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
const f = formatters('en');

const TELCO_COLUMNS = [
  { name: 'customerID', type: 'VARCHAR' },
  { name: 'Contract', type: 'VARCHAR' },
  { name: 'tenure', type: 'BIGINT' },
  { name: 'MonthlyCharges', type: 'DOUBLE' },
  { name: 'Churn', type: 'VARCHAR' },
];

describe('survival form', () => {
  it('guesses tenure + Churn on a Telco-like table and asks only for the churn values', () => {
    const form = guessSurvivalForm('telco', TELCO_COLUMNS);
    expect(form).toMatchObject({ table: 'telco', timeKind: 'duration', duration: 'tenure', event: 'Churn', group: '' });
    expect(survivalProblems(form).map((p) => p.key)).toEqual(['survival.form.needEventValues']);
  });

  it('a "ChurnReason" column is the reason column, not the churn flag', () => {
    const form = guessSurvivalForm('telco', [...TELCO_COLUMNS.slice(0, 3), { name: 'ChurnReason', type: 'VARCHAR' }, ...TELCO_COLUMNS.slice(3)]);
    expect(form).toMatchObject({ event: 'Churn', reason: 'ChurnReason' });
  });

  it('guesses start/end dates when there is no duration column', () => {
    const form = guessSurvivalForm('subs', [
      { name: 'id', type: 'VARCHAR' },
      { name: 'signup_date', type: 'DATE' },
      { name: 'end_date', type: 'DATE' },
      { name: 'status', type: 'VARCHAR' },
    ]);
    expect(form).toMatchObject({ timeKind: 'dates', start: 'signup_date', end: 'end_date', event: 'status' });
  });

  it('pre-selects the values that mean churned, keeping their original spelling', () => {
    expect(guessEventValues(['No', 'Yes', null])).toEqual(['Yes']);
    expect(guessEventValues([0, 1])).toEqual(['1']);
    expect(guessEventValues([true, false])).toEqual(['true']);
    expect(guessEventValues(['未流失', '流失'])).toEqual(['流失']);
    expect(guessEventValues(['Active', 'Other'])).toEqual([]);
  });

  it('parses number lists with commas, spaces and Chinese punctuation', () => {
    expect(parseNumberList('1, 3;6 12，24')).toEqual([1, 3, 6, 12, 24]);
    expect(parseNumberList('1, x')).toBeNull();
    expect(parseNumberList('-1')).toBeNull();
  });

  it('turns a complete form into a spec the shared schema accepts, optional fields left out', () => {
    const form = { ...guessSurvivalForm('telco', TELCO_COLUMNS), eventValues: ['Yes'], group: 'Contract', horizons: '12 24', rmeanTau: '60', hazardWidth: '' };
    const spec = parseSurvivalSpec(survivalSpecOf(form));
    expect(spec).toMatchObject({
      table: 'telco',
      time: { kind: 'duration', column: 'tenure', unit: 'months' },
      event: { column: 'Churn', values: ['Yes'] },
      group: 'Contract',
      horizons: [12, 24],
      rmeanTau: 60,
      confType: 'log',
    });
    expect(spec.hazardWidth).toBeUndefined();
    expect(spec.where).toBeUndefined();
  });

  it('a group column from another table (saved Pareto classes): guessed key and match, then a groupFrom spec', () => {
    const tiers = [{ name: 'customer', type: 'VARCHAR' }, { name: 'value', type: 'DOUBLE' }, { name: 'class', type: 'VARCHAR' }];
    const patch = groupTablePatch('telco_tiers', tiers, TELCO_COLUMNS);
    expect(patch).toEqual({ groupTable: 'telco_tiers', groupKey: 'customer', groupOn: 'customerID', group: 'class' });
    const form = { ...guessSurvivalForm('telco', TELCO_COLUMNS), eventValues: ['Yes'], ...patch };
    expect(survivalProblems(form)).toEqual([]);
    expect(parseSurvivalSpec(survivalSpecOf(form))).toMatchObject({ group: 'class', groupFrom: { table: 'telco_tiers', key: 'customer', on: 'customerID' } });
    expect(survivalProblems({ ...form, groupOn: '' }).map((p) => p.key)).toEqual(['survival.form.needGroupKey']);
    expect(groupTablePatch('', tiers, TELCO_COLUMNS)).toEqual({ groupTable: '', groupKey: '', groupOn: '', group: '' });
  });

  it('dates without an event column run (event = end date filled in); a bad as-of date does not', () => {
    const form = { ...emptySurvivalForm('subs'), timeKind: 'dates' as const, start: 's', end: 'e' };
    expect(survivalProblems(form)).toEqual([]);
    expect(parseSurvivalSpec(survivalSpecOf(form)).event).toBeUndefined();
    expect(survivalProblems({ ...form, asOf: '2024/01/01' }).map((p) => p.key)).toEqual(['survival.form.badDate']);
  });

  it('reports every missing or invalid field', () => {
    const keys = survivalProblems({ ...emptySurvivalForm(), horizons: 'a', rmeanTau: '-2', hazardWidth: '0' }).map((p) => p.key);
    expect(keys).toEqual(['survival.form.needTable', 'survival.form.needDuration', 'survival.form.needEvent', 'survival.form.badNumbers', 'survival.form.badNumber', 'survival.form.badNumber']);
  });

  it('restores a saved form over the defaults', () => {
    expect(restoreSurvivalForm({ duration: 'x' }, 't')).toMatchObject({ table: 't', duration: 'x', confType: 'log' });
    expect(restoreSurvivalForm(undefined, 't')).toBeNull();
  });
});

// Two groups: A loses 40 per step (median reached), B barely churns.
const spec = parseSurvivalSpec({ table: 't', time: { kind: 'duration', column: 'x' }, event: { column: 'e', values: [1] }, group: 'g', horizons: [1, 3] });
const result = fromCounts(spec, [
  ...[1, 2, 3, 4, 5, 6].map((x) => ({ g: 'A', t: x, d: 40, c: 5 })),
  ...[0, 1, 2, 3, 4, 5, 6].map((x) => ({ g: 'B', t: x, d: x === 0 ? 0 : 1, c: 30 })),
]);

describe('survival tables', () => {
  it('summary: n, churned, censored, median with CI or "not reached", restricted mean', () => {
    const s = summaryTable(result, t, f);
    expect(s.columns[0]).toBe('Group');
    expect(s.rows[0].slice(0, 4)).toEqual(['A', '270', '240', '30']);
    expect(s.rows[0][4]).toMatch(/^4 \(\d/);
    expect(s.rows[1][4]).toBe('not reached');
    expect(s.rows[1][1]).toBe('216');
  });

  it('horizons: S(t) with its CI per group', () => {
    const h = horizonTable(result, t, f);
    expect(h.rows.map((r) => r[0])).toEqual(['1', '3']);
    expect(h.rows[0][1]).toMatch(/^85\.2% \(\d+\.\d% – \d+\.\d%\)$/);
  });

  it('export keeps raw numbers: one row per group, S/lower/upper per horizon', () => {
    const e = survivalExport(result, t);
    expect(e.columns).toHaveLength(8 + 2 * 3);
    expect(e.rows[0].slice(0, 5)).toEqual(['A', 270, 240, 30, 4]);
    expect(e.rows[1][4]).toBeNull();
    expect(e.rows[0][8]).toBeCloseTo(result.groups[0].atTimes[0].survival, 12);
  });

  it('hazard width is re-applied without a query; export lists every interval', () => {
    const w2 = withHazardWidth(result, 2);
    expect(w2.hazardWidth).toBe(2);
    expect(w2.groups[0].hazard[0]).toMatchObject({ start: 0, end: 2, atRisk: 270, events: 40 });
    expect(withHazardWidth(result, result.hazardWidth)).toBe(result);
    const e = hazardExport(w2, t);
    expect(e.rows).toHaveLength(w2.groups[0].hazard.length);
    expect(e.columns).toHaveLength(2 + 3 * 2);
    expect(hazardWidthChoices(result)).toContain(result.hazardWidth);
  });

  it('number at risk at t = 0 is the group size (also when the first step is later)', () => {
    const r = atRiskAt(result, [0, 1, 6, 7]);
    expect(r[0].counts).toEqual([270, 270, 45, 0]);
    expect(r[1].counts[0]).toBe(216);
  });
});
