import type { EChartsOption } from 'echarts';
import type { z } from 'zod';
import type { QueryEngine } from '../engine/QueryEngine';
import type { ChartTheme } from '../charts/theme';
import type { TFunction } from '../i18n/i18n';
import { ParetoSpecSchema, type ParetoSpec } from './pareto/spec';
import { computePareto } from './pareto/compute';
import { headline, classMixChartOption, lorenzChartOption, paretoChartOption, whaleChartOption } from './pareto/chart';
import type { ParetoResult } from './pareto/types';
import { survivalSpecSchema } from './survival/spec';
import { computeSurvival, type SurvivalResult } from './survival/compute';
import { survivalChartOption } from './survival/chart';
import { hazardChartOption } from './survival/hazardChart';
import { incidenceChartOption } from './survival/incidenceChart';
import { rmstChartOption } from './survival/rmstChart';
import { incidenceFinding, rmstFinding } from './survival/modelsText';
import type { Translate } from './survival/format';
import { cohortSpecSchema } from './cohort/spec';
import { computeCohorts, type CohortResult } from './cohort/compute';
import { cohortCurveOption, cohortHeatmapOption } from './cohort/chart';
import { reasonsSpecSchema } from './reasons/spec';
import { computeReasons, type ReasonsResult } from './reasons/compute';
import { reasonsParetoOption } from './reasons/chart';
import { quadrantSpecSchema } from './quadrant/spec';
import { computeQuadrant } from './quadrant/compute';
import { quadrantChartOption } from './quadrant/chart';
import { relabel } from './quadrant/relabel';
import type { QuadrantResult } from './quadrant/result';
import * as F from '../deck/findings';
import { paretoTable, quadrantTable, reasonsTable, survivalTable } from '../deck/resultTables';
import type { AnalysisTable } from '../deck/tables';
import { riskSpecSchema } from './risk/spec';
import { computeRisk, type RiskResult } from './risk/compute';
import { lossParetoOption, riskByClassOption } from './risk/chart';
import { callListTable, concentrationFinding, lossParetoFinding, riskTakeaway } from './risk/text';
import { coxSpecSchema } from './cox/spec';
import { computeCox, type CoxResult } from './cox/compute';
import { forestOption, phPlotOption, predictedOption } from './cox/chart';
import { coxFinding, coxTable, coxTakeaway, phFinding, worstPhTerm } from './cox/text';

/**
 * One record per analysis kind, so the CLI, the deck builder and the workbench treat analyses alike:
 * spec schema → compute → charts (each titled with its finding) → table → one-line takeaway. Pure.
 */

export const ANALYSIS_KINDS = ['pareto', 'survival', 'hazard', 'cohort', 'reasons', 'quadrant', 'risk', 'cox'] as const;
export type AnalysisKind = (typeof ANALYSIS_KINDS)[number];

export interface AnalysisChart {
  id: string;
  /** The finding this chart shows, as one sentence (a slide title). */
  title: string;
  option: EChartsOption;
}

/** Logical size the chart is laid out for (the quadrant places labels for it). */
export interface ChartSize {
  width: number;
  height: number;
}

export interface AnalysisRecord<R = unknown> {
  kind: AnalysisKind;
  schema: z.ZodType;
  /** Chart ids in the order `charts` returns them (the first is the main chart). */
  chartIds: readonly string[];
  compute(engine: QueryEngine, spec: unknown): Promise<R>;
  charts(result: R, t: TFunction, theme: ChartTheme, size?: ChartSize): AnalysisChart[];
  table?(result: R, t: TFunction): AnalysisTable;
  takeaway(result: R, t: TFunction): string;
  /** The SQL that produced the result (speaker notes, "Show SQL"). */
  sql(result: R): string;
}

const tr = (t: TFunction) => t as unknown as Translate;
const titleOf = (o: EChartsOption): string => {
  const title = Array.isArray(o.title) ? o.title[0] : o.title;
  return String((title as { text?: string } | undefined)?.text ?? '');
};

/** The value's display name: the column, or the user's expression. */
export function paretoValueLabel(spec: ParetoSpec): string {
  return spec.value.kind === 'column' ? spec.value.column : (spec.value.label ?? spec.value.sql);
}

function record<R>(r: AnalysisRecord<R>): AnalysisRecord<unknown> {
  return r as unknown as AnalysisRecord<unknown>;
}

const pareto = record<ParetoResult & { spec: ParetoSpec }>({
  kind: 'pareto',
  schema: ParetoSpecSchema,
  chartIds: ['pareto', 'lorenz', 'whale', 'classMix'],
  async compute(engine, spec) {
    const s = ParetoSpecSchema.parse(spec);
    return { ...(await computePareto(engine, s)), spec: s };
  },
  charts(r, t, theme) {
    const ctx = { t, theme, valueLabel: paretoValueLabel(r.spec), groupLabel: r.spec.group };
    const out: AnalysisChart[] = [
      { id: 'pareto', title: headline(r, ctx.valueLabel, t), option: paretoChartOption(r, ctx) },
      { id: 'lorenz', title: '', option: lorenzChartOption(r, ctx) },
      { id: 'whale', title: '', option: whaleChartOption(r, ctx) },
    ];
    if (r.groups.length) out.push({ id: 'classMix', title: '', option: classMixChartOption(r, ctx) });
    return out.map((c) => ({ ...c, title: c.title || titleOf(c.option) }));
  },
  table: (r, t) => paretoTable(r, paretoValueLabel(r.spec), t),
  takeaway(r, t) {
    const a = r.classes.find((c) => c.name === 'A')!;
    return t('export.takeaway.pareto', { count: a.count, customerShare: a.customerShare, valueShare: a.valueShare, value: paretoValueLabel(r.spec) });
  },
  sql: (r) => r.sql,
});

