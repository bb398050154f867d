import { useEffect, useRef } from 'react';
import type { EditorTab } from '../../store/types';

/**
 * An editor restored from a study (or a recovered session) runs its analysis once, as soon as its form
 * is complete and its table is there; `runOnOpen` is cleared so a later remount does not run again.
 */
export function useRunOnOpen(tab: EditorTab, setData: (patch: Record<string, unknown>) => void, ready: boolean, start: () => void): void {
  const done = useRef(false);
  const want = tab.data.runOnOpen === true;
  useEffect(() => {
    // Cleared after a run: a later request (the data file was replaced) runs again.
    if (!want) done.current = false;
    if (done.current || !want || !ready) return;
    done.current = true;
    setData({ runOnOpen: false });
    start();
  }, [want, ready, start, setData]);
}
