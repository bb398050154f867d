import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '@vscode/codicons/dist/codicon.css';
import '../styles/theme.css';
import '../styles/workbench.css';
import '../styles/parts.css';
import type { HostApi } from '../../shared/host/HostApi';
import { createI18n } from '../../shared/i18n/i18n';
import { LANGUAGES, type Language } from '../../shared/i18n/resources';
import { parseSettings, serializeSettings } from '../../shared/workspace/settings';
import { RemoteEngine } from '../../shared/engine/remoteEngine';
import type { QueryEngine } from '../../shared/engine/QueryEngine';
import { LoggedEngine } from '../engine/loggedEngine';
import { electronEngineChannel } from '../engine/nativeChannel';
import { rebuildSources } from '../engine/rebuildSources';
import { WorkerEngine } from '../engine/workerEngine';
import { warmUp } from '../engine/warmUp';
import { useWorkbench } from '../store/workbenchStore';
import { ServicesContext, type WorkbenchServices } from '../workbench/services';
import { Workbench } from '../workbench/Workbench';
import { reportError } from '../workbench/actions/reportError';
import { loadRecovery, startStudySession } from '../study/session';
import { useStudy } from '../study/studyStore';

const SAVE_DELAY_MS = 400;

function systemLanguage(): Language {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

/** Start the workbench on a host: settings, i18n, the engine in its worker, then React. */
export async function boot(host: HostApi, shell: WorkbenchServices['shell']): Promise<void> {
  const store = useWorkbench.getState();
  const settings = parseSettings(await host.loadSettings().catch(() => null));
  store.loadSettings(settings);

  const language = settings.language ?? systemLanguage();
  const i18n = createI18n(language);
  document.documentElement.lang = language;

  // Desktop: native DuckDB in its own process (main owns its folder and limits); browser: duckdb-wasm.
  let remote: RemoteEngine | null = null;
  const inner: QueryEngine = host.connectEngine
    ? (remote = new RemoteEngine({ connect: electronEngineChannel(host), start: { dir: '' }, onRestart: () => rebuildSources(engine, i18n.t) }))
    : new WorkerEngine();
  const engine: LoggedEngine = new LoggedEngine(inner, {
    onState: (state, error) => useWorkbench.getState().setEngineState(state, error),
    onQuery: (entry) => useWorkbench.getState().logQuery(entry),
  }, new URLSearchParams(location.search).has('timeline'));
  const services: WorkbenchServices = { engine, host, i18n, shell };

  persistSettings(host);
  useWorkbench.subscribe((s, prev) => {
    const lang = s.settings.language;
    if (lang && lang !== prev.settings.language && LANGUAGES.includes(lang)) {
      void i18n.changeLanguage(lang);
      document.documentElement.lang = lang;
    }
  });

  // The last session is read before anything can overwrite it, then changes are autosaved.
  useStudy.getState().set({ recovery: await loadRecovery(services) });
  startStudySession(services);
  store.openEditor({ id: 'welcome', kind: 'welcome', data: {} });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesContext.Provider value={services}>
          <Workbench />
        </ServicesContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );

  engine
    .init()
    .then(() => {
      const info = remote?.info;
      useWorkbench.getState().setEngineInfo(info ? { kind: 'native', threads: info.threads, memoryLimit: info.memoryLimit } : { kind: 'wasm' });
      // duckdb-wasm compiles lazily: warm it up (unlogged) while the user chooses a file.
      if (!remote) void warmUp(inner);
      warmNumberFormats(language);
    })
    .catch((err) => reportError(i18n, err, 'engine.start'));
}

/**
 * The first Intl.NumberFormat of a page loads ICU's number data (~0.1 s in Chromium), which would
 * otherwise land on the first import preview and the first result table: pay it while the app is idle.
 */
function warmNumberFormats(language: string): void {
  const warm = (): void => {
    for (const o of [{ maximumFractionDigits: 10, useGrouping: false }, { style: 'percent', maximumFractionDigits: 1 }, { maximumFractionDigits: 2 }] as const) {
      new Intl.NumberFormat(language, o).format(1234.5);
    }
  };
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 0);
}

/** Save settings (debounced) whenever they change; never before the persisted ones were loaded. */
function persistSettings(host: HostApi): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  useWorkbench.subscribe((s, prev) => {
    if (!s.settingsLoaded || s.settings === prev.settings) return;
    clearTimeout(timer);
    timer = setTimeout(() => void host.saveSettings(serializeSettings(useWorkbench.getState().settings)).catch(() => undefined), SAVE_DELAY_MS);
  });
}
