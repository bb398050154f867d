import { useTranslation } from 'react-i18next';
import type { AnalysisChange, ChangeRow } from '../../../shared/study/whatChanged';
import type { EditorProps } from '../../workbench/editorRegistry';
import { TableCard } from '../analysis/TableCard';
import '../analysis/analysis.css';
import './changed.css';

type T = (k: string, o?: Record<string, unknown>) => string;

/** A figure as the tables show it: counts whole, shares in % (differences in points), numbers to 3 places. */
/** Enough decimals that a small change does not read as "±0" (from `min` up to 6); exactly 0 has no sign. */
function number(v: number, locale: string, min: number, signed: boolean): string {
  if (!signed) return v.toLocaleString(locale, { maximumFractionDigits: min });
  if (v === 0) return '0';
  let d = min;
  while (d < 6 && Math.abs(v) < 0.5 * 10 ** -d) d++;
  return (v > 0 ? '+' : '') + v.toLocaleString(locale, { maximumFractionDigits: d });
}

function show(v: number | string | null, format: ChangeRow['format'], locale: string, t: T, signed = false): string {
  if (v === null) return '—';
  if (typeof v === 'string') return t(`quadrant.zone.${v}`, { defaultValue: v });
  if (format === 'share') return signed ? t('workbench.changed.points', { value: number(v * 100, locale, 1, true) }) : `${number(v * 100, locale, 1, false)}%`;
  if (format === 'count') return number(v, locale, 0, signed);
  return number(v, locale, 3, signed);
}

function label(r: ChangeRow, t: T): string {
  const name = t(`workbench.changed.figure.${r.figure}`);
  if (r.subject === null) return name;
  return `${name} · ${r.subject === '' ? t('workbench.changed.missing') : r.subject}`;
}

/** "What changed": per analysis, its key figures on the old and the new data file and the difference. */
export function WhatChangedEditor({ tab }: EditorProps) {
  const { t, i18n } = useTranslation();
  const changes = (tab.data.changes ?? []) as AnalysisChange[];
  const before = String(tab.data.before ?? '');
  const after = String(tab.data.after ?? '');
  const columns = [
    { title: t('workbench.changed.figureColumn'), kind: 'text' as const },
    { title: t('workbench.changed.before', { file: before }), kind: 'amount' as const },
    { title: t('workbench.changed.after', { file: after }), kind: 'amount' as const },
    { title: t('workbench.changed.difference'), kind: 'amount' as const },
  ];
  return (
    <div className="tn-changed" data-testid="what-changed">
      <header className="tn-changed-header">
        <h2>{t('workbench.changed.title')}</h2>
        <p>{t('workbench.changed.intro', { before, after })}</p>
      </header>
      {changes.length === 0 && <p className="tn-an-empty">{t('workbench.changed.none')}</p>}
      {changes.map((c) => (
        <TableCard
          key={c.id}
          testId={`changed-${c.id}`}
          title={c.title || t(`workbench.changed.kind.${c.kind}`, { defaultValue: c.kind })}
          subtitle={c.title ? t(`workbench.changed.kind.${c.kind}`, { defaultValue: c.kind }) : undefined}
          columns={columns}
          rows={c.rows.map((r) => [label(r, t), show(r.before, r.format, i18n.language, t), show(r.after, r.format, i18n.language, t), r.diff === null ? '—' : show(r.diff, r.format, i18n.language, t, true)])}
          exportData={{ columns: columns.map((x) => x.title), rows: c.rows.map((r) => [label(r, t), r.before, r.after, r.diff]) }}
          format={(v) => String(v ?? '')}
          fileTitle={`${t('workbench.changed.title')} ${c.title || c.kind}`}
        />
      ))}
    </div>
  );
}
