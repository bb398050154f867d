import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisChange } from '../../../shared/study/whatChanged';
import { changeCells, changeColumns, changeTitle, figureLabel, type ChangesView } from '../../../shared/study/changeText';
import { changesFigureOption } from '../../../shared/study/changeFigure';
import { PRESETS } from '../../../shared/export/exportSizes';
import type { ChartTheme } from '../../../shared/charts/theme';
import { ChartExportMenu } from '../../charts/ChartExportMenu';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useWorkbench } from '../../store/workbenchStore';
import { useStudy } from '../../study/studyStore';
import { withChanges } from '../deck/studyDeck';
import { TableCard } from '../analysis/TableCard';
import '../analysis/analysis.css';
import './changed.css';

/**
 * "What changed": per analysis, its key figures on the old and the new data file and the difference.
 * The figures live in the tab (the old file's results cannot be recomputed), so a saved study reopens the
 * view as it was; "Add to deck" puts the same tables on slides.
 */
export function WhatChangedEditor({ tab }: EditorProps) {
  const { t } = useTranslation();
  const changes = (tab.data.changes ?? []) as AnalysisChange[];
  const before = String(tab.data.before ?? '');
  const after = String(tab.data.after ?? '');
  const withRows = changes.filter((c) => c.rows.length);
  const headers = changeColumns({ before, after }, t);
  const columns = headers.map((title, i) => ({ title, kind: i ? ('amount' as const) : ('text' as const) }));

  const addToDeck = () => {
    const st = useStudy.getState();
    st.set({ deck: withChanges(st.deck, withRows.map((c) => ({ id: c.id, changes: { before, after, kind: c.kind, title: c.title, rows: c.rows } }))) });
    const wb = useWorkbench.getState();
    wb.openEditor({ id: 'deck', kind: 'deck', data: {} });
    wb.updateTabData('deck', { opened: Date.now() });
    wb.notify('info', t('workbench.changed.addedToDeck', { count: withRows.length }));
  };

  return (
    <div className="tn-changed" data-testid="what-changed">
      <header className="tn-changed-header">
        <div>
          <h2>{t('workbench.changed.title')}</h2>
          <p>{t('workbench.changed.intro', { before, after })}</p>
        </div>
        {withRows.length > 0 && (
          <button type="button" className="button secondary small" onClick={addToDeck} data-testid="changed-add-to-deck">
            <span className="codicon codicon-add" aria-hidden /> {t('workbench.changed.addToDeck')}
          </button>
        )}
      </header>
      {changes.length === 0 && <p className="tn-an-empty">{t('workbench.changed.none')}</p>}
      {changes.map((c) => (
        <ChangeCard key={c.id} view={{ before, after, change: c }} id={c.id} columns={columns} headers={headers} />
      ))}
    </div>
  );
}

/** One analysis's figures: the table, CSV/XLSX of the raw values, and PNG/SVG/Copy of the same table as a picture. */
function ChangeCard({ view, id, columns, headers }: { view: ChangesView; id: string; columns: { title: string; kind: 'text' | 'amount' }[]; headers: string[] }) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const c = view.change;
  const fileTitle = `${t('workbench.changed.title')} ${c.title || c.kind}`;
  const lang = i18n.language;
  // Laid out again off-screen for the size picked in the menu, with the slide theme, like every chart.
  const build = useCallback((theme: ChartTheme, size?: { width: number; height: number }) => changesFigureOption(view, lang, t, theme, size ?? PRESETS.slide16x9), [view, lang, t]);
  const viewSize = useCallback(() => {
    const r = box.current?.getBoundingClientRect();
    return { width: Math.max(100, Math.round(r?.width ?? 960)), height: Math.max(100, Math.round(r?.height ?? 540)) };
  }, []);
  return (
    <div ref={box}>
      <TableCard
        testId={`changed-${id}`}
        title={changeTitle(c, t)}
        subtitle={c.title ? t(`workbench.changed.kind.${c.kind}`, { defaultValue: c.kind }) : undefined}
        columns={columns}
        rows={changeCells(c.rows, lang, t)}
        exportData={{ columns: headers, rows: c.rows.map((r) => [figureLabel(r, t), r.before, r.after, r.diff]) }}
        format={(v) => String(v ?? '')}
        fileTitle={fileTitle}
        actions={<ChartExportMenu build={build} title={fileTitle} viewSize={viewSize} label={t('export.chart.image')} />}
      />
    </div>
  );
}
