import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../shared/commands/commandList';
import { createI18n } from '../../shared/i18n/i18n';
import type { DataSource, EditorGroup, TableInfo } from '../../renderer/store/types';
import { mergeItems, moveItem, patchItem, slideNotes, type DeckItem } from '../../renderer/editors/deck/items';
import { defaultDeckSubtitle, defaultDeckTitle, openAnalyses, sourceLabel, type DeckAnalysis } from '../../renderer/editors/deck/sources';

const table: TableInfo = {
  name: 'telco',
  rows: 7043,
  columns: [
    { name: 'customerID', type: 'VARCHAR' },
    { name: 'tenure', type: 'BIGINT' },
    { name: 'Churn', type: 'VARCHAR' },
    { name: 'TotalCharges', type: 'DOUBLE' },
  ] as TableInfo['columns'],
};
const sources: DataSource[] = [{ id: 'f1', label: 'WA_Fn-UseC_-Telco-Customer-Churn.csv', icon: 'file', tables: [table] }];

const survivalForm = { table: 'telco', duration: 'tenure', event: 'Churn', eventValues: ['Yes'], group: 'Contract' };

function groups(): EditorGroup[] {
  return [
    {
      id: 'g1',
      activeTabId: 'p',
      tabs: [
        { id: 'w', kind: 'welcome', data: {} },
        { id: 'p', kind: 'pareto', data: { table: 'telco' } },
        { id: 's', kind: 'survival', data: { table: 'telco', form: survivalForm, view: 'hazard', hazardWidth: 6 } },
        { id: 'c', kind: 'cohort', data: { table: 'telco', form: { table: 'telco' } } },
      ],
    },
    { id: 'g2', activeTabId: 'd', tabs: [{ id: 'd', kind: 'deck', data: {} }] },
  ];
}

describe('deck dialog: analyses of the open editors', () => {
  it('reads specs from tab data in tab order, skipping incomplete forms and non-analysis tabs', () => {
    const list = openAnalyses(groups(), [table]);
    expect(list.map((a) => `${a.key}:${a.kind}`)).toEqual(['p:pareto', 's:survival', 's:hazard:hazard']);
    // Pareto without saved form data: the editor's defaults (guessed customer and value columns).
    expect(list[0].spec).toMatchObject({ table: 'telco', customer: 'customerID', value: { kind: 'column', column: 'TotalCharges' } });
    expect(list[1].spec).toMatchObject({ table: 'telco', event: { column: 'Churn', values: ['Yes'] } });
    // The hazard view is ticked when the editor shows it, with its interval width.
    expect(list[2]).toMatchObject({ preferred: true, view: { hazardWidth: 6 } });
  });

  it('names the source file; the deck title is the study\'s name or the month\'s retention review', () => {
    const t = createI18n('en').t;
    expect(sourceLabel(sources, 'telco', t)).toBe('WA_Fn-UseC_-Telco-Customer-Churn.csv');
    const now = new Date(2026, 11, 6);
    expect(defaultDeckTitle(t, 'en', { now })).toBe('Retention review – December 2026');
    expect(defaultDeckTitle(createI18n('zh-CN').t, 'zh-CN', { now })).toBe('留存复盘 – 2026年12月');
    expect(defaultDeckTitle(t, 'en', { study: ' Telco churn Q4 ', now })).toBe('Telco churn Q4');
  });

  it('the default subtitle names up to three files, then the first two and how many more (a line, not a list)', () => {
    const now = new Date(2026, 11, 6);
    const files = ['orders_2026_11.csv', 'customers.xlsx', 'survey.csv', 'tickets.csv', 'refunds.csv'];
    const many: DataSource[] = files.map((f, i) => ({ id: `f${i}`, label: f, icon: 'file', tables: [{ ...table, name: `t${i}` }] }));
    const on = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `a${i}`, tabId: `a${i}`, kind: 'pareto', spec: { table: `t${i}` } }) as unknown as DeckAnalysis);
    const en = createI18n('en').t;
    const zh = createI18n('zh-CN').t;
    expect(defaultDeckSubtitle(many, on(3), en, 'en', now)).toBe('Data: orders_2026_11.csv, customers.xlsx, survey.csv · December 6, 2026');
    expect(defaultDeckSubtitle(many, on(5), en, 'en', now)).toBe('Data: orders_2026_11.csv, customers.xlsx and 3 more · December 6, 2026');
    expect(defaultDeckSubtitle(many, on(5), zh, 'zh-CN', now)).toBe('数据：orders_2026_11.csv, customers.xlsx 等 5 个文件 · 2026年12月6日');
  });
});

