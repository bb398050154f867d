/**
 * Closing the window with unsaved work asks first: main intercepts `close`, asks the renderer (over IPC,
 * answered through a validated handler) whether the study has unsaved changes, and if so shows
 * Save / Don't Save / Cancel. Save hands over to the renderer (it may need a Save dialog of its own) and
 * the renderer closes the window once the study is saved.
 */
import { dialog, type BrowserWindow } from 'electron';
import { IPC } from './ipcChannels';

/** A renderer that does not answer in this time is gone or hung: the window closes (autosave keeps the session). */
export const CLOSE_ANSWER_MS = 3000;

export interface CloseGuard {
  /** The renderer's answer to close request `id`. */
  answer(id: number, dirty: boolean): void;
  /** Close without asking (the renderer saved, or nothing is unsaved). */
  closeNow(): void;
}

export interface CloseGuardOptions {
  t(key: string): string;
  /** "Don't Save": the discarded work must not come back as "Restore the last session". */
  onDiscard?(): Promise<void>;
}

export function installCloseGuard(win: BrowserWindow, opts: CloseGuardOptions): CloseGuard {
  let allowed = false;
  let asking = false;
  let nextId = 1;
  const pending = new Map<number, (dirty: boolean) => void>();

  const closeNow = () => {
    allowed = true;
    if (!win.isDestroyed()) win.close();
  };

  const askRenderer = () =>
    new Promise<boolean>((resolve) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        resolve(false);
      }, CLOSE_ANSWER_MS);
      pending.set(id, (dirty) => {
        clearTimeout(timer);
        resolve(dirty);
      });
      win.webContents.send(IPC.closeRequest, id);
    });

  const decide = async () => {
    if (!(await askRenderer())) return closeNow();
    const { response } = await dialog.showMessageBox(win, {
      type: 'warning',
      buttons: [opts.t('electron.close.save'), opts.t('electron.close.dontSave'), opts.t('electron.close.cancel')],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
      message: opts.t('electron.close.message'),
      detail: opts.t('electron.close.detail'),
    });
    if (response === 0) win.webContents.send(IPC.saveAndClose);
    else if (response === 1) {
      await opts.onDiscard?.().catch(() => undefined);
      closeNow();
    }
  };

  win.on('close', (event: Electron.Event) => {
    if (allowed) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void decide().finally(() => {
      asking = false;
    });
  });

  return {
    answer(id, dirty) {
      const resolve = pending.get(id);
      pending.delete(id);
      resolve?.(dirty);
    },
    closeNow,
  };
}
