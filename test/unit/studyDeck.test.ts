import { describe, expect, it } from 'vitest';
import { createI18n } from '../../shared/i18n/i18n';
import { buildDeck } from '../../shared/export/deck';
import { changeCells, changesSlide } from '../../shared/study/changeText';
import { whatChanged } from '../../shared/study/whatChanged';
import { parseStudyText, serializeStudy } from '../../shared/study/migrate';
import { STUDY_VERSION, studySchema, type StudyChanges } from '../../shared/study/schema';
import type { DeckItem } from '../../renderer/editors/deck/items';
import { applyStudyDeck, changesItems, choicesOf, toStudyDeck, withChanges } from '../../renderer/editors/deck/studyDeck';

const item = (analysisKey: string, chartId: string, over: Partial<DeckItem> = {}): DeckItem => ({
  id: `${analysisKey}/${chartId}`,
  analysisKey,
  kind: 'pareto',
  chartId,
  title: `${analysisKey} ${chartId}`,
  takeaway: `generated ${analysisKey} ${chartId}`,
  include: chartId === 'pareto',
  hasTable: true,
  withTable: false,
  ...over,
});

const fresh = () => [item('p', 'pareto'), item('p', 'lorenz'), item('p', 'whale'), item('s', 'km', { kind: 'survival' })];
const generated = (xs: DeckItem[]) => new Map(xs.map((x) => [x.id, x.takeaway]));

const changes: StudyChanges = {
  before: 'telco-2026-11.csv',
  after: 'telco-2026-12.csv',
  kind: 'pareto',
  title: '',
  rows: [
    { figure: 'n', subject: null, format: 'count', before: 7032, after: 6535, diff: -497 },
    { figure: 'top20Share', subject: null, format: 'share', before: 0.536, after: 0.5351, diff: -0.0009 },
    { figure: 'zone', subject: 'Wifi', format: 'text', before: 'keep', after: 'concentrate', diff: null },
  ],
};

describe('the deck in the study', () => {
  it('round-trips order, ticks, tables and typed takeaways; generated takeaways and default titles are not stored', () => {
    const gen = generated(fresh());
    // The user moves the survival chart first, ticks Lorenz with its table, rewrites one takeaway, types a title.
    const [p, l, w, s] = fresh();
    const edited = [{ ...s, include: true }, p, { ...l, include: true, withTable: true, takeaway: 'Half the value from a fifth' }, w];
    const deck = toStudyDeck(edited, gen, { title: 'November review', subtitle: null, brief: false }, null);
    expect(deck).toEqual({
      title: 'November review',
      brief: false,
      slides: [
        { analysis: 's', chart: 'km', table: false, include: true },
        { analysis: 'p', chart: 'pareto', table: false, include: true },
        { analysis: 'p', chart: 'lorenz', table: true, include: true, takeaway: 'Half the value from a fifth' },
        { analysis: 'p', chart: 'whale', table: false, include: false },
      ],
    });
    // Through the study file and back onto freshly computed rows (new numbers → new generated takeaways).
    const study = studySchema.parse({ format: 'tenure-study', version: STUDY_VERSION, deck });
    const back = parseStudyText(serializeStudy(study), 'x.tenure').deck;
    const next = fresh().map((x) => ({ ...x, takeaway: `${x.takeaway} (December)` }));
    const applied = applyStudyDeck(next, back);
    expect(applied.map((x) => [x.id, x.include, x.withTable, x.takeaway])).toEqual([
      ['s/km', true, false, 'generated s km (December)'],
      ['p/pareto', true, false, 'generated p pareto (December)'],
      ['p/lorenz', true, true, 'Half the value from a fifth'],
      ['p/whale', false, false, 'generated p whale (December)'],
    ]);
    expect(choicesOf(back)).toEqual({ title: 'November review', subtitle: null, brief: false });
    // Saving what was restored gives the same deck (no spurious "unsaved changes").
    expect(toStudyDeck(applied, generated(next), choicesOf(back), back)).toEqual(back);
  });

  it('puts a chart the saved deck did not know (an analysis added since) after the saved slides', () => {
    const deck = toStudyDeck([item('p', 'whale', { include: true })], new Map(), choicesOf(null), null);
    expect(applyStudyDeck(fresh(), deck).map((x) => x.id)).toEqual(['p/whale', 'p/pareto', 'p/lorenz', 's/km']);
    expect(applyStudyDeck(fresh(), null).map((x) => x.id)).toEqual(fresh().map((x) => x.id));
  });

  it('What changed → Add to deck: a comparison row kept with its figures, replacing an earlier one of the same analysis', () => {
    const t = createI18n('en').t;
    const once = withChanges(null, [{ id: 'p', changes }]);
    const twice = withChanges(once, [{ id: 'p', changes: { ...changes, after: 'telco-2027-01.csv' } }]);
    expect(twice.slides).toHaveLength(1);
    expect(twice.slides[0]).toMatchObject({ analysis: 'p', chart: false, table: true, include: true, changes: { after: 'telco-2027-01.csv' } });
    const rows = changesItems(twice, 'en', t);
    expect(rows).toEqual([expect.objectContaining({ id: 'changed:p', kind: 'whatChanged', title: 'What changed: Who makes the profit', include: true })]);
    // A deck of comparisons only: the analyses' charts come first, the comparison after them.
    const applied = applyStudyDeck([...fresh(), ...rows], twice);
    expect(applied.map((x) => x.id)).toEqual(['p/pareto', 'p/lorenz', 'p/whale', 's/km', 'changed:p']);
    // Saved again: the comparison keeps its figures and its place, schema-valid.
    const saved = toStudyDeck(applied, generated([...fresh(), ...rows]), choicesOf(twice), twice);
    expect(saved.slides.at(-1)).toEqual({ analysis: 'p', chart: false, table: true, include: true, changes: { ...changes, after: 'telco-2027-01.csv' } });
    expect(studySchema.safeParse({ format: 'tenure-study', version: STUDY_VERSION, deck: saved }).success).toBe(true);
  });

  it('a comparison slide is a native table of figure, before, after, difference (English and Chinese), and builds into a .pptx', async () => {
    const en = changesSlide({ before: changes.before, after: changes.after, change: changes }, 'en', createI18n('en').t);
    expect(en.title).toBe('What changed: Who makes the profit');
    expect(en.table?.columns).toEqual(['Figure', 'Before (telco-2026-11.csv)', 'After (telco-2026-12.csv)', 'Difference']);
    expect(en.table?.rows).toEqual([
      ['Customers', '7,032', '6,535', '-497'],
      ['Top 20% share of value', '53.6%', '53.5%', '-0.1 pts'],
      ['Quadrant · Wifi', 'Keep up the good work', 'Concentrate here', '—'],
    ]);
    const zh = changesSlide({ before: changes.before, after: changes.after, change: changes }, 'zh-CN', createI18n('zh-CN').t);
    expect(zh.title).toBe('变化对比：谁创造利润');
    const pptx = await buildDeck({ title: 'Review', slides: [en, zh] });
    expect(pptx.length).toBeGreaterThan(10_000);
  });
});

