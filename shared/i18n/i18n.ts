import i18next, { type i18n as I18n } from 'i18next';
import { resources, type Language } from './resources';
import { zhSpacing } from './zhSpacing';

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
  return inst;
}

export type TFunction = I18n['t'];
