/**
 * Chinese typesetting puts a space between Han characters and Latin words or digits ("Revenue 的
 * 前 20%"); translators write those spaces in the texts, but a name interpolated at run time
 * ({{value}}的) would touch the Han character next to it. This adds the space at the edges of
 * interpolated values only, never inside the translators' text.
 */
const HAN = String.raw`\p{Script=Han}`;
const LATIN_EDGE = /[\p{Script=Latin}\p{Nd}%)\]]/u;
/** Options of `t` that are not interpolation values. */
const NOT_VALUES = new Set(['lng', 'lngs', 'ns', 'defaultValue', 'context', 'count', 'ordinal', 'fallbackLng', 'keySeparator', 'nsSeparator', 'postProcess', 'interpolation', 'replace', 'returnObjects', 'joinArrays']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `text` with a space between each interpolated Latin-edged value and a Han character beside it. */
export function spaceInterpolated(text: string, values: Record<string, unknown>): string {
  const names = [
    ...new Set(
      Object.entries(values)
        .filter(([k, v]) => !NOT_VALUES.has(k) && (typeof v === 'string' || typeof v === 'number'))
        .map(([, v]) => String(v))
        .filter((v) => v.trim() !== '' && /[\p{Script=Latin}\p{Nd}]/u.test(v)),
    ),
  ].sort((a, b) => b.length - a.length);
  let out = text;
  for (const name of names) {
    const e = escapeRegExp(name);
    if (LATIN_EDGE.test(name[0])) out = out.replace(new RegExp(String.raw`(?<=${HAN})(?=${e})`, 'gu'), ' ');
    if (LATIN_EDGE.test(name[name.length - 1])) out = out.replace(new RegExp(String.raw`(?<=${e})(?=${HAN})`, 'gu'), ' ');
  }
  return out;
}

/** i18next post-processor applying `spaceInterpolated` in Chinese. */
export const zhSpacing = {
  type: 'postProcessor' as const,
  name: 'zhSpacing',
  process(value: string, _key: string | string[], options: Record<string, unknown>, translator: { language?: string }): string {
    const lng = typeof options.lng === 'string' ? options.lng : translator.language;
    if (typeof value !== 'string' || !lng?.startsWith('zh')) return value;
    const values = { ...options, ...((options.replace as Record<string, unknown> | undefined) ?? {}) };
    return spaceInterpolated(value, values);
  },
};
