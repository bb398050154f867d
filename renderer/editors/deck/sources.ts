import type { AnalysisKind } from '../../../shared/analysis/registry';
import type { DataSource, EditorGroup, EditorTab, TableInfo } from '../../store/types';
import { defaultForm as paretoDefault, isComplete as paretoComplete, readForm as readPareto, toSpecInput as paretoSpec } from '../pareto/form';
import { defaultForm as quadrantDefault, missingStep, readForm as readQuadrant, toSpecInput as quadrantSpec } from '../quadrant/form';
import { restoreSurvivalForm, survivalProblems, survivalSpecOf } from '../survival/survivalForm';
import { cohortProblems, cohortSpecOf, restoreCohortForm } from '../cohort/cohortForm';
import { reasonsProblems, reasonsSpecOf, restoreReasonsForm } from '../reasons/reasonsForm';
import { restoreRiskForm, riskProblems, riskSpecOf } from '../risk/riskForm';

/** One analysis the deck can draw from: an open editor's spec, read from its tab data. */
export interface DeckAnalysis {
  /** Unique per deck: tab id, plus ':hazard' for the hazard view of a survival tab. */
  key: string;
  tabId: string;
  kind: AnalysisKind;
  spec: Record<string, unknown> & { table: string };
  /** Extra state the editor applies on top of the result (hazard interval width, reason tags). */
  view?: { hazardWidth?: number; tags?: Record<string, boolean>; chart?: string };
  /** Checked by default (the view the editor shows). */
  preferred: boolean;
}

type Spec = DeckAnalysis['spec'];

function fromTab(tab: EditorTab, tables: TableInfo[]): DeckAnalysis[] {
  const table = String(tab.data.table ?? '');
  const base = { tabId: tab.id, preferred: true };
  switch (tab.kind) {
    case 'pareto': {
      const name = table || tables[0]?.name || '';
      const f = readPareto(tab.data.form, paretoDefault(tables.find((x) => x.name === name), name));
      return paretoComplete(f) ? [{ ...base, key: tab.id, kind: 'pareto', spec: paretoSpec(f) as Spec }] : [];
    }
    case 'quadrant': {
      const name = table || tables[0]?.name || '';
      const f = readQuadrant(tab.data.form, quadrantDefault(tables.find((x) => x.name === name), name));
      return missingStep(f) === null ? [{ ...base, key: tab.id, kind: 'quadrant', spec: quadrantSpec(f) as Spec }] : [];
    }
    case 'survival': {
      const f = restoreSurvivalForm(tab.data.form, table);
      if (!f || survivalProblems(f).length) return [];
      const spec = survivalSpecOf(f) as Spec;
      const hazard = tab.data.view === 'hazard';
      const hazardWidth = typeof tab.data.hazardWidth === 'number' ? tab.data.hazardWidth : undefined;
      return [
        // the RMST or causes view on screen: that chart is ticked too
        { ...base, key: tab.id, kind: 'survival', spec, preferred: true, ...(tab.data.view === 'rmst' || tab.data.view === 'incidence' ? { view: { chart: tab.data.view } } : {}) },
        { ...base, key: `${tab.id}:hazard`, kind: 'hazard', spec, view: { hazardWidth }, preferred: hazard },
      ];
    }
    case 'cohort': {
      const f = restoreCohortForm(tab.data.form, table);
      return f && !cohortProblems(f).length ? [{ ...base, key: tab.id, kind: 'cohort', spec: cohortSpecOf(f) as Spec }] : [];
    }
    case 'reasons': {
      const f = restoreReasonsForm(tab.data.form, table);
      return f && !reasonsProblems(f).length ? [{ ...base, key: tab.id, kind: 'reasons', spec: reasonsSpecOf(f) as Spec, view: { tags: f.tags } }] : [];
    }
    case 'risk': {
      const f = restoreRiskForm(tab.data.form, table);
      return f && !riskProblems(f).length ? [{ ...base, key: tab.id, kind: 'risk', spec: riskSpecOf(f) as Spec }] : [];
    }
    default:
      return [];
  }
}

/** The analyses of the open editors, in tab order (groups left to right); incomplete forms are left out. */
export function openAnalyses(groups: EditorGroup[], tables: TableInfo[]): DeckAnalysis[] {
  return groups.flatMap((g) => g.tabs.flatMap((tab) => fromTab(tab, tables)));
}

/** The file (or workspace) a table came from, as shown in the Explorer. */
export function sourceLabel(sources: DataSource[], table: string, t: (k: string) => string): string {
  const src = sources.find((s) => s.tables.some((x) => x.name === table));
  if (!src) return table;
  return src.labelKey ? t(src.label) : src.label;
}

/**
 * Deck title default: the study's name when there is one, else "Retention review – <month>" in the
 * UI language (a table or file name says nothing to the people the deck is for).
 */
export function defaultDeckTitle(t: (k: string, o?: Record<string, unknown>) => string, locale: string, opts: { study?: string; now?: Date } = {}): string {
  if (opts.study?.trim()) return opts.study.trim();
  const month = (opts.now ?? new Date()).toLocaleDateString(locale, { year: 'numeric', month: 'long' });
  return t('export.deckUi.reviewTitle', { month });
}

/** Files named in the default subtitle before "and N more": a title slide's line, not a file list. */
const SUBTITLE_FILES = 3;

/**
 * Deck subtitle default: the data the slides come from and today's date, in the UI language. Past three
 * files the first two are named and the rest counted ("a.csv, b.xlsx and 4 more").
 */
export function defaultDeckSubtitle(sources: DataSource[], analyses: DeckAnalysis[], t: (k: string, o?: Record<string, unknown>) => string, locale: string, now = new Date()): string {
  const files = [...new Set(analyses.map((a) => sourceLabel(sources, a.spec.table, t)))];
  const date = now.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
  if (!files.length) return date;
  const named = files.length > SUBTITLE_FILES ? files.slice(0, SUBTITLE_FILES - 1) : files;
  const list = named.length < files.length ? t('export.deckUi.moreSources', { sources: named.join(', '), count: files.length - named.length, total: files.length }) : files.join(', ');
  return t('export.deckUi.defaultSubtitle', { sources: list, date });
}
