import type { CliCommand, CliContext } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computeRisk, type RiskResult } from '../../analysis/risk/compute';
import { parseRiskSpec, type RiskSpecInput } from '../../analysis/risk/spec';
import { list, num, str } from './survival';

const USAGE =
  'risk FILE --customer COL --time COL --event COL --event-value V [--event-value V2] [--segment COL] (--value COL | --value-expr SQL) --horizon H ' +
  '[--min-at-risk 20] [--classes-from PARETO_VALUE_COL] [--top 25] [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--width 960 --height 540 --scale 2] --json';

/** CLI options → spec input; zod checks the numbers (horizon > 0, whole minimum at risk and top). */
export function riskSpecFromCli(ctx: CliContext, table: string): RiskSpecInput {
  const need = (name: string): string => {
    const v = str(ctx, name);
    if (!v) throw new TenureError('cli.badOption', `Give --${name} (usage: tenure ${USAGE})`);
    return v;
  };
  const values = list(ctx, 'event-value');
  if (!values.length) throw new TenureError('cli.badOption', `Give at least one --event-value (the value that means churned; usage: tenure ${USAGE})`);
  const column = str(ctx, 'value');
  const expr = str(ctx, 'value-expr');
  if (!column === !expr) throw new TenureError('cli.badOption', `Give exactly one of --value COL or --value-expr SQL (usage: tenure ${USAGE})`);
  const horizon = num(ctx, 'horizon');
  if (horizon === undefined) throw new TenureError('cli.badOption', `Give --horizon H, in the time column's unit (usage: tenure ${USAGE})`);
  const classesFrom = str(ctx, 'classes-from');
  return {
    table,
    customer: need('customer'),
    time: { kind: 'duration', column: need('time') },
    event: { column: need('event'), values },
    segment: str(ctx, 'segment'),
    value: column ? { kind: 'column', column } : { kind: 'expr', sql: expr! },
    horizon,
    minAtRisk: num(ctx, 'min-at-risk'),
    classes: classesFrom ? { kind: 'pareto', value: { kind: 'column', column: classesFrom } } : { kind: 'none' },
    top: num(ctx, 'top'),
  };
}

/** The documented JSON shape (issue 14). */
export function riskJson(r: RiskResult) {
  return {
    horizon: r.horizon,
    minAtRisk: r.minAtRisk,
    customers: r.customers,
    active: r.active,
    notScored: r.notScored,
    thinTail: r.thinTail,
    valueActiveScored: r.valueActiveScored,
    valueAtRisk: r.valueAtRisk,
    bySegment: r.bySegment.map((s) => ({ segment: s.segment, scored: s.scored, valueAtRisk: s.valueAtRisk, meanP: s.meanP })),
    byClass: r.byClass.map((c) => ({ class: c.class, scored: c.scored, valueAtRisk: c.valueAtRisk })),
    top: r.top.map((x) => ({ id: x.id, segment: x.segment, time: x.time, p: x.p, value: x.value, expectedLoss: x.expectedLoss })),
    warnings: r.warnings,
    sql: r.sql,
  };
}

export const riskCommand: CliCommand = {
  name: 'risk',
  usage: USAGE,
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    customer: { type: 'string' },
    time: { type: 'string' },
    event: { type: 'string' },
    'event-value': { type: 'string', multiple: true },
    segment: { type: 'string' },
    value: { type: 'string' },
    'value-expr': { type: 'string' },
    horizon: { type: 'string' },
    'min-at-risk': { type: 'string' },
    'classes-from': { type: 'string' },
    top: { type: 'string' },
  },
  async run(ctx) {
    // Check the options before the (slow) engine start and import.
    parseRiskSpec(riskSpecFromCli(ctx, 'check'));
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeRisk(engine, riskSpecFromCli(ctx, imported.table));
      return { ...riskJson(r), ...(await analysisChartFiles(ctx, 'risk', r)) };
    } finally {
      await engine.close();
    }
  },
};
