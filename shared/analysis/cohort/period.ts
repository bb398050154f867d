import type { Period } from './spec';

/**
 * Periods as consecutive integers so offsets are plain differences: month = year·12 + month − 1,
 * quarter = year·4 + quarter − 1, week = Monday-weeks since Monday 1970-01-05.
 */
export function periodIndexSql(ts: string, period: Period): string {
  if (period === 'month') return `(year(${ts}) * 12 + month(${ts}) - 1)`;
  if (period === 'quarter') return `(year(${ts}) * 4 + quarter(${ts}) - 1)`;
  return `(date_diff('day', DATE '1970-01-05', CAST(date_trunc('week', ${ts}) AS DATE)) // 7)`;
}

/** Label of a period index: 2010-12, 2011-Q1, or the Monday of the week (2011-01-03). */
export function periodLabel(index: number, period: Period): string {
  if (period === 'month') return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  if (period === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return new Date(Date.UTC(1970, 0, 5 + index * 7)).toISOString().slice(0, 10);
}

/** The first day (UTC, yyyy-mm-dd) after a period: a period is complete when the data reach the day before. */
export function periodEndExclusive(index: number, period: Period): string {
  if (period === 'month') return new Date(Date.UTC(Math.floor((index + 1) / 12), (index + 1) % 12, 1)).toISOString().slice(0, 10);
  if (period === 'quarter') return new Date(Date.UTC(Math.floor((index + 1) / 4), ((index + 1) % 4) * 3, 1)).toISOString().slice(0, 10);
  return new Date(Date.UTC(1970, 0, 5 + (index + 1) * 7)).toISOString().slice(0, 10);
}

/** Whether data ending on `lastDate` (yyyy-mm-dd) cover the whole period `index`. */
export function periodComplete(index: number, period: Period, lastDate: string): boolean {
  const end = new Date(`${periodEndExclusive(index, period)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return lastDate >= end.toISOString().slice(0, 10);
}
