/**
 * Electron main: lifecycle, single instance, files from the command line / OS, and wiring of the
 * protocol, IPC handlers, menu and window. The logic lives in the small modules it imports.
 */
import { app, dialog, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { COMMANDS } from '../shared/commands/commandList';
import type { HostFile } from '../shared/host/HostApi';
import { createI18n } from '../shared/i18n/i18n';
import { parseSettings } from '../shared/workspace/settings';
import type { Language } from '../shared/i18n/resources';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { installAppMenu } from './appMenu';
import { EngineHost, engineOptions } from './engineHost';
import { FileRegistry } from './fileRegistry';
import { grantPaths, registerHostHandlers, type HostContext } from './hostHandlers';
import { IncomingFiles } from './incomingFiles';
import { IPC } from './ipcChannels';
import { readTextOrNull } from './jsonStore';
import { RecentFiles } from './recentFiles';
import { filesFromArgv, pickLanguage } from './startup';
import { createMainWindow, hardenWebContents } from './window';
import { installCloseGuard } from './closeGuard';
import { markSessionClean } from './sessionFiles';

const APP_NAME = 'Tenure';

// Before 'ready': sandbox every renderer and give app:// its privileges.
app.enableSandbox();
registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let language: Language = 'en';
let i18n = createI18n(language);
let ctx: HostContext | null = null;
let engine: EngineHost | null = null;
/** macOS 'open-file' can fire before 'ready'. */
const earlyPaths: string[] = [];

const getWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);
const t = (key: string, vars?: Record<string, string>): string => i18n.t(key, vars ?? {});

const incoming = new IncomingFiles((files: HostFile[]) => {
  const win = getWindow();
  if (!win) return false;
  win.webContents.send(IPC.filesOpened, files);
  return true;
});

function buildMenu(): void {
  installAppMenu({
    commands: COMMANDS,
    t,
    platform: process.platform,
    appName: APP_NAME,
    devTools: !app.isPackaged,
    send: (commandId, win) => {
      const target = win && !win.isDestroyed() ? win : getWindow();
      target?.webContents.send(IPC.command, commandId);
    },
  });
}

function setLanguage(next: Language): void {
  if (next === language) return;
  language = next;
  i18n = createI18n(language);
  buildMenu();
}

async function openPaths(paths: string[]): Promise<void> {
  if (!ctx || paths.length === 0) return;
  incoming.push(await grantPaths(ctx, paths));
}

function showWindow(): BrowserWindow {
  let win = getWindow();
  if (!win) {
    win = createMainWindow({ preloadDir: __dirname, devTools: !app.isPackaged, title: APP_NAME });
    // A reload or crash loses the renderer's listener; queue incoming files until it re-subscribes.
    win.webContents.on('did-start-loading', () => incoming.reset());
    win.on('closed', () => {
      mainWindow = null;
      incoming.reset();
    });
    // Unsaved work asks before the window closes; "Don't Save" discards the autosaved session too.
    const sessionDir = join(app.getPath('userData'), 'session');
    const guard = installCloseGuard(win, { t, onDiscard: () => markSessionClean(sessionDir) });
    if (ctx) ctx.close = guard;
    mainWindow = win;
  }
  if (win.isMinimized()) win.restore();
  win.focus();
  return win;
}

async function onReady(): Promise<void> {
  serveAppProtocol(join(app.getAppPath(), 'dist'));
  const userData = app.getPath('userData');
  const settingsPath = join(userData, 'settings.json');
  const settingsJson = await readTextOrNull(settingsPath).catch(() => null);
  setLanguage(pickLanguage(settingsJson, app.getLocale()));
  // The native engine runs in its own process; its memory limit is a setting (default 70% of RAM).
  const memoryLimit = parseSettings(settingsJson).engineMemoryLimit;
  engine = new EngineHost(join(__dirname, 'engineProcess.cjs'), () => engineOptions(userData, memoryLimit));
  ctx = {
    registry: new FileRegistry(),
    recent: new RecentFiles(userData),
    recentFolders: new RecentFiles(userData, 'recent-folders.json'),
    incoming,
    settingsPath,
    getWindow,
    t,
    // The renderer saves settings when the user switches language: follow it in the menu.
    onSettingsSaved: (json) => setLanguage(pickLanguage(json, app.getLocale())),
    engine,
  };
  registerHostHandlers(ctx);
  buildMenu();
  showWindow();
  await openPaths([...filesFromArgv(process.argv, process.cwd(), app.isPackaged), ...earlyPaths.splice(0)]);
}

if (!app.requestSingleInstanceLock()) {
  // Another Tenure is running; it receives our argv through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!app.isReady()) return;
    showWindow();
    void openPaths(filesFromArgv(argv, workingDirectory, app.isPackaged));
  });

  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (ctx) {
      showWindow();
      void openPaths([path]);
    } else {
      earlyPaths.push(path);
    }
  });

  // Guards every WebContents, including any created later (devtools, pop-ups that slip through).
  app.on('web-contents-created', (_event, wc) => hardenWebContents(wc));

  app.on('will-quit', () => {
    engine?.stop();
    void ctx?.registry.closeAll();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && !getWindow()) showWindow();
  });

  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      dialog.showErrorBox(t('electron.error.startupTitle'), err instanceof Error ? err.message : String(err));
      app.quit();
    });
}
