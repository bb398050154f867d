import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { period } from '../../shared/analysis/risk/text';
import { createI18n } from '../../shared/i18n/i18n';
import { spaceInterpolated, zhSpacing } from '../../shared/i18n/zhSpacing';

describe('Chinese spacing around interpolated Latin names', () => {
  it('adds a space between a Latin or numeric value and the Han text beside it, nowhere else', () => {
    expect(spaceInterpolated('Revenue的前20%客户', { value: 'Revenue' })).toBe('Revenue 的前20%客户');
    expect(spaceInterpolated('按Contract分组', { group: 'Contract' })).toBe('按 Contract 分组');
    // Full-width punctuation and quotes keep no space; Chinese names are untouched.
    expect(spaceInterpolated('“Revenue”：合计', { value: 'Revenue' })).toBe('“Revenue”：合计');
    expect(spaceInterpolated('收入的分布', { value: '收入' })).toBe('收入的分布');
    // A mixed name gets a space only on its Latin edge.
    expect(spaceInterpolated('看月度ARPU值', { value: '月度ARPU' })).toBe('看月度ARPU 值');
    // Spaces already written by the translator are not doubled.
    expect(spaceInterpolated('按 Contract 分组', { group: 'Contract' })).toBe('按 Contract 分组');
  });

  it('applies to zh-CN translations through i18next, not to English', () => {
    const inst = i18next.createInstance();
    inst.use(zhSpacing);
    void inst.init({
      lng: 'zh-CN',
      initAsync: false,
      postProcess: ['zhSpacing'],
      interpolation: { escapeValue: false },
      resources: { 'zh-CN': { translation: { k: '{{value}}的前{{n}}名' } }, en: { translation: { k: 'top {{n}} of{{value}}' } } },
    });
    expect(inst.t('k', { value: 'Revenue', n: 20 })).toBe('Revenue 的前 20 名');
    expect(inst.t('k', { value: 'Revenue', n: 20, lng: 'en' })).toBe('top 20 ofRevenue');
  });

  it('the app’s own texts', () => {
    const zh = createI18n('zh-CN');
    const key = 'brief.when.stayGroups';
    expect(zh.exists(key)).toBe(true);
    expect(zh.t(key, { groups: 'Two year', period: '24个月' })).toBe('Two year 客户大多在 24个月的观察期后仍在网');
    expect(createI18n('en').t('workbench.explorer.renamed', { from: 'a', to: 'b' })).toBe('Renamed “a” to “b”.');
  });
});

describe('a time unit after a number in Chinese', () => {
  it('takes its measure word (12 个月后, not 12 月后 = after December); a bare unit label stays bare', () => {
    const zh = createI18n('zh-CN').t;
    const months = zh('survival.units.months');
    expect(months).toBe('月');
    expect(zh('export.finding.survivalOne', { share: 0.703, time: 12, timeUnit: months })).toBe('12 个月后仍有 70.3% 的客户留存');
    expect(zh('export.finding.hazard', { start: 6, end: 7, timeUnit: months, rate: 0.05 })).toContain('6–7 个月达到峰值');
    expect(zh('export.finding.survivalOne', { share: 0.5, time: 3, timeUnit: zh('survival.units.weeks') })).toBe('3 周后仍有 50% 的客户留存');
    expect(zh('cox.editor.predictedTable', { unit: months })).not.toContain('个月');
    // Value at risk's periods follow the same convention, wherever a sentence puts them.
    const risk = (count: number) => zh('risk.finding.headline', { period: period(zh, 'months', count), value: 'CLTV', amount: 1_230_000, share: 0.067 });
    expect(risk(6)).toBe('未来 6 个月内预计流失的 CLTV 为 123万，占在网客户价值的 6.7%');
    expect(zh('risk.window.within', { period: period(zh, 'weeks', 4) })).toBe('4 周内');
    expect(period(zh, 'hours', 3)).toBe('3 hours');
    // Two sentences: directly after 。 in Chinese, a space in English; lists with 、.
    expect(zh('export.deck.twoSentences', { first: '一致性指数 0.828）。', second: 'Contract 不满足' })).toBe('一致性指数 0.828）。Contract 不满足');
    expect(createI18n('en').t('export.deck.twoSentences', { first: 'C 0.828).', second: 'Contract fails.' })).toBe('C 0.828). Contract fails.');
    expect(['Contract', 'Internet Service'].join(zh('export.deck.listSeparator'))).toBe('Contract、Internet Service');
    const en = createI18n('en').t;
    expect(en('export.finding.survivalOne', { share: 0.703, time: 12, timeUnit: en('survival.units.months') })).toBe('70.3% of customers remain after 12 months');
  });
});
