import { z } from 'zod';
import { LANGUAGES } from '../i18n/resources';
import { MEMORY_LIMIT_RE } from '../engine/engineProtocol';

/**
 * User settings the workbench persists through HostApi.loadSettings/saveSettings: theme, language and
 * the layout (pane sizes and visibility). Versioned: older formats are migrated, anything unreadable
 * falls back to defaults rather than breaking start-up.
 */
export const SETTINGS_VERSION = 1;

export const THEME_PREFERENCES = ['system', 'dark', 'light'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/** Pane sizes as react-resizable-panels layouts: panel id → percentage (0..100). */
const layoutSchema = z.record(z.string().max(64), z.number().min(0).max(100));

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  theme: z.enum(THEME_PREFERENCES).default('system'),
  /** null = follow the OS/browser language. */
  language: z.enum(LANGUAGES).nullable().default(null),
  layout: z
    .object({
      sidebarVisible: z.boolean().default(true),
      panelVisible: z.boolean().default(true),
      /** Side bar | editor area. */
      horizontal: layoutSchema.optional(),
      /** Editor area / bottom panel. */
      vertical: layoutSchema.optional(),
      /** Editor group 1 | editor group 2 when split. */
      groups: layoutSchema.optional(),
    })
    .default({ sidebarVisible: true, panelVisible: true }),
  /** Import dialog choices per file (name:size → options and column overrides); owned by renderer/editors/import. */
  importChoices: z.record(z.string().max(1100), z.unknown()).optional(),
  /** Native engine (desktop): DuckDB memory_limit such as '8GB'; unset = 70% of RAM. */
  engineMemoryLimit: z.string().regex(MEMORY_LIMIT_RE).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type LayoutSizes = Record<string, number>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({ version: SETTINGS_VERSION });
}

/** Parse persisted JSON text; invalid or unknown data yields defaults (never throws). */
export function parseSettings(json: string | null): Settings {
  if (!json) return defaultSettings();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return defaultSettings();
  }
  const migrated = migrateSettings(raw);
  const parsed = settingsSchema.safeParse(migrated);
  return parsed.success ? parsed.data : defaultSettings();
}

export function serializeSettings(s: Settings): string {
  return JSON.stringify(settingsSchema.parse(s));
}

/** Bring older formats up to SETTINGS_VERSION. Version 0 = the unversioned prototype layout. */
function migrateSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const obj = raw as Record<string, unknown>;
  if (obj.version === undefined) return { ...obj, version: SETTINGS_VERSION };
  return obj;
}