describe('deck dialog: items', () => {
  it('after a language switch, generated takeaways follow the language; written ones and choices stay', () => {
    const item = (id: string, takeaway: string): DeckItem => ({ id, analysisKey: 'a', kind: 'pareto', chartId: id, title: id, takeaway, include: true, hasTable: true, withTable: false });
    const before = [{ ...item('x', 'Top 20% make 54%'), include: false }, { ...item('y', 'My own words'), withTable: true }];
    const generated = new Map([['x', 'Top 20% make 54%'], ['y', 'Half are gone by month 30']]);
    const merged = mergeItems([item('x', '前 20% 贡献 54%'), item('y', '一半在第 30 个月前流失'), item('z', '新')], before, generated);
    expect(merged.map((m) => [m.id, m.takeaway, m.include, m.withTable])).toEqual([
      ['x', '前 20% 贡献 54%', false, false],
      ['y', 'My own words', true, true],
      ['z', '新', true, false],
    ]);
  });

  const item = (id: string): DeckItem => ({ id, analysisKey: id, kind: 'pareto', chartId: 'pareto', title: id, takeaway: '', include: true, hasTable: true, withTable: false });

  it('moves up and down within bounds', () => {
    const xs = [item('a'), item('b'), item('c')];
    expect(moveItem(xs, 1, -1).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(moveItem(xs, 1, 1).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(moveItem(xs, 0, -1)).toBe(xs);
    expect(moveItem(xs, 2, 1)).toBe(xs);
    expect(patchItem(xs, 'b', { include: false }).map((x) => x.include)).toEqual([true, false, true]);
  });

  it('writes speaker notes with the settings, the SQL and the source file', () => {
    const notes = slideNotes('pareto', { table: 'telco', customer: 'customerID' }, 'SELECT 1', 'telco.csv', createI18n('en').t);
    expect(notes).toContain('"kind": "pareto"');
    expect(notes).toContain('"customer": "customerID"');
    expect(notes).not.toContain('"table"');
    expect(notes).toContain('SQL:\nSELECT 1');
    expect(notes).toContain('telco.csv');
    expect(notes).not.toContain('Check before');
  });

  it('puts a degenerate result\'s warnings first in the speaker notes, in the deck\'s language', () => {
    const result = { warnings: [{ code: 'cohort.singleCohort', message: 'one cohort', params: { cohort: '2024-01' } }] };
    const en = slideNotes('cohort', { table: 't' }, 'SELECT 1', 'retail.csv', createI18n('en').t, result);
    expect(en.startsWith('Check before you rely on this result:\n• Every customer starts in the same period (2024-01): there is one cohort, nothing to compare.\n\n')).toBe(true);
    const zh = slideNotes('cohort', { table: 't' }, 'SELECT 1', 'retail.csv', createI18n('zh-CN').t, result);
    expect(zh.split('\n')[1]).toContain('只有一个同期群');
  });

  it('has a File menu command with a title in both languages', () => {
    const cmd = COMMANDS.find((c) => c.id === 'deck.export');
    expect(cmd?.menu?.id).toBe('file');
    expect(createI18n('en').t(cmd!.title)).toBe('Export Deck…');
    expect(createI18n('zh-CN').t(cmd!.title)).toBe('导出演示文稿…');
  });
});