const survival = record<SurvivalResult>({
  kind: 'survival',
  schema: survivalSpecSchema,
  // rmst with two or more groups, incidence with a cause
  chartIds: ['km', 'rmst', 'incidence'],
  compute: (engine, spec) => computeSurvival(engine, spec),
  charts: (r, t, theme) => [
    { id: 'km', title: F.survivalFinding(r, t), option: survivalChartOption(r, tr(t), theme) },
    ...(r.rmst && r.rmst.groups.length > 1 ? [{ id: 'rmst', title: rmstFinding(r, tr(t)), option: rmstChartOption(r, tr(t), theme) }] : []),
    ...(r.incidence ? [{ id: 'incidence', title: incidenceFinding(r, tr(t)), option: incidenceChartOption(r, tr(t), theme) }] : []),
  ],
  table: survivalTable,
  takeaway: F.survivalTakeaway,
  sql: (r) => r.sql,
});

/**
 * The hazard chart stacks title, legend and plot at fixed offsets sized for the workbench's type;
 * with the larger slide type they overlap, so space them by the theme's font sizes.
 */
function spacedHazard(o: EChartsOption, theme: ChartTheme): EChartsOption {
  const fs = theme.fontSize;
  const legendTop = fs.title + 16;
  const plotTop = (o.legend ? legendTop + fs.legend + 16 : fs.title + 16) + fs.axisName + 16;
  return { ...o, legend: o.legend ? { ...(o.legend as object), top: legendTop } : undefined, grid: { ...(o.grid as object), top: plotTop } };
}

const hazard = record<SurvivalResult>({
  ...(survival as unknown as AnalysisRecord<SurvivalResult>),
  kind: 'hazard',
  chartIds: ['hazard'],
  charts: (r, t, theme) => [{ id: 'hazard', title: F.hazardFinding(r, t), option: spacedHazard(hazardChartOption(r, tr(t), theme), theme) }],
  takeaway: F.hazardTakeaway,
});

const cohort = record<CohortResult>({
  kind: 'cohort',
  schema: cohortSpecSchema,
  chartIds: ['heatmap', 'curve'],
  compute: (engine, spec) => computeCohorts(engine, spec),
  charts: (r, t, theme) => {
    const title = F.cohortFinding(r, t);
    return [
      { id: 'heatmap', title, option: cohortHeatmapOption(r, tr(t), theme) },
      { id: 'curve', title, option: cohortCurveOption(r, tr(t), theme) },
    ];
  },
  takeaway: F.cohortTakeaway,
  sql: (r) => r.sql,
});

const reasons = record<ReasonsResult>({
  kind: 'reasons',
  schema: reasonsSpecSchema,
  chartIds: ['pareto'],
  compute: (engine, spec) => computeReasons(engine, spec),
  charts: (r, t, theme) => [{ id: 'pareto', title: F.reasonsFinding(r, t), option: reasonsParetoOption(r.overall, tr(t), theme) }],
  table: reasonsTable,
  takeaway: F.reasonsTakeaway,
  sql: (r) => r.sql,
});

const quadrant = record<QuadrantResult>({
  kind: 'quadrant',
  schema: quadrantSpecSchema,
  chartIds: ['quadrant'],
  compute: (engine, spec) => computeQuadrant(engine, spec as never),
  // Labels re-placed at the drawn size so each names its own point (as on screen).
  charts: (r, t, theme, size) => [
    { id: 'quadrant', title: F.quadrantFinding(r, t), option: relabel(quadrantChartOption(r, tr(t), theme, size ?? {}), size ?? { width: 960, height: 540 }, theme, r.spec.axes === 'importance-x') },
  ],
  table: quadrantTable,
  takeaway: F.quadrantTakeaway,
  sql: (r) => r.sql.join(';\n\n'),
});

/** Value at risk: by class and segment, the loss Pareto; its table is the head of the call list. */
const risk = record<RiskResult>({
  kind: 'risk',
  schema: riskSpecSchema,
  chartIds: ['byClass', 'lossPareto'],
  compute: (engine, spec) => computeRisk(engine, spec),
  charts: (r, t, theme) => [
    { id: 'byClass', title: concentrationFinding(r, t), option: riskByClassOption(r, t, theme) },
    { id: 'lossPareto', title: lossParetoFinding(r, t), option: lossParetoOption(r, t, theme) },
  ],
  table: (r, t) => callListTable(r, r.top.slice(0, 10), t),
  takeaway: riskTakeaway,
  sql: (r) => r.sql,
});

/** Cox regression: the forest plot, the PH check of the most doubtful term, predicted survival. */
const cox = record<CoxResult>({
  kind: 'cox',
  schema: coxSpecSchema,
  chartIds: ['forest', 'ph', 'predicted'],
  compute: (engine, spec) => computeCox(engine, spec),
  charts: (r, t, theme) => {
    const term = worstPhTerm(r);
    const predicted = predictedOption(r, t, theme);
    return [
      { id: 'forest', title: coxFinding(r, t), option: forestOption(r, t, theme) },
      { id: 'ph', title: phFinding(r, term, t), option: phPlotOption(r, term, t, theme) },
      { id: 'predicted', title: titleOf(predicted), option: predicted },
    ];
  },
  table: coxTable,
  takeaway: coxTakeaway,
  sql: (r) => r.sql,
});

export const REGISTRY: Record<AnalysisKind, AnalysisRecord> = { pareto, survival, hazard, cohort, reasons, quadrant, risk, cox };

export function analysisRecord(kind: AnalysisKind): AnalysisRecord {
  return REGISTRY[kind];
}
