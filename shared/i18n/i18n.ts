import i18next, { type i18n as I18n } from 'i18next';
import { resources, type Language } from './resources';

/** A fresh i18next instance (UI, CLI and chart options share the same keys). */
export function createI18n(lng: Language = 'en'): I18n {
  const inst = i18next.createInstance();
  void inst.init({
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
