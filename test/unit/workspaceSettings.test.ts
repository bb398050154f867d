import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, serializeSettings, SETTINGS_VERSION } from '../../shared/workspace/settings';

describe('workbench settings', () => {
  it('round-trips through JSON', () => {
    const s = { ...defaultSettings(), theme: 'light' as const, language: 'zh-CN' as const };
    s.layout = { ...s.layout, panelVisible: false, horizontal: { sidebar: 25, main: 75 } };
    expect(parseSettings(serializeSettings(s))).toEqual(s);
  });

  it('falls back to defaults for missing, corrupt or invalid data', () => {
    expect(parseSettings(null)).toEqual(defaultSettings());
    expect(parseSettings('{not json')).toEqual(defaultSettings());
    expect(parseSettings(JSON.stringify({ version: SETTINGS_VERSION, theme: 'neon' }))).toEqual(defaultSettings());
    expect(parseSettings(JSON.stringify({ version: 99 }))).toEqual(defaultSettings());
  });

  it('migrates the unversioned format and fills defaults', () => {
    const s = parseSettings(JSON.stringify({ theme: 'dark' }));
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.theme).toBe('dark');
    expect(s.layout.sidebarVisible).toBe(true);
    expect(s.language).toBeNull();
  });

  it('rejects pane sizes outside 0..100', () => {
    const bad = { version: SETTINGS_VERSION, layout: { sidebarVisible: true, panelVisible: true, vertical: { editors: 140 } } };
    expect(parseSettings(JSON.stringify(bad))).toEqual(defaultSettings());
  });
});
