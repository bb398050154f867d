import { useTranslation } from 'react-i18next';
import type { AnalysisChange } from '../../../shared/study/whatChanged';
import { changeCells, changeColumns, changeTitle, figureLabel } from '../../../shared/study/changeText';
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
  const { t, i18n } = useTranslation();
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
        <TableCard
          key={c.id}
          testId={`changed-${c.id}`}
          title={changeTitle(c, t)}
          subtitle={c.title ? t(`workbench.changed.kind.${c.kind}`, { defaultValue: c.kind }) : undefined}
          columns={columns}
          rows={changeCells(c.rows, i18n.language, t)}
          exportData={{ columns: headers, rows: c.rows.map((r) => [figureLabel(r, t), r.before, r.after, r.diff]) }}
          format={(v) => String(v ?? '')}
          fileTitle={`${t('workbench.changed.title')} ${c.title || c.kind}`}
        />
      ))}
    </div>
  );
}
