import type { DeckSlide, DeckTable } from '../export/deck';
import type { AnalysisChange, ChangeRow } from './whatChanged';

type T = (k: string, o?: Record<string, unknown>) => string;

/** A comparison as the workbench view, a slide and the CLI show it: which files, which analysis, its figures. */
export interface ChangesView {
  before: string;
  after: string;
  change: Pick<AnalysisChange, 'kind' | 'title' | 'rows'>;
}

/** Decimals `v` needs when rounded to `max` places (16,056,168.70 → 1; 0.536 → 3). */
function decimalsOf(v: number, max: number): number {
  const fixed = v.toFixed(max);
  const frac = fixed.split('.')[1] ?? '';
  return frac.replace(/0+$/, '').length;
}

/**
 * Enough decimals that a small change does not read as "±0" (from `min` up to 6); exactly 0 has no sign.
 * Unsigned, `fixed` decimals exactly (before and after of one figure read alike), else up to `min`.
 */
function number(v: number, locale: string, min: number, signed: boolean, fixed?: number): string {
  if (!signed) return v.toLocaleString(locale, fixed === undefined ? { maximumFractionDigits: min } : { minimumFractionDigits: fixed, maximumFractionDigits: fixed });
  if (v === 0) return '0';
  let d = min;
  while (d < 6 && Math.abs(v) < 0.5 * 10 ** -d) d++;
  return (v > 0 ? '+' : '') + v.toLocaleString(locale, { maximumFractionDigits: d });
}

/**
 * A figure as the tables show it: counts whole, shares in % (differences in points), numbers to 3 places.
 * `decimals` fixes the places of a share or number (the same for the before and after of a row).
 */
export function showFigure(v: number | string | null, format: ChangeRow['format'], locale: string, t: T, signed = false, decimals?: number): string {
  if (v === null) return '—';
  if (typeof v === 'string') return t(`quadrant.zone.${v}`, { defaultValue: v });
  if (format === 'share') return signed ? t('workbench.changed.points', { value: number(v * 100, locale, 1, true) }) : `${number(v * 100, locale, 1, false, decimals)}%`;
  if (format === 'count') return number(v, locale, 0, signed);
  return number(v, locale, 3, signed, decimals);
}

/** The places both sides of a share or number row are shown with: as many as the more precise side needs. */
function rowDecimals(r: ChangeRow): number | undefined {
  if (r.format !== 'share' && r.format !== 'number') return undefined;
  const [max, scale] = r.format === 'share' ? [1, 100] : [3, 1];
  const sides = [r.before, r.after].filter((x): x is number => typeof x === 'number');
  return sides.length ? Math.max(...sides.map((x) => decimalsOf(x * scale, max))) : undefined;
}

export function figureLabel(r: ChangeRow, t: T): string {
  // The subject of a zone count is the zone itself, named in the UI language.
  if (r.figure === 'zoneCount') return t('workbench.changed.figure.zoneCount', { zone: t(`quadrant.zone.${r.subject}`) });
  const name = t(`workbench.changed.figure.${r.figure}`);
  if (r.subject === null) return name;
  return `${name} · ${r.subject === '' ? t('workbench.changed.missing') : r.subject}`;
}

export function changeColumns(v: Pick<ChangesView, 'before' | 'after'>, t: T): string[] {
  return [t('workbench.changed.figureColumn'), t('workbench.changed.before', { file: v.before }), t('workbench.changed.after', { file: v.after }), t('workbench.changed.difference')];
}

/** The rows as text: figure, before, after, difference. */
export function changeCells(rows: ChangeRow[], locale: string, t: T): string[][] {
  return rows.map((r) => {
    const d = rowDecimals(r);
    return [figureLabel(r, t), showFigure(r.before, r.format, locale, t, false, d), showFigure(r.after, r.format, locale, t, false, d), r.diff === null ? '—' : showFigure(r.diff, r.format, locale, t, true)];
  });
}

/** The analysis a comparison is about: its own title, else what kind of analysis it is. */
export function changeTitle(c: ChangesView['change'], t: T): string {
  return c.title || t(`workbench.changed.kind.${c.kind}`, { defaultValue: c.kind });
}

/** Slides show 14 rows at most (a survival comparison by many groups is cut; the view and its CSV have them all). */
const SLIDE_ROWS = 14;

/** The comparison as a slide: "What changed: <analysis>", the table of figures, the files as the takeaway. */
export function changesSlide(v: ChangesView, locale: string, t: T): DeckSlide {
  const rows = changeCells(v.change.rows.slice(0, SLIDE_ROWS), locale, t);
  const table: DeckTable = { columns: changeColumns(v, t), rows, weights: [16, 10, 10, 8], align: ['left', 'right', 'right', 'right'], fontSize: rows.length > 9 ? 10 : 12 };
  return {
    title: t('workbench.changed.slideTitle', { analysis: changeTitle(v.change, t) }),
    takeaway: t('workbench.changed.intro', { before: v.before, after: v.after }),
    notes: changeCells(v.change.rows, locale, t)
      .map((r) => r.join(' | '))
      .join('\n'),
    table,
  };
}
