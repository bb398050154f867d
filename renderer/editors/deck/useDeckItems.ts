import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';
import { allTables } from '../../store/sourcesSlice';
import { useServices } from '../../workbench/services';
import { errorText } from './errorText';
import { mergeItems, type DeckItem } from './items';
import { useStudy } from '../../study/studyStore';
import { applyStudyDeck, changesItems } from './studyDeck';
import { analysisResult, itemsFor, type LoadedAnalysis } from './model';
import { openAnalyses } from './sources';

export type LoadState = { status: 'loading'; done: number; total: number } | { status: 'ready' };

/** Read the open analysis editors, take each one's result (computing only what has none), list their charts. Reloads on `nonce`. */
export function useDeckItems(nonce: unknown) {
  const { t, i18n } = useTranslation();
  const { engine } = useServices();
  const [items, setItems] = useState<DeckItem[]>([]);
  const [loaded, setLoaded] = useState<Map<string, LoadedAnalysis>>(new Map());
  const [state, setState] = useState<LoadState>({ status: 'loading', done: 0, total: 0 });
  const prev = useRef<DeckItem[]>([]);
  prev.current = items;
  // The takeaways as generated last time: an item whose takeaway still equals it was not edited.
  const generated = useRef(new Map<string, string>());
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    const s = useWorkbench.getState();
    const analyses = openAnalyses(s.groups, allTables(s.sources));
    setState({ status: 'loading', done: 0, total: analyses.length });
    void (async () => {
      const out: LoadedAnalysis[] = [];
      for (const [i, a] of analyses.entries()) {
        try {
          out.push({ analysis: a, result: await analysisResult(engine, a) });
        } catch (err) {
          out.push({ analysis: a, error: errorText(i18n, err) });
        }
        if (cancelled) return;
        setState({ status: 'loading', done: i + 1, total: analyses.length });
      }
      // Keep what the user already chose, wrote and ordered: the study's deck (saved with the study and kept
      // in step with this editor) when there is one, else the rows as they were before this reload.
      const deck = useStudy.getState().deck;
      const fresh = [...itemsFor(out, t), ...changesItems(deck, i18n.language, t)];
      const next = deck ? applyStudyDeck(fresh, deck) : mergeItems(fresh, prev.current, generated.current);
      generated.current = new Map(fresh.map((x) => [x.id, x.takeaway]));
      setLoaded(new Map(out.map((x) => [x.analysis.key, x])));
      setItems(next);
      setState({ status: 'ready' });
    })();
    return () => {
      cancelled = true;
    };
    // Read again when asked (command run again, Reload: the editors' latest results) or the language changes (titles, takeaways).
  }, [engine, nonce, reloads, i18n, i18n.language, t]);

  return { items, setItems, loaded, state, reload, generated };
}
