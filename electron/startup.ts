/** Pure start-up decisions, kept apart from main.ts so they are testable without an app. */
import { extname, isAbsolute, resolve } from 'node:path';
import { LANGUAGES, type Language } from '../shared/i18n/resources';

const OPENABLE = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xls', '.parquet', '.duckdb', '.ddb']);

/**
 * Data files named on a command line (first launch or a second instance). Skips the executable,
 * the app path in development (`electron .`), Chromium/macOS switches, and other file types.
 */
export function filesFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string[] {
  const args = argv.slice(packaged ? 1 : 2);
  return args
    .filter((a) => a.length > 0 && !a.startsWith('-') && OPENABLE.has(extname(a).toLowerCase()))
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

/** Settings' `language` when valid, else the OS locale (any Chinese → zh-CN), else English. */
export function pickLanguage(settingsJson: string | null, osLocale: string): Language {
  if (settingsJson) {
    try {
      const lang: unknown = (JSON.parse(settingsJson) as { language?: unknown } | null)?.language;
      if ((LANGUAGES as readonly unknown[]).includes(lang)) return lang as Language;
    } catch {
      // corrupt settings: fall through to the OS locale
    }
  }
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
