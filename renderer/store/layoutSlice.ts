import type { StateCreator } from 'zustand';
import type { Language } from '../../shared/i18n/resources';
import { defaultSettings, type LayoutSizes, type Settings, type ThemePreference } from '../../shared/workspace/settings';
import type { WorkbenchState } from './workbenchStore';
import { activeTab } from './editorsSlice';

/**
 * Editors that are tall reports (an analysis down to its number-at-risk table): the bottom panel
 * stays closed over them until the user opens it there (Mod+J, Problems in the status bar).
 */
export const REPORT_KINDS = new Set(['pareto', 'quadrant', 'survival', 'cohort', 'reasons', 'risk', 'cox', 'brief', 'deck', 'whatChanged']);

function reportActive(s: WorkbenchState): boolean {
  const tab = activeTab(s);
  return !!tab && REPORT_KINDS.has(tab.kind);
}

/** Whether the bottom panel is on screen: the user's choice, except over a report they did not open it on. */
export function panelShown(s: WorkbenchState): boolean {
  return s.settings.layout.panelVisible && (s.panelOverReports || !reportActive(s));
}

export type PanelTab = 'results' | 'problems' | 'log';
export type SideView = 'explorer';

export interface LayoutSlice {
  settings: Settings;
  /** Set once the persisted settings were read, so the first render does not save defaults over them. */
  settingsLoaded: boolean;
  sideView: SideView;
  panelTab: PanelTab;
  paletteOpen: boolean;
  paletteQuery: string;
  /** The user opened the panel while a report was active: it then stays over reports (this session). */
  panelOverReports: boolean;
  loadSettings(s: Settings): void;
  setTheme(theme: ThemePreference): void;
  setLanguage(lang: Language): void;
  toggleSidebar(show?: boolean): void;
  togglePanel(show?: boolean): void;
  showPanel(tab: PanelTab): void;
  setSizes(which: 'horizontal' | 'vertical' | 'groups', sizes: LayoutSizes): void;
  openPalette(query?: string): void;
  closePalette(): void;
}

export const createLayoutSlice: StateCreator<WorkbenchState, [], [], LayoutSlice> = (set, get) => ({
  settings: defaultSettings(),
  settingsLoaded: false,
  sideView: 'explorer',
  panelTab: 'results',
  paletteOpen: false,
  paletteQuery: '',
  panelOverReports: false,
  loadSettings: (settings) => set({ settings, settingsLoaded: true }),
  setTheme: (theme) => set((s) => ({ settings: { ...s.settings, theme } })),
  setLanguage: (language) => set((s) => ({ settings: { ...s.settings, language } })),
  toggleSidebar: (show) =>
    set((s) => ({ settings: { ...s.settings, layout: { ...s.settings.layout, sidebarVisible: show ?? !s.settings.layout.sidebarVisible } } })),
  togglePanel: (show) => {
    const want = show ?? !panelShown(get());
    set((s) => ({
      panelOverReports: want ? s.panelOverReports || reportActive(s) : false,
      settings: { ...s.settings, layout: { ...s.settings.layout, panelVisible: want } },
    }));
  },
  showPanel: (panelTab) =>
    set((s) => ({ panelTab, panelOverReports: s.panelOverReports || reportActive(s), settings: { ...s.settings, layout: { ...s.settings.layout, panelVisible: true } } })),
  setSizes: (which, sizes) => set((s) => ({ settings: { ...s.settings, layout: { ...s.settings.layout, [which]: sizes } } })),
  openPalette: (paletteQuery = '') => set({ paletteOpen: true, paletteQuery }),
  closePalette: () => set({ paletteOpen: false }),
});
