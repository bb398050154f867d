import type { ComponentType } from 'react';
import type { EditorTab } from '../store/types';
import { WelcomeEditor } from '../editors/welcome/WelcomeEditor';
import { TableEditor } from './editors/TableEditor';
import { SqlEditorTab } from './editors/SqlEditorTab';
import { SurvivalEditor } from '../editors/survival/SurvivalEditor';
import { CohortEditor } from '../editors/cohort/CohortEditor';
import { ReasonsEditor } from '../editors/reasons/ReasonsEditor';
import { ParetoEditor } from '../editors/pareto/ParetoEditor';
import { QuadrantEditor } from '../editors/quadrant/QuadrantEditor';
import { QueryGridEditor } from '../editors/analysis/QueryGridEditor';
import { DeckEditor } from '../editors/deck/DeckEditor';
import { RiskEditor } from '../editors/risk/RiskEditor';
import { BriefEditor } from '../editors/brief/BriefEditor';
import { WhatChangedEditor } from '../editors/changed/WhatChangedEditor';
import { CoxEditor } from '../editors/cox/CoxEditor';

/** What an editor component receives. Reach the engine/host with useServices(), state with useWorkbench(). */
export interface EditorProps {
  tab: EditorTab;
  groupId: string;
  /** Visible (active in its group); hidden editors stay mounted to keep scroll positions and text. */
  visible: boolean;
  theme: 'dark' | 'light';
  /** Persist kind-specific state (e.g. an analysis spec) in the tab. */
  setData(patch: Record<string, unknown>): void;
}

export interface EditorContribution {
  component: ComponentType<EditorProps>;
  /** Codicon name for the tab. */
  icon: string;
  /** i18n key of the tab title when the tab has no literal title. */
  title: string;
  /** Command (from shared/commands/commandList.ts) that opens this kind on the active table. */
  command?: string;
}

/**
 * kind → editor. Analysis editors register here with one line each, e.g.
 *   pareto: { component: ParetoView, icon: 'graph', title: 'pareto.title', command: 'analysis.pareto' },
 * and their command appears in the palette and menu: its when-clause needs `editor.<kind>`, which is
 * true only for kinds registered here (until then the command stays hidden, never a stub).
 */
export const EDITORS: Record<string, EditorContribution> = {
  welcome: { component: WelcomeEditor, icon: 'info', title: 'workbench.welcome.tabTitle' },
  table: { component: TableEditor, icon: 'table', title: 'workbench.editor.table' },
  sql: { component: SqlEditorTab, icon: 'database', title: 'workbench.editor.sql' },
  survival: { component: SurvivalEditor, icon: 'pulse', title: 'survival.title', command: 'analysis.survival' },
  cohort: { component: CohortEditor, icon: 'layers', title: 'survival.cohort.title', command: 'analysis.cohort' },
  // Also opened from the survival editor once a reason column is chosen.
  reasons: { component: ReasonsEditor, icon: 'graph', title: 'survival.reasons.title', command: 'analysis.reasons' },
  pareto: { component: ParetoEditor, icon: 'graph', title: 'pareto.title', command: 'analysis.pareto' },
  quadrant: { component: QuadrantEditor, icon: 'layout', title: 'quadrant.title', command: 'analysis.quadrant' },
  risk: { component: RiskEditor, icon: 'flame', title: 'risk.title', command: 'analysis.risk' },
  cox: { component: CoxEditor, icon: 'symbol-variable', title: 'cox.title', command: 'analysis.cox' },
  queryGrid: { component: QueryGridEditor, icon: 'list-flat', title: 'workbench.editor.table' },
  deck: { component: DeckEditor, icon: 'preview', title: 'export.deckUi.title' },
  brief: { component: BriefEditor, icon: 'note', title: 'brief.title' },
  // Opened by "Replace data file…" (renderer/study/replaceData.ts).
  whatChanged: { component: WhatChangedEditor, icon: 'diff', title: 'workbench.changed.title' },
};

export function editorFor(kind: string): EditorContribution | undefined {
  return EDITORS[kind];
}

/** The editor kind a command opens (analysis.pareto → pareto), when one is registered. */
export function kindForCommand(commandId: string): string | undefined {
  return Object.entries(EDITORS).find(([, e]) => e.command === commandId)?.[0];
}