describe('What changed figures read alike before and after', () => {
  const t = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
  it('shows both sides of a number or share with the same decimals (the more precise side decides)', () => {
    const cells = changeCells(
      [
        { figure: 'total', subject: null, format: 'number', before: 16056168.7, after: 14946685.05, diff: 14946685.05 - 16056168.7 },
        { figure: 'logrankChisq', subject: null, format: 'number', before: 2352.873, after: 2193.37, diff: 2193.37 - 2352.873 },
        { figure: 'median', subject: 'Month-to-month', format: 'number', before: 35, after: 35, diff: 0 },
        { figure: 's12', subject: 'Two year', format: 'share', before: 1, after: 0.9912, diff: -0.0088 },
        { figure: 'n', subject: null, format: 'count', before: 7032, after: 6533, diff: -499 },
      ],
      'en',
      t,
    );
    expect(cells.map((r) => r.slice(1, 3))).toEqual([
      ['16,056,168.70', '14,946,685.05'],
      ['2,352.873', '2,193.370'],
      ['35', '35'],
      ['100.0%', '99.1%'],
      ['7,032', '6,533'],
    ]);
  });
});

describe('What changed for a loyalty-driver quadrant', () => {
  const quadrant = (rows: number, zones: [string, string][]) => ({ overall: { rows, drivers: zones.map(([column, zone]) => ({ column, label: column, zone })) } });
  it('counts the drivers in each zone before and after, then lists the drivers that moved', () => {
    const b = quadrant(25976, [['Wifi', 'concentrate'], ['Seat', 'keep'], ['Food', 'low'], ['Gate', 'low']]);
    const a = quadrant(22976, [['Wifi', 'concentrate'], ['Seat', 'keep'], ['Food', 'keep'], ['Gate', 'low']]);
    const [c] = whatChanged([{ id: 'q', kind: 'quadrant', title: '', result: b }], [{ id: 'q', kind: 'quadrant', title: '', result: a }]);
    const t = createI18n('en').t as unknown as (k: string, o?: Record<string, unknown>) => string;
    expect(changeCells(c.rows, 'en', t)).toEqual([
      ['Respondents', '25,976', '22,976', '-3,000'],
      ['Drivers in “Concentrate here”', '1', '1', '0'],
      ['Drivers in “Keep up the good work”', '1', '2', '+1'],
      ['Drivers in “Low priority”', '2', '1', '-1'],
      ['Drivers in “Possible overkill”', '0', '0', '0'],
      ['Quadrant · Food', 'Low priority', 'Keep up the good work', '—'],
    ]);
    const zh = createI18n('zh-CN').t as unknown as (k: string, o?: Record<string, unknown>) => string;
    expect(changeCells(c.rows, 'zh-CN', zh)[1][0]).toBe('“重点改进”中的因素数');
  });
});
