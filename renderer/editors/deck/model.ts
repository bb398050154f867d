import { REGISTRY, type AnalysisChart } from '../../../shared/analysis/registry';
import type { SurvivalResult } from '../../../shared/analysis/survival/compute';
import type { ReasonsResult } from '../../../shared/analysis/reasons/compute';
import { SLIDE_THEME } from '../../../shared/charts/theme';
import { PRESETS } from '../../../shared/export/exportSizes';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import type { TFunction } from '../../../shared/i18n/i18n';
import { retagResult } from '../reasons/reasonsForm';
import { withHazardWidth } from '../survival/survivalTable';
import { ParetoSpecSchema } from '../../../shared/analysis/pareto/spec';
import { keepResult, knownResult, markRun } from '../../study/preparedRuns';
import type { DeckItem } from './items';
import type { DeckAnalysis } from './sources';

export const SLIDE_SIZE = PRESETS.slide16x9;

/** An analysis with its result (or the error it raised). */
export interface LoadedAnalysis {
  analysis: DeckAnalysis;
  result?: unknown;
  error?: string;
}

/**
 * The analysis's result: the one it already has for this spec (its editor's run, or a study run's), else
 * computed through the registry once and kept with the analysis. Then what the editor shows on top is
 * applied (hazard width, reason tags).
 */
export async function analysisResult(engine: QueryEngine, a: DeckAnalysis): Promise<unknown> {
  let result = knownResult(a.tabId, a.spec);
  if (result === undefined) {
    markRun(a.tabId);
    result = await REGISTRY[a.kind].compute(engine, a.spec);
    keepResult(a.tabId, a.spec, result);
  }
  // The Pareto editor keeps computePareto's result; the slide charts also need the spec it answers.
  if (a.kind === 'pareto' && !(result as { spec?: unknown }).spec) result = { ...(result as object), spec: ParetoSpecSchema.parse(a.spec) };
  if (a.kind === 'hazard' && a.view?.hazardWidth) result = withHazardWidth(result as SurvivalResult, a.view.hazardWidth);
  if (a.kind === 'reasons' && a.view?.tags && Object.keys(a.view.tags).length) result = retagResult(result as ReasonsResult, a.view.tags);
  return result;
}

/** The analysis' charts laid out for a 16:9 slide with the slide theme. */
export function slideCharts(a: LoadedAnalysis, t: TFunction): AnalysisChart[] {
  return REGISTRY[a.analysis.kind].charts(a.result, t, SLIDE_THEME, SLIDE_SIZE);
}

/** One row per chart; the main chart of each analysis the editor shows is ticked. */
export function itemsFor(loaded: LoadedAnalysis[], t: TFunction): DeckItem[] {
  return loaded.flatMap((a) => {
    if (a.result === undefined) return [];
    const rec = REGISTRY[a.analysis.kind];
    const takeaway = rec.takeaway(a.result, t);
    return slideCharts(a, t).map((c, i) => ({
      id: `${a.analysis.key}/${c.id}`,
      analysisKey: a.analysis.key,
      kind: a.analysis.kind,
      chartId: c.id,
      title: c.title,
      takeaway,
      include: (i === 0 || c.id === a.analysis.view?.chart) && a.analysis.preferred,
      hasTable: !!rec.table,
      withTable: false,
    }));
  });
}
