/**
 * Translation resources. One JSON file per area and language (each file's single top-level key is
 * its area, so keys read `pareto.headline`), merged into one i18next namespace. English and
 * Simplified Chinese must have the same keys (test/unit/i18n.test.ts).
 */
import en_common from './locales/en/common.json';
import en_workbench from './locales/en/workbench.json';
import en_import from './locales/en/import.json';
import en_pareto from './locales/en/pareto.json';
import en_survival from './locales/en/survival.json';
import en_quadrant from './locales/en/quadrant.json';
import en_export from './locales/en/export.json';
import en_errors from './locales/en/errors.json';
import en_grid from './locales/en/grid.json';
import en_sql from './locales/en/sql.json';
import en_electron from './locales/en/electron.json';
import en_risk from './locales/en/risk.json';
import en_brief from './locales/en/brief.json';
import en_cox from './locales/en/cox.json';
import en_warnings from './locales/en/warnings.json';
import zh_common from './locales/zh-CN/common.json';
import zh_workbench from './locales/zh-CN/workbench.json';
import zh_import from './locales/zh-CN/import.json';
import zh_pareto from './locales/zh-CN/pareto.json';
import zh_survival from './locales/zh-CN/survival.json';
import zh_quadrant from './locales/zh-CN/quadrant.json';
import zh_export from './locales/zh-CN/export.json';
import zh_errors from './locales/zh-CN/errors.json';
import zh_grid from './locales/zh-CN/grid.json';
import zh_sql from './locales/zh-CN/sql.json';
import zh_electron from './locales/zh-CN/electron.json';
import zh_risk from './locales/zh-CN/risk.json';
import zh_brief from './locales/zh-CN/brief.json';
import zh_cox from './locales/zh-CN/cox.json';
import zh_warnings from './locales/zh-CN/warnings.json';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const en = { ...en_common, ...en_workbench, ...en_import, ...en_pareto, ...en_survival, ...en_quadrant, ...en_export, ...en_errors, ...en_grid, ...en_sql, ...en_electron, ...en_risk, ...en_brief, ...en_cox, ...en_warnings };
export const zhCN = { ...zh_common, ...zh_workbench, ...zh_import, ...zh_pareto, ...zh_survival, ...zh_quadrant, ...zh_export, ...zh_errors, ...zh_grid, ...zh_sql, ...zh_electron, ...zh_risk, ...zh_brief, ...zh_cox, ...zh_warnings };

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
};
