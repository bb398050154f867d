import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildBrief, briefText } from '../../../shared/brief/buildBrief';
import { displayTable } from '../../../shared/deck/tables';
import type { TFunction } from '../../../shared/i18n/i18n';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../../workbench/editorRegistry';
import { showSqlInEditor } from '../analysis';
import { errorText } from '../deck/errorText';
import { useDeckItems } from '../deck/useDeckItems';
import { briefItems, revealTab } from './briefItems';
import { TextTableView } from '../survival/TextTableView';
import '../deck/deck.css';
import './brief.css';

/**
 * Editor kind 'brief' (command brief.open): the retention brief of the open analyses in plain sentences,
 * each with a link to its analysis and its SQL; missing analyses as suggestions; the call list's top 10.
 */
export function BriefEditor({ tab }: EditorProps) {
  const { t: tr, i18n } = useTranslation();
  const t = tr as unknown as TFunction;
  const { loaded, state, reload } = useDeckItems(tab.data.opened);
  const brief = useMemo(() => buildBrief(briefItems(loaded.values()), t), [loaded, t]);
  const failed = [...loaded.values()].filter((x) => x.error);
  const calls = brief.callList ? displayTable(brief.callList.table, i18n.language) : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(briefText(brief, t));
      useWorkbench.getState().notify('info', t('brief.editor.copied'));
    } catch (err) {
      useWorkbench.getState().notify('error', errorText(i18n, err));
    }
  };
  const openDeck = () => {
    const st = useWorkbench.getState();
    st.openEditor({ id: 'deck', kind: 'deck', data: {} });
    st.updateTabData('deck', { opened: Date.now() });
  };
  return (
    <div className="tn-deck tn-brief" data-testid="brief-editor" data-state={state.status} data-lang={i18n.language}>
      <article className="tn-deck-dialog tn-brief-page">
        <header className="tn-brief-header">
          <h2>{brief.title}</h2>
          <span className="spacer" />
          <button type="button" className="button secondary small" onClick={reload} disabled={state.status === 'loading'} data-testid="brief-reload">
            {t('brief.editor.reload')}
          </button>
          <button type="button" className="button secondary small" onClick={() => void copy()} disabled={!brief.sections.length} data-testid="brief-copy">
            {t('brief.editor.copy')}
          </button>
          <button type="button" className="button primary small" onClick={openDeck} disabled={!brief.sections.length} data-testid="brief-deck">
            {t('brief.editor.export')}
          </button>
        </header>
        <p className="tn-deck-intro">{t('brief.editor.intro')}</p>
        {state.status === 'loading' && (
          <div className="tn-deck-status" data-testid="brief-loading">
            <span className="codicon codicon-loading codicon-modifier-spin" aria-hidden /> {t('brief.editor.loading', { done: state.done, total: state.total })}
          </div>
        )}
        {failed.map((f) => (
          <div key={f.analysis.key} className="tn-deck-error">
            {t('brief.editor.failed', { name: t(`export.deckUi.kind.${f.analysis.kind}`), message: f.error })}
          </div>
        ))}
        {state.status === 'ready' && !brief.sections.length && <div className="tn-deck-empty">{t('brief.editor.empty')}</div>}
        {brief.sections.map((s) => (
          <section key={s.topic} className="tn-brief-section" data-testid="brief-section" data-topic={s.topic}>
            <h3>{s.heading}</h3>
            <ul>
              {s.sentences.map((x, i) => (
                <li key={i} data-testid="brief-sentence" data-kind={x.source.kind}>
                  <span className="tn-brief-text">{x.text}</span>
                  <span className="tn-brief-links">
                    <button type="button" className="tn-an-link" title={t('brief.editor.open')} onClick={() => revealTab(x.source.id)} data-testid="brief-open">
                      <span className="codicon codicon-go-to-file" aria-hidden />
                      {t(`export.deckUi.kind.${x.source.kind}`, { defaultValue: x.source.kind })}
                    </button>
                    {x.sql && (
                      <button type="button" className="tn-an-link" title={t('export.analysis.showSqlHint')} onClick={() => showSqlInEditor(x.sql, `${brief.title}: ${x.text}`)} data-testid="brief-sql">
                        <span className="codicon codicon-code" aria-hidden />
                        {t('export.analysis.showSql')}
                      </button>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {calls && brief.callList && (
          <section className="tn-brief-section" data-testid="brief-calls">
            <h3>{brief.callList.title}</h3>
            <TextTableView table={{ columns: calls.columns, numeric: calls.columns.map((_, i) => calls.align?.[i] === 'right'), rows: calls.rows.map((r) => r.map((v) => String(v ?? ''))) }} />
            <p className="tn-brief-note">{brief.callList.note}</p>
          </section>
        )}
        {brief.suggestions.length > 0 && state.status === 'ready' && (
          <section className="tn-brief-section tn-brief-suggestions" data-testid="brief-suggestions">
            <h3>{t('brief.editor.suggestions')}</h3>
            <ul>
              {brief.suggestions.map((s) => (
                <li key={s.kind} data-kind={s.kind}>
                  <span className="codicon codicon-add" aria-hidden /> {s.text}
                </li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </div>
  );
}
