import { z } from 'zod';
import type { Study } from '../../shared/study/schema';
import { migrateStudy } from '../../shared/study/migrate';
import { useWorkbench } from '../store/workbenchStore';
import type { WorkbenchServices } from '../workbench/services';
import { hasContent, sessionNow } from './buildStudy';
import { openStudy, saveStudy } from './openStudy';
import { useStudy } from './studyStore';

/** Autosave lands within 2 s of a change: a short quiet period, then the write. */
export const AUTOSAVE_DELAY_MS = 800;

/** The crash-recovery record: the session as a study, the file it belongs to, whether it had unsaved work. */
const sessionSchema = z.object({
  kind: z.literal('tenure-session'),
  at: z.number(),
  file: z.object({ name: z.string(), path: z.string().nullable() }).nullable(),
  dirty: z.boolean(),
  study: z.unknown(),
});
export type SessionRecord = z.infer<typeof sessionSchema>;


/** Tabs whose state differs from the saved study's (all tabs of an untitled session with work in it). */
function dirtyTabs(study: Study, savedText: string | null): string[] {
  let saved: Study['editors'] = [];
  try {
    saved = savedText ? (JSON.parse(savedText) as Study).editors : [];
  } catch {
    saved = [];
  }
  const before = new Map(saved.map((e) => [e.id, JSON.stringify(e)]));
  return study.editors.filter((e) => before.get(e.id) !== JSON.stringify(e)).map((e) => e.id);
}

/**
 * Keep the study state in step with the workbench: the dirty marker (title, tabs), the question before
 * closing, and the autosave of the whole session for crash recovery.
 */
export function startStudySession(services: WorkbenchServices): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    timer = undefined;
    const st = useStudy.getState();
    const { study, dirty } = sessionNow();
    const tabs = dirty ? dirtyTabs(study, st.savedText) : [];
    if (dirty !== st.dirty || tabs.join() !== st.dirtyTabs.join()) st.set({ dirty, dirtyTabs: tabs });
    const name = st.file?.name ?? services.i18n.t('workbench.study.untitled');
    document.title = `${dirty ? '● ' : ''}${name} — Tenure`;
    if (!hasContent(study) && !st.file) return;
    const record: SessionRecord = { kind: 'tenure-session', at: Date.now(), file: st.file, dirty, study };
    void services.host.saveSession?.(JSON.stringify(record)).catch(() => undefined);
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, AUTOSAVE_DELAY_MS);
  };
  const offWb = useWorkbench.subscribe((s, p) => {
    if (s.groups !== p.groups || s.sources !== p.sources || s.activeGroupId !== p.activeGroupId) schedule();
  });
  const offStudy = useStudy.subscribe((s, p) => {
    if (s.derived !== p.derived || s.notes !== p.notes || s.deck !== p.deck || s.savedText !== p.savedText || s.file !== p.file) schedule();
  });
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (!sessionNow().dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', beforeUnload);
  // Electron: main asks before closing the window; "Save" saves (a dialog if untitled), then closes.
  const offClose = services.host.onCloseRequest?.(
    () => sessionNow().dirty,
    () =>
      void saveStudy(services).then((saved) => {
        if (saved) void services.host.closeWindow?.();
      }),
  );
  return () => {
    offClose?.();
    offWb();
    offStudy();
    window.removeEventListener('beforeunload', beforeUnload);
    if (timer) clearTimeout(timer);
  };
}

/** The last session, when it ended with unsaved work (a crash, a kill, a closed tab): offered on Welcome. */
export async function loadRecovery(services: WorkbenchServices): Promise<SessionRecord | null> {
  const text = await services.host.loadSession?.().catch(() => null);
  if (!text) return null;
  try {
    const r = sessionSchema.parse(JSON.parse(text));
    return r.dirty ? r : null;
  } catch {
    // A damaged record is not offered; it stays where it is until the next autosave replaces it.
    return null;
  }
}

/** "Restore the last session": the recorded study reopened (data files asked for where needed). */
export async function restoreSession(services: WorkbenchServices, record: SessionRecord): Promise<void> {
  let study: Study;
  try {
    study = migrateStudy(record.study, record.file?.name ?? 'session');
  } catch (err) {
    useWorkbench.getState().notify('error', services.i18n.t('workbench.study.restoreFailed', { message: (err as Error).message }));
    return;
  }
  useStudy.getState().set({ recovery: null });
  await openStudy(services, study, record.file, { restoring: true });
}
