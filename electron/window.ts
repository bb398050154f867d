/**
 * The main window and the guards around it: locked-down webPreferences, no navigation away from
 * app://tenure/, no pop-ups, no webviews, every permission denied, no remote requests.
 */
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL, isAppUrl } from './appOrigin';

/** Schemes the page may load from; everything else (http, https, ws, file, ftp…) is cancelled. */
const ALLOWED_REQUEST_SCHEMES = new Set(['app:', 'blob:', 'data:', 'devtools:']);

/** Writing text to the clipboard (grid "copy") is the one harmless permission, for our origin only. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function secureWebPreferences(preloadPath: string, devTools: boolean): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
    devTools,
  };
}

export function isPermissionAllowed(permission: string, origin: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(origin);
}

/** Session-wide: permission prompts, permission checks and network requests. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? wc.getURL()));
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) => isPermissionAllowed(permission, origin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      // unparsable: cancelled below
    }
    callback({ cancel: !ALLOWED_REQUEST_SCHEMES.has(scheme) });
  });
}

const hardened = new WeakSet<WebContents>();

/** Per-WebContents: in-page navigation, new windows, webviews. Idempotent. */
export function hardenWebContents(wc: WebContents): void {
  if (hardened.has(wc)) return;
  hardened.add(wc);
  const blockForeign = (event: Electron.Event, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  wc.on('will-navigate', blockForeign);
  wc.on('will-redirect', blockForeign);
  wc.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface MainWindowOptions {
  /** Directory holding preload.cjs (dist-electron/). */
  preloadDir: string;
  devTools: boolean;
  title: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  hardenSession(session.defaultSession);
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    title: opts.title,
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: secureWebPreferences(join(opts.preloadDir, 'preload.cjs'), opts.devTools),
  });
  hardenWebContents(win.webContents);
  // Avoids a white flash before the first paint.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
