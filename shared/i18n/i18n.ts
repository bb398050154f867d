import i18next, { type i18n as I18n } from 'i18next';
import { resources, type Language } from './resources';
import { zhSpacing } from './zhSpacing';

/**
 * A time unit after a number in Chinese takes its measure word: "12 个月后", never "12 月后" (after
 * December) or "6–7 月" (June–July). Used as `{{timeUnit, countUnit}}` where a count precedes the unit;
 * a unit on its own ("时间（月）") stays bare. Other words and languages pass through.
 */
const COUNT_UNITS: Record<string, string> = { 月: '个月', 季度: '个季度', 小时: '个小时' };

/** A fresh i18next instance (UI, CLI and chart options share the same keys). */
export function createI18n(lng: Language = 'en'): I18n {
  const inst = i18next.createInstance();
  inst.use(zhSpacing);
  void inst.init({
    // Chinese: a space between an interpolated Latin name and the Han text beside it (zhSpacing.ts).
    postProcess: ['zhSpacing'],
    lng,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  inst.services.formatter?.add('countUnit', (value: unknown) => (typeof value === 'string' ? (COUNT_UNITS[value] ?? value) : String(value)));
  return inst;
}

export type TFunction = I18n['t'];
