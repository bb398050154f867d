import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { toRows } from '../../../shared/engine/arrowRows';
import { isEffective, rangeKindFor, type GridFilter } from '../../../shared/grid/filterSpec';
import { nullCountSql, otherColumnsFilters, topValuesSql } from '../../../shared/grid/filterSql';
import type { GridColumn } from './gridSql';
import { useDismiss } from './useDismiss';

/** Values listed with checkboxes: the column's most frequent ones. */
export const TOP_VALUES = 20;
export const FILTER_POPOVER_PX = 300;

interface Props {
  engine: QueryEngine;
  /** The source as a FROM item (relationSql): values are counted over all its rows. */
  from: string;
  column: GridColumn;
  /** Every filter of the grid now: the column's own ones are its settings; the others narrow its values list. */
  filters: GridFilter[];
  left: number;
  top: number;
  onApply(filters: GridFilter[]): void;
  onClose(): void;
}

type NullMode = 'any' | 'null' | 'notNull';

interface TopValues {
  values: { value: string; n: number }[];
  /** Rows the other columns' filters keep (all rows when there are none). */
  rows: number;
  nulls: number;
  distinct: number;
}

/** The column's most frequent values and their counts among the rows the other columns' filters keep. */
function useTopValues(engine: QueryEngine, from: string, column: string, others: GridFilter[]): { data: TopValues | null; error: string | null } {
  const [state, setState] = useState<{ key: string; data?: TopValues; error?: string } | null>(null);
  const key = `${from}\u0000${column}\u0000${JSON.stringify(others)}`;
  useEffect(() => {
    let live = true;
    const filters: GridFilter[] = JSON.parse(key.split('\u0000')[2]);
    (async () => {
      const values = toRows<{ value: string; n: number }>(await engine.query(topValuesSql(from, column, TOP_VALUES, filters)));
      const s = toRows<{ rows: number; nulls: number; distinct_count: number }>(await engine.query(nullCountSql(from, column, filters)))[0];
      if (live) setState({ key, data: { values, rows: s.rows, nulls: s.nulls, distinct: s.distinct_count } });
    })().catch((err: unknown) => live && setState({ key, error: err instanceof Error ? err.message : String(err) }));
    return () => {
      live = false;
    };
  }, [engine, from, column, key]);
  const mine = state?.key === key ? state : null;
  return { data: mine?.data ?? null, error: mine?.error ?? null };
}

/** A number field's text → number (empty = open end); NaN when it is not a number. */
function parseBound(s: string): number | null {
  const x = s.trim();
  if (x === '') return null;
  return Number(x.replace(/,/g, ''));
}

/**
 * The filter card of one column (opened from the funnel in its header): a text, number or date
 * condition by the column's type, its most frequent values as checkboxes, and NULL / not NULL.
 * Apply replaces the column's filters; the grid runs them as SQL on the engine.
 */
