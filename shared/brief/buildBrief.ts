import type { TFunction } from '../i18n/i18n';
import { ANALYSIS_KINDS, REGISTRY, type AnalysisKind } from '../analysis/registry';
import type { ParetoResult } from '../analysis/pareto/types';
import { parseParetoSpec, type ParetoSpec } from '../analysis/pareto/spec';
import type { SurvivalResult } from '../analysis/survival/compute';
import type { QuadrantResult } from '../analysis/quadrant/result';
import type { ReasonsResult } from '../analysis/reasons/compute';
import type { RiskResult } from '../analysis/risk/compute';
import { callListTable, valueLabel } from '../analysis/risk/text';
import { BRIEF_TOPICS, type Brief, type BriefItem, type BriefSentence, type BriefTopic, type CoxBriefResult } from './types';
import * as S from './sentences';

export interface BriefOptions {
  /**
   * Analysis kinds the app offers: a missing one is suggested only if the user could add it.
   * Default: the registry's kinds (plus 'cox' once it joins the registry).
   */
  available?: readonly string[];
  /** Minimum at risk for a segment's critical window (default: the value-at-risk spec's, else 20). */
  minAtRisk?: number;
}

/** The kinds that answer the brief's questions, in the order their suggestions are listed. */
const SUGGESTED = ['pareto', 'survival', 'quadrant', 'reasons', 'risk', 'cox'] as const;

function sqlOf(item: BriefItem): string {
  if ((ANALYSIS_KINDS as readonly string[]).includes(item.kind)) {
    try {
      return REGISTRY[item.kind as AnalysisKind].sql(item.result);
    } catch {
      return '';
    }
  }
  const sql = (item.result as { sql?: unknown } | null)?.sql;
  return typeof sql === 'string' ? sql : '';
}

/**
 * The retention brief: the study's findings as plain sentences in five topics (who makes the profit,
 * when customers leave, why, what is at risk, what to do), each linked to the analysis that made it;
 * analyses the study lacks become suggestions. Pure: results in, sentences out, in t's language.
 * Only the first analysis of each kind speaks (a study usually has one of each).
 */
export function buildBrief(items: readonly BriefItem[], t: TFunction, opts: BriefOptions = {}): Brief {
  const first = (...kinds: string[]) => items.find((x) => kinds.includes(x.kind) && x.result !== undefined && x.result !== null);
  const pareto = first('pareto');
  const survival = first('survival', 'hazard');
  const quadrant = first('quadrant');
  const reasons = first('reasons');
  const risk = first('risk');
  const cox = first('cox');
  const riskResult = risk?.result as RiskResult | undefined;
  const minAtRisk = opts.minAtRisk ?? riskResult?.minAtRisk ?? 20;

  const sentences: BriefSentence[] = [];
  const say = (topic: BriefTopic, item: BriefItem, texts: string[]) => {
    const sql = sqlOf(item);
    for (const text of texts) if (text) sentences.push({ topic, text, source: { id: item.id, kind: item.kind }, sql });
  };

  if (pareto) {
    const r = pareto.result as ParetoResult & { spec?: ParetoSpec };
    const withSpec = { ...r, spec: r.spec ?? parseParetoSpec(pareto.spec as never) };
    say('profit', pareto, S.paretoSentences(withSpec, t, REGISTRY.pareto.takeaway(withSpec, t)));
  }
  if (survival) say('when', survival, S.whenSentences(S.whenFromSurvival(survival.result as SurvivalResult, minAtRisk), t));
  else if (risk) say('when', risk, S.whenSentences(S.whenFromRisk(riskResult!), t));
  if (cox) say('why', cox, S.coxSentences(cox.result as CoxBriefResult, t));
  if (quadrant) say('why', quadrant, S.quadrantSentences(quadrant.result as QuadrantResult, t));
  if (reasons) say('why', reasons, S.reasonsSentences(reasons.result as ReasonsResult, t));
  if (risk) say('risk', risk, S.riskSentences(riskResult!, t));
  if (quadrant) {
    const d = S.quadrantDrivers(quadrant.result as QuadrantResult);
    if (d.concentrate.length) say('action', quadrant, [t('brief.action.fix', { drivers: S.joinList(t, d.concentrate) })]);
  }
  if (risk) say('action', risk, S.callSentences(riskResult!, t));

  const present = new Set(items.map((x) => (x.kind === 'hazard' ? 'survival' : x.kind)));
  // A value-at-risk analysis already says when customers leave (its segments' KM curves).
  if (present.has('risk')) present.add('survival');
  const available = new Set((opts.available ?? ANALYSIS_KINDS).map((k) => (k === 'hazard' ? 'survival' : k)));
  const suggestions = SUGGESTED.filter((k) => available.has(k) && !present.has(k)).map((kind) => ({ kind, text: t(`brief.suggest.${kind}`) }));

  return {
    title: t('brief.title'),
    sections: BRIEF_TOPICS.map((topic) => ({ topic, heading: t(`brief.topic.${topic}`), sentences: sentences.filter((s) => s.topic === topic) })).filter((s) => s.sentences.length > 0),
    suggestions,
    callList:
      risk && riskResult && riskResult.top.length
        ? {
            source: { id: risk.id, kind: risk.kind },
            table: callListTable(riskResult, riskResult.top.slice(0, 10), t),
            title: t('brief.callListTitle', { n: Math.min(10, riskResult.top.length) }),
            note: t('brief.callListTakeaway', { value: valueLabel(riskResult) }),
          }
        : null,
  };
}

/** The brief as plain text (Markdown headings and bullets): the CLI's `text`, "Copy as text" in the editor. */
export function briefText(b: Brief, t: TFunction): string {
  const lines = [`# ${b.title}`, ''];
  for (const s of b.sections) lines.push(`## ${s.heading}`, ...s.sentences.map((x) => `- ${x.text}`), '');
  if (b.suggestions.length) lines.push(`## ${t('brief.editor.suggestions')}`, ...b.suggestions.map((x) => `- ${x.text}`), '');
  return lines.join('\n').trimEnd() + '\n';
}
