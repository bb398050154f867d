import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  count(v: number): string;
  share(v: number | null): string;
  amount(v: number | null): string;
}

/** Number formats in the UI language (grouping, decimals), one set per language. */
export function formatters(lang: string): Formatters {
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const amount = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return {
    count: (v) => count.format(v),
    share: (v) => (v === null || !Number.isFinite(v) ? '–' : share.format(v)),
    amount: (v) => (v === null || !Number.isFinite(v) ? '–' : amount.format(v)),
  };
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
