import type { AnalysisTable } from '../deck/tables';

/**
 * The retention brief's input: the analyses of a study (or of the open editors), each with the spec it
 * ran and its result as the registry's compute returned it. `kind` is a registry kind, or 'cox' (issue 13)
 * whose result is read through the minimal shape `CoxBriefResult`.
 */
export interface BriefItem {
  /** Identifies the analysis in its study / workbench (a sentence links back to it). */
  id: string;
  kind: string;
  spec: unknown;
  result: unknown;
}

/** What the brief reads from a Cox result (shared/analysis/cox, issue 13): hazard ratios and their p. */
export interface CoxBriefResult {
  coefficients: { term: string; column?: string; level?: string | null; hazardRatio: number; p: number }[];
  /** Per covariate: its reference level (factors). */
  terms?: { column: string; reference?: string | null }[];
  sql?: string;
}

export const BRIEF_TOPICS = ['profit', 'when', 'why', 'risk', 'action'] as const;
export type BriefTopic = (typeof BRIEF_TOPICS)[number];

export interface BriefSentence {
  topic: BriefTopic;
  text: string;
  /** The analysis that made it: "open the analysis" and "Show SQL" start here. */
  source: { id: string; kind: string };
  sql: string;
}

export interface BriefSection {
  topic: BriefTopic;
  heading: string;
  sentences: BriefSentence[];
}

export interface Brief {
  title: string;
  /** Topics in order; a topic no analysis speaks to is left out. */
  sections: BriefSection[];
  /** Analyses the study lacks, as a suggestion each ("add a driver survey to learn why"). */
  suggestions: { kind: string; text: string }[];
  /** The head of the call list (top 10) as a table, when a value-at-risk analysis is present. */
  callList: { source: { id: string; kind: string }; table: AnalysisTable; title: string; note: string } | null;
}
