import type { StateCreator } from 'zustand';
import type { Language } from '../../shared/i18n/resources';
import { defaultSettings, type LayoutSizes, type Settings, type ThemePreference } from '../../shared/workspace/settings';
import type { WorkbenchState } from './workbenchStore';

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

export const createLayoutSlice: StateCreator<WorkbenchState, [], [], LayoutSlice> = (set) => ({
  settings: defaultSettings(),
  settingsLoaded: false,
  sideView: 'explorer',
  panelTab: 'results',
  paletteOpen: false,
  paletteQuery: '',
  loadSettings: (settings) => set({ settings, settingsLoaded: true }),
  setTheme: (theme) => set((s) => ({ settings: { ...s.settings, theme } })),
  setLanguage: (language) => set((s) => ({ settings: { ...s.settings, language } })),
  toggleSidebar: (show) =>
    set((s) => ({ settings: { ...s.settings, layout: { ...s.settings.layout, sidebarVisible: show ?? !s.settings.layout.sidebarVisible } } })),
  togglePanel: (show) =>
    set((s) => ({ settings: { ...s.settings, layout: { ...s.settings.layout, panelVisible: show ?? !s.settings.layout.panelVisible } } })),
  showPanel: (panelTab) => set((s) => ({ panelTab, settings: { ...s.settings, layout: { ...s.settings.layout, panelVisible: true } } })),
  setSizes: (which, sizes) => set((s) => ({ settings: { ...s.settings, layout: { ...s.settings.layout, [which]: sizes } } })),
  openPalette: (paletteQuery = '') => set({ paletteOpen: true, paletteQuery }),
  closePalette: () => set({ paletteOpen: false }),
});
