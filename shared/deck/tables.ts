import type { Cell, TableData } from '../export/tableExport';
import type { DeckTable } from '../export/deck';

export type ColumnKind = 'text' | 'count' | 'share' | 'amount' | 'number';

/** A result table: raw values (numbers stay numbers for CSV/XLSX) plus how each column reads on a slide. */
export interface AnalysisTable extends TableData {
  kinds: ColumnKind[];
  /** The columns (indices) and rows that fit beside a chart on a slide; default all. */
  slide?: { columns: number[]; maxRows?: number };
}

function cell(v: Cell, kind: ColumnKind, locale: string): Cell {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v === null || v === undefined ? '–' : v;
  if (kind === 'share') return v.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (kind === 'count') return v.toLocaleString(locale, { maximumFractionDigits: 0 });
  if (kind === 'amount') return v.toLocaleString(locale, { maximumFractionDigits: Math.abs(v) >= 100 ? 0 : 2 });
  if (kind === 'number') return v.toLocaleString(locale, { maximumFractionDigits: 3 });
  return String(v);
}

/** Display width in Latin-character units (a CJK character is about two). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1.9 : 1;
  return w;
}

/**
 * Format for a slide: "53.6%", not 0.5360127; numbers right-aligned; column widths from the longest
 * cell (headers may wrap between words, cells should not); a smaller font for long tables.
 */
export function displayTable(t: AnalysisTable, locale = 'en'): DeckTable {
  const cols = t.slide?.columns ?? t.columns.map((_, i) => i);
  const rows = t.rows.slice(0, t.slide?.maxRows ?? t.rows.length);
  const body = rows.map((r) => cols.map((i) => cell(r[i], t.kinds[i] ?? 'text', locale)));
  const columns = cols.map((i) => t.columns[i]);
  const weights = cols.map((_, j) => {
    const header = Math.max(...columns[j].split(/\s+/).map(textWidth));
    const widest = Math.max(header * 1.15, ...body.map((r) => textWidth(String(r[j] ?? '')))); // headers are bold
    // + cell margins; long text may wrap (capped) so the number columns keep their room.
    return Math.min(22, Math.max(4, widest)) + 2.5;
  });
  return {
    columns,
    rows: body,
    weights,
    align: cols.map((i) => (t.kinds[i] === 'text' ? 'left' : 'right')),
    fontSize: 10,
  };
}
