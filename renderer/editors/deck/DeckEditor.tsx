import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import type { EditorProps } from '../../workbench/editorRegistry';
import { useServices } from '../../workbench/services';
import { DeckItemRow } from './DeckItemRow';
import { errorText } from './errorText';
import { exportDeck } from './exportDeck';
import { moveItem, patchItem } from './items';
import { defaultDeckSubtitle, defaultDeckTitle, sourceLabel } from './sources';
import { useDeckItems } from './useDeckItems';
import { choicesOf, toStudyDeck } from './studyDeck';
import { useStudy } from '../../study/studyStore';
import { buildBrief } from '../../../shared/brief/buildBrief';
import { briefSlides } from '../../../shared/brief/slides';
import type { TFunction } from '../../../shared/i18n/i18n';
import { briefItems } from '../brief/briefItems';
import './deck.css';

type ExportState = { status: 'idle' } | { status: 'running'; done: number; total: number } | { status: 'done'; file: string } | { status: 'error'; message: string };

/** Editor kind 'deck' (command deck.export): pick, order and annotate the open analyses' charts, export a .pptx. */
export function DeckEditor({ tab }: EditorProps) {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  const sources = useWorkbench((s) => s.sources);
  const { items, setItems, loaded, state, reload, generated } = useDeckItems(tab.data.opened);
  // Title, subtitle and brief as the study's deck has them (null = the default, made anew each month).
  const [title, setTitle] = useState<string | null>(() => choicesOf(useStudy.getState().deck).title);
  const [subtitle, setSubtitle] = useState<string | null>(() => choicesOf(useStudy.getState().deck).subtitle);
  const [ex, setEx] = useState<ExportState>({ status: 'idle' });
  // The retention brief as the first slides (on by default once it has something to say).
  const [withBrief, setWithBrief] = useState(() => choicesOf(useStudy.getState().deck).brief);
  // The deck is part of the study: every choice here is saved, autosaved and reopened with it.
  useEffect(() => {
    if (state.status !== 'ready') return;
    const before = useStudy.getState().deck;
    const next = toStudyDeck(items, generated.current, { title, subtitle, brief: withBrief }, before);
    if (JSON.stringify(next) !== JSON.stringify(before)) useStudy.getState().set({ deck: next });
  }, [items, title, subtitle, withBrief, state.status, generated]);
  const lead = useMemo(() => {
    const tt = t as unknown as TFunction;
    const brief = buildBrief(briefItems(loaded.values()), tt);
    return brief.sections.length ? briefSlides(brief, tt, i18n.language) : [];
  }, [loaded, t, i18n.language]);
  const analyses = useMemo(() => [...loaded.values()].map((x) => x.analysis), [loaded]);
  const deckTitle = title ?? defaultDeckTitle(t, i18n.language);
  const deckSubtitle = subtitle ?? defaultDeckSubtitle(sources, analyses, t, i18n.language);
  const chosen = items.filter((x) => x.include).length;
  const briefCount = withBrief ? lead.length : 0;
  const failed = [...loaded.values()].filter((x) => x.error);
  const busy = ex.status === 'running' || state.status === 'loading';

  const run = async () => {
    setEx({ status: 'running', done: 0, total: chosen + 1 });
    try {
      const res = await exportDeck(host, {
        title: deckTitle.trim() || t('export.deckUi.defaultTitle'),
        subtitle: deckSubtitle.trim() || undefined,
        items,
        loaded,
        fileName: (table) => sourceLabel(sources, table, t),
        t,
        locale: i18n.language,
        lead: withBrief ? lead : [],
        onProgress: (done, total) => setEx({ status: 'running', done, total }),
      });
      if (res.saved) {
        setEx({ status: 'done', file: res.path ?? '' });
        useWorkbench.getState().notify('info', t('export.saved', { file: res.path ?? '' }));
      } else setEx({ status: 'idle' });
    } catch (err) {
      const message = errorText(i18n, err);
      setEx({ status: 'error', message });
      useWorkbench.getState().notify('error', t('export.deckUi.failed', { message }));
    }
  };

  return (
    <div className="tn-deck" data-testid="deck-editor" data-state={state.status}>
      <div className="tn-deck-dialog" role="dialog" aria-labelledby="tn-deck-heading">
        <h2 id="tn-deck-heading">{t('export.deckUi.title')}</h2>
        <p className="tn-deck-intro">{t('export.deckUi.intro')}</p>
        <label className="tn-deck-field">
          <span>{t('export.deckUi.deckTitle')}</span>
          <input type="text" value={deckTitle} onChange={(e) => setTitle(e.target.value)} data-testid="deck-title" />
        </label>
        <label className="tn-deck-field">
          <span>{t('export.deckUi.deckSubtitle')}</span>
          {/* Wraps and grows with its text (a long file list stays readable); one line on the slide, so no line breaks. */}
          <textarea
            rows={1}
            value={deckSubtitle}
            title={deckSubtitle}
            onChange={(e) => setSubtitle(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
            data-testid="deck-subtitle"
          />
        </label>
        {state.status === 'loading' && (
          <div className="tn-deck-status" data-testid="deck-loading">
            <span className="codicon codicon-loading codicon-modifier-spin" aria-hidden /> {t('export.deckUi.loading', { done: state.done, total: state.total })}
          </div>
        )}
        {failed.map((f) => (
          <div key={f.analysis.key} className="tn-deck-error" data-testid="deck-analysis-error">
            {t('export.deckUi.analysisFailed', { name: t(`export.deckUi.kind.${f.analysis.kind}`), message: f.error })}
          </div>
        ))}
        {state.status === 'ready' && lead.length > 0 && (
          <label className="tn-deck-brief">
            <input type="checkbox" checked={withBrief} disabled={busy} onChange={(e) => setWithBrief(e.target.checked)} data-testid="deck-brief" />
            <span>{t(lead.some((s) => s.table) ? 'export.deckUi.withBriefCallList' : 'export.deckUi.withBrief', { count: lead.length })}</span>
          </label>
        )}
        {state.status === 'ready' && !items.length && <div className="tn-deck-empty">{t('export.deckUi.empty')}</div>}
        {items.length > 0 && (
          <ol className="tn-deck-list" data-testid="deck-items">
            {items.map((item, i) => (
              <DeckItemRow
                key={item.id}
                item={item}
                first={i === 0}
                last={i === items.length - 1}
                disabled={busy}
                onChange={(patch) => setItems((xs) => patchItem(xs, item.id, patch))}
                onMove={(d) => setItems((xs) => moveItem(xs, xs.findIndex((x) => x.id === item.id), d))}
              />
            ))}
          </ol>
        )}
        <div className="tn-deck-footer">
          <button type="button" className="button secondary" onClick={reload} disabled={busy} data-testid="deck-reload">
            {t('export.deckUi.reload')}
          </button>
          <span className="tn-deck-count" data-testid="deck-count">
            {t('export.deckUi.count', { count: chosen })}
            {briefCount > 0 && ` ${t('export.deckUi.briefCount', { count: briefCount })}`}
          </span>
          <span className="spacer" />
          {ex.status === 'running' && (
            <span className="tn-deck-status" data-testid="deck-progress">
              <span className="codicon codicon-loading codicon-modifier-spin" aria-hidden /> {t('export.deckUi.exporting', { done: ex.done, total: ex.total })}
            </span>
          )}
          {ex.status === 'done' && (
            <span className="tn-deck-status" data-testid="deck-done">
              {t('export.saved', { file: ex.file })}
            </span>
          )}
          {ex.status === 'error' && (
            <span className="tn-deck-error" data-testid="deck-error">
              {t('export.deckUi.failed', { message: ex.message })}
            </span>
          )}
          <button type="button" className="button primary" disabled={busy || chosen + briefCount === 0} onClick={() => void run()} data-testid="deck-export">
            {t('export.deckUi.export')}
          </button>
        </div>
      </div>
    </div>
  );
}
