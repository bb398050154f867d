import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toRows } from '../../../shared/engine/arrowRows';
import { qi } from '../../../shared/engine/sqlQuote';
import { useServices } from '../../workbench/services';
import type { ColumnInfo } from '../../../shared/import/importFile';
import { typeKind, type TypeKind } from './columnTypes';
import { Field } from './AnalysisLayout';
import { useTable, useTables } from './useTables';

export interface Option<V extends string> {
  value: V;
  label: string;
}

/** A native select (keyboard and screen-reader friendly, themed by the workbench CSS). */
export function Select<V extends string>({ label, value, options, onChange, hint, testId }: { label: string; value: V; options: Option<V>[]; onChange(v: V): void; hint?: string; testId?: string }) {
  const id = useId();
  return (
    <Field label={label} hint={hint} htmlFor={id}>
      <select id={id} className="tn-an-select" value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A number with bounds; the text may be mid-edit ("0.") so the last valid number is what reaches the spec. */
export function NumberField({ label, value, onChange, min, max, step, hint, percent, testId }: { label: string; value: number; onChange(v: number): void; min?: number; max?: number; step?: number; hint?: string; percent?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const shown = percent ? round(value * 100) : value;
  const [text, setText] = useState(String(shown));
  useEffect(() => setText((old) => (Number(old) === shown ? old : String(shown))), [shown]);
  const n = Number(text);
  const lo = min === undefined ? undefined : percent ? min * 100 : min;
  const hi = max === undefined ? undefined : percent ? max * 100 : max;
  const error = text.trim() === '' || !Number.isFinite(n) ? t('export.analysis.invalidNumber') : (lo !== undefined && n < lo) || (hi !== undefined && n > hi) ? t('export.analysis.outOfRange', { min: lo, max: hi }) : null;
  return (
    <Field label={label} hint={hint} error={error} htmlFor={id}>
      <div className="tn-an-number">
        <input
          id={id}
          className="input"
          type="number"
          inputMode="decimal"
          value={text}
          min={lo}
          max={hi}
          step={step ?? (percent ? 1 : undefined)}
          data-testid={testId}
          onChange={(e) => {
            setText(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value.trim() !== '' && Number.isFinite(v) && (lo === undefined || v >= lo) && (hi === undefined || v <= hi)) onChange(percent ? round(v / 100, 6) : v);
          }}
        />
        {percent && <span className="tn-an-suffix">%</span>}
      </div>
    </Field>
  );
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function Checkbox({ label, checked, onChange, hint, testId }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: string; testId?: string }) {
  return (
    <div className="tn-an-field">
      <label className="tn-an-check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
        <span>{label}</span>
      </label>
      {hint && <div className="tn-an-hint">{hint}</div>}
    </div>
  );
}

/** The user's own SQL (a WHERE condition or a value expression): monospace, placed in parentheses by the analysis. */
export function SqlFragmentField({ label, value, onChange, placeholder, hint, rows = 2, testId }: { label: string; value: string; onChange(v: string): void; placeholder?: string; hint?: string; rows?: number; testId?: string }) {
  const id = useId();
  return (
    <Field label={label} hint={hint} htmlFor={id}>
      <textarea id={id} className="tn-an-sql" rows={rows} spellCheck={false} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </Field>
  );
}

export function TypeBadge({ type }: { type: string }) {
  return <span className={`tn-an-type ${typeKind(type)}`}>{type}</span>;
}

/** Every table in the Explorer. */
export function TablePicker({ label, value, onChange, testId }: { label?: string; value: string; onChange(v: string): void; testId?: string }) {
  const { t } = useTranslation();
  const tables = useTables();
  const id = useId();
  const known = tables.some((x) => x.name === value);
  return (
    <Field label={label ?? t('export.analysis.table')} htmlFor={id}>
      <select id={id} className="tn-an-select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {!known && <option value={value}>{value || t('export.analysis.chooseColumn')}</option>}
        {tables.map((x) => (
          <option key={x.name} value={x.name}>
            {x.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

function columnsOf(columns: ColumnInfo[] | undefined, accept?: TypeKind[]): ColumnInfo[] {
  const kept = (columns ?? []).filter((c) => !accept || accept.includes(typeKind(c.type)));
  // The families in the order asked for: e.g. real dates before text that may hold dates.
  return accept ? kept.map((c, i) => ({ c, i, k: accept.indexOf(typeKind(c.type)) })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.c) : kept;
}

/** Picker options, grouped by type family when more than one family is offered (dates, then text…). */
function columnOptions(cols: ColumnInfo[], accept: TypeKind[] | undefined, t: (k: string) => string) {
  const option = (c: ColumnInfo) => (
    <option key={c.name} value={c.name}>
      {`${c.name} · ${c.type}`}
    </option>
  );
  const kinds = [...new Set(cols.map((c) => typeKind(c.type)))];
  if (!accept || kinds.length < 2) return cols.map(option);
  return kinds.map((k) => (
    <optgroup key={k} label={t(`export.analysis.typeGroup.${k}`)}>
      {cols.filter((c) => typeKind(c.type) === k).map(option)}
    </optgroup>
  ));
}

/**
 * One column of a table, its type shown once, in the option's text (so the open list shows it too);
 * `accept` limits the list to type families
 * (e.g. numbers for a value). `emptyLabel` adds a "none" entry for optional columns.
 */
export function ColumnPicker({ label, table, value, onChange, accept, emptyLabel, hint, testId }: { label: string; table: string; value: string | null; onChange(v: string | null): void; accept?: TypeKind[]; emptyLabel?: string; hint?: string; testId?: string }) {
  const { t } = useTranslation();
  const info = useTable(table);
  const id = useId();
  const cols = useMemo(() => columnsOf(info?.columns, accept), [info, accept]);
  return (
    <Field label={label} hint={hint} htmlFor={id}>
      <div className="tn-an-column">
        <select id={id} className="tn-an-select" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid={testId}>
          <option value="">{emptyLabel ?? t('export.analysis.chooseColumn')}</option>
          {value && !cols.some((c) => c.name === value) && <option value={value}>{value}</option>}
          {columnOptions(cols, accept, t)}
        </select>
      </div>
    </Field>
  );
}

/** Several columns (checkbox list with types), e.g. the attributes of a quadrant analysis. */
export function MultiColumnPicker({ label, table, value, onChange, accept, hint, testId }: { label: string; table: string; value: string[]; onChange(v: string[]): void; accept?: TypeKind[]; hint?: string; testId?: string }) {
  const { t } = useTranslation();
  const info = useTable(table);
  const cols = useMemo(() => columnsOf(info?.columns, accept), [info, accept]);
  const toggle = (name: string, on: boolean) => onChange(on ? [...value.filter((v) => v !== name), name] : value.filter((v) => v !== name));
  return (
    <Field label={`${label} · ${t('export.analysis.selected', { count: value.length })}`} hint={hint}>
      <div className="tn-an-checklist" data-testid={testId}>
        {cols.map((c) => (
          <label key={c.name} className="tn-an-check">
            <input type="checkbox" checked={value.includes(c.name)} onChange={(e) => toggle(c.name, e.target.checked)} />
            <span className="tn-an-check-name">{c.name}</span>
            <TypeBadge type={c.type} />
          </label>
        ))}
      </div>
    </Field>
  );
}

const MAX_VALUES = 200;

/** Distinct values of a column (most frequent first, read with SQL), picked with checkboxes. */
export function ValuePicker({ label, table, column, value, onChange, hint, testId }: { label: string; table: string; column: string | null; value: string[]; onChange(v: string[]): void; hint?: string; testId?: string }) {
  const { t } = useTranslation();
  const { engine } = useServices();
  const [values, setValues] = useState<{ v: string | null; n: number }[] | null>(null);
  useEffect(() => {
    if (!table || !column) {
      setValues([]);
      return;
    }
    let live = true;
    setValues(null);
    const sql = `SELECT CAST(${qi(column)} AS VARCHAR) AS v, count(*) AS n FROM ${qi(table)} GROUP BY 1 ORDER BY n DESC, v LIMIT ${MAX_VALUES + 1}`;
    engine
      .query(sql)
      .then((r) => live && setValues(toRows<{ v: string | null; n: number }>(r)))
      .catch(() => live && setValues([]));
    return () => {
      live = false;
    };
  }, [engine, table, column]);
  const toggle = (v: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <Field label={label} hint={values && values.length > MAX_VALUES ? t('export.analysis.moreValues', { count: MAX_VALUES }) : hint}>
      <div className="tn-an-checklist" data-testid={testId}>
        {values === null && <div className="tn-an-hint">{t('export.analysis.loadingValues')}</div>}
        {values?.length === 0 && <div className="tn-an-hint">{t('export.analysis.noValues')}</div>}
        {values?.slice(0, MAX_VALUES).map(({ v, n }) =>
          v === null ? null : (
            <label key={v} className="tn-an-check">
              <input type="checkbox" checked={value.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
              <span className="tn-an-check-name">{v}</span>
              <span className="tn-an-count">{n.toLocaleString()}</span>
            </label>
          ),
        )}
      </div>
    </Field>
  );
}