export function FilterPopover({ engine, from, column, filters, left, top, onApply, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const kind = rangeKindFor(column.type);
  const current = filters.filter((f) => f.column === column.name);
  const others = otherColumnsFilters(filters, column.name);
  const find = <K extends GridFilter['kind']>(k: K) => current.find((f): f is Extract<GridFilter, { kind: K }> => f.kind === k);
  const text = find('text');
  const num = find('number');
  const date = find('date');
  const nul = find('null');
  const vals = find('values');
  const [textOp, setTextOp] = useState<'contains' | 'equals'>(text?.op ?? 'contains');
  const [textValue, setTextValue] = useState(text?.value ?? '');
  const [min, setMin] = useState(num?.min !== null && num?.min !== undefined ? String(num.min) : '');
  const [max, setMax] = useState(num?.max !== null && num?.max !== undefined ? String(num.max) : '');
  const [fromDate, setFromDate] = useState(date?.from ?? '');
  const [toDate, setToDate] = useState(date?.to ?? '');
  const [nullMode, setNullMode] = useState<NullMode>(nul ? (nul.isNull ? 'null' : 'notNull') : 'any');
  const [checked, setChecked] = useState<Set<string>>(() => new Set(vals?.values ?? []));
  const [nullChecked, setNullChecked] = useState(!!vals?.nulls);
  const tv = useTopValues(engine, from, column.name, others);
  // Picked values the other filters now leave out stay picked and listed (without a count) so they can be unticked.
  const unlisted = tv.data ? [...checked].filter((v) => !tv.data!.values.some((x) => x.value === v)) : [];
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  useDismiss(box, onClose, '.tn-grid-filter-btn');

  const lo = parseBound(min);
  const hi = parseBound(max);
  const badNumber = (lo !== null && !Number.isFinite(lo)) || (hi !== null && !Number.isFinite(hi));
  const badOrder = !badNumber && ((lo !== null && hi !== null && lo > hi) || (fromDate !== '' && toDate !== '' && fromDate > toDate));

  const build = (): GridFilter[] => {
    const c = column.name;
    const out: GridFilter[] = [];
    if (kind === 'number') out.push({ kind: 'number', column: c, min: lo, max: hi });
    else if (kind === 'date') out.push({ kind: 'date', column: c, from: fromDate || null, to: toDate || null });
    else out.push({ kind: 'text', column: c, op: textOp, value: textValue });
    // Keep the chosen values in the order the list shows them; ones no longer listed stay too.
    const listed = tv.data?.values.map((v) => v.value) ?? [];
    const picked = [...listed.filter((v) => checked.has(v)), ...[...checked].filter((v) => !listed.includes(v))];
    out.push({ kind: 'values', column: c, values: picked, nulls: nullChecked || undefined });
    if (nullMode !== 'any') out.push({ kind: 'null', column: c, isNull: nullMode === 'null' });
    return out.filter(isEffective);
  };
  const apply = () => {
    if (badNumber || badOrder) return;
    onApply(build());
  };
  const onEnter = (e: ReactKeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    }
  };
  const toggle = (v: string) =>
    setChecked((s) => {
      const next = new Set(s);
      if (next.has(v)) next.delete(v);
      else next.add(v);
      return next;
    });
  const maxCount = Math.max(1, ...(tv.data?.values.map((v) => v.n) ?? [1]));

  return (
    <div
      ref={box}
      className="tn-grid-popover tn-grid-filter"
      style={{ left, top, width: FILTER_POPOVER_PX }}
      role="dialog"
      aria-label={t('grid.filter.label', { column: column.name })}
      data-testid="grid-filter-popover"
      data-column={column.name}
    >
      <div className="tn-grid-popover-title">
        <span title={`${column.name}\n${column.type}`}>
          <span className="codicon codicon-filter" aria-hidden /> {column.name}
        </span>
        <button type="button" className="tn-grid-popover-close" title={t('grid.profile.close')} aria-label={t('grid.profile.close')} onClick={onClose}>
          <span className="codicon codicon-close" aria-hidden />
        </button>
      </div>

      {kind === 'text' && (
        <div className="tn-gf-section">
          <div className="tn-gf-row">
            <select className="input tn-gf-op" value={textOp} onChange={(e) => setTextOp(e.target.value as 'contains' | 'equals')} aria-label={t('grid.filter.textOp')} data-testid="filter-text-op">
              <option value="contains">{t('grid.filter.contains')}</option>
              <option value="equals">{t('grid.filter.equals')}</option>
            </select>
            <input className="input" value={textValue} autoFocus onChange={(e) => setTextValue(e.target.value)} onKeyDown={onEnter} placeholder={t('grid.filter.textShort')} title={t('grid.filter.textPlaceholder')} data-testid="filter-text" />
          </div>
        </div>
      )}
      {kind === 'number' && (
        <div className="tn-gf-section">
          <div className="tn-gf-caption">{t('grid.filter.range')}</div>
          <div className="tn-gf-row">
            <input className="input" inputMode="decimal" value={min} autoFocus onChange={(e) => setMin(e.target.value)} onKeyDown={onEnter} placeholder={t('grid.filter.min')} aria-label={t('grid.filter.min')} data-testid="filter-min" />
            <span className="tn-gf-dash">–</span>
            <input className="input" inputMode="decimal" value={max} onChange={(e) => setMax(e.target.value)} onKeyDown={onEnter} placeholder={t('grid.filter.max')} aria-label={t('grid.filter.max')} data-testid="filter-max" />
          </div>
        </div>
      )}
      {kind === 'date' && (
        <div className="tn-gf-section">
          <div className="tn-gf-caption">{t('grid.filter.dateRange')}</div>
          <div className="tn-gf-row">
            <input className="input" type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} onKeyDown={onEnter} aria-label={t('grid.filter.from')} title={t('grid.filter.from')} data-testid="filter-from" />
            <span className="tn-gf-dash">–</span>
            <input className="input" type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} onKeyDown={onEnter} aria-label={t('grid.filter.to')} title={t('grid.filter.to')} data-testid="filter-to" />
          </div>
        </div>
      )}
      {badNumber && <div className="tn-gf-error">{t('grid.filter.notNumber')}</div>}
      {badOrder && <div className="tn-gf-error">{t('grid.filter.badOrder')}</div>}

      <div className="tn-gf-section">
        <div className="tn-gf-caption">
          {tv.data && tv.data.distinct > tv.data.values.length
            ? t('grid.filter.topOf', { count: tv.data.values.length, total: fmt(tv.data.distinct) })
            : t('grid.filter.values')}
        </div>
        {others.length > 0 && tv.data && (
          <div className="tn-gf-narrowed" data-testid="filter-values-narrowed" title={t('grid.filter.narrowedHint')}>
            <span className="codicon codicon-filter" aria-hidden />
            <span>{t('grid.filter.narrowed', { count: tv.data.rows, rows: fmt(tv.data.rows), filters: others.length })}</span>
          </div>
        )}
        {tv.error && <div className="tn-gf-error">{tv.error}</div>}
        {!tv.data && !tv.error && <div className="tn-gf-muted">{t('grid.profile.pending')}</div>}
        {tv.data && (
          <ul className="tn-gf-values" data-testid="filter-values">
            {tv.data.values.map((v) => (
              <li key={v.value}>
                <label title={v.value}>
                  <input type="checkbox" checked={checked.has(v.value)} onChange={() => toggle(v.value)} />
                  <span className="tn-gf-value">{v.value === '' ? t('grid.filter.emptyText') : v.value}</span>
                  <span className="tn-gf-count">
                    <span className="tn-gf-bar" style={{ width: `${Math.round((v.n / maxCount) * 100)}%` }} />
                    <span>{fmt(v.n)}</span>
                  </span>
                </label>
              </li>
            ))}
            {unlisted.map((v) => (
              <li key={`unlisted:${v}`} className="tn-gf-unlisted">
                <label title={t('grid.filter.unlistedHint', { value: v })}>
                  <input type="checkbox" checked onChange={() => toggle(v)} />
                  <span className="tn-gf-value">{v === '' ? t('grid.filter.emptyText') : v}</span>
                  <span className="tn-gf-count">–</span>
                </label>
              </li>
            ))}
            {tv.data.nulls > 0 && (
              <li>
                <label>
                  <input type="checkbox" checked={nullChecked} onChange={() => setNullChecked((x) => !x)} />
                  <span className="tn-gf-value tn-null">{t('grid.null')}</span>
                  <span className="tn-gf-count">
                    <span>{fmt(tv.data.nulls)}</span>
                  </span>
                </label>
              </li>
            )}
          </ul>
        )}
      </div>

      <div className="tn-gf-section">
        <div className="tn-gf-caption">{t('grid.filter.empty')}</div>
        <div className="tn-gf-radios" role="radiogroup" aria-label={t('grid.filter.empty')}>
          {(['any', 'null', 'notNull'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name={`tn-gf-null-${column.name}`} checked={nullMode === m} onChange={() => setNullMode(m)} data-testid={`filter-null-${m}`} />
              {t(`grid.filter.nullMode.${m}`)}
            </label>
          ))}
        </div>
      </div>

      <div className="tn-gf-actions">
        <button type="button" className="button small secondary" onClick={() => onApply([])} disabled={current.length === 0} data-testid="filter-clear-column">
          {t('grid.filter.clearColumn')}
        </button>
        <button type="button" className="button small primary" onClick={apply} disabled={badNumber || badOrder} data-testid="filter-apply">
          {t('grid.filter.apply')}
        </button>
      </div>
    </div>
  );
}
