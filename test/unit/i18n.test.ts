import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../shared/i18n/resources';
import { createI18n } from '../../shared/i18n/i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    const e = keys(en).sort();
    const z = keys(zhCN).sort();
    expect(z.filter((k) => !e.includes(k))).toEqual([]);
    expect(e.filter((k) => !z.includes(k))).toEqual([]);
  });

  it('no Chinese string is left in English or empty', () => {
    const flat = (o: unknown, p = ''): [string, unknown][] =>
      o && typeof o === 'object' ? Object.entries(o as object).flatMap(([k, v]) => flat(v, p ? `${p}.${k}` : k)) : [[p, o]];
    for (const [k, v] of flat(zhCN)) expect(typeof v === 'string' && v.length > 0, k).toBe(true);
  });

  it('translates in both languages', () => {
    expect(createI18n('en').t('common.appName')).toBe('Tenure');
    expect(createI18n('zh-CN').t('common.cancel')).toBe('取消');
  });
});
