import type { CliCommand, CliContext } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computeSurvival } from '../../analysis/survival/compute';
import type { SurvivalSpecInput } from '../../analysis/survival/spec';

export function str(ctx: CliContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function list(ctx: CliContext, name: string): string[] {
  const v = ctx.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function num(ctx: CliContext, name: string): number | undefined {
  const v = str(ctx, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new TenureError('cli.badOption', `--${name} expects a number, got "${v}"`);
  return x;
}

function numList(ctx: CliContext, name: string): number[] | undefined {
  const v = str(ctx, name);
  if (v === undefined) return undefined;
  return v.split(',').map((s) => {
    const x = Number(s.trim());
    if (s.trim() === '' || !Number.isFinite(x)) throw new TenureError('cli.badOption', `--${name} expects numbers separated by commas, got "${v}"`);
    return x;
  });
}

export const survivalCommand: CliCommand = {
  name: 'survival',
  usage:
    'survival FILE (--time COL | --start COL --end COL [--unit days|weeks|months] [--as-of YYYY-MM-DD]) --event COL --event-value V [--event-value V2] [--group COL] [--where SQL] [--conf-type log|log-log|plain] [--times 1,3,6,12] [--rmean T] [--hazard-width W] [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--chart km|hazard] [--width 960 --height 540 --scale 2] --json',
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    chart: { type: 'string' },
    time: { type: 'string' },
    start: { type: 'string' },
    end: { type: 'string' },
    unit: { type: 'string' },
    'as-of': { type: 'string' },
    event: { type: 'string' },
    'event-value': { type: 'string', multiple: true },
    group: { type: 'string' },
    where: { type: 'string' },
    'conf-type': { type: 'string' },
    'conf-level': { type: 'string' },
    times: { type: 'string' },
    rmean: { type: 'string' },
    'hazard-width': { type: 'string' },
  },
  async run(ctx) {
    const timeCol = str(ctx, 'time');
    const start = str(ctx, 'start');
    if (!timeCol && !start) throw new TenureError('cli.badOption', 'Give --time COL (a duration) or --start COL --end COL (dates)');
    const event = str(ctx, 'event');
    const values = list(ctx, 'event-value');
    if (event && !values.length) throw new TenureError('cli.badOption', '--event needs at least one --event-value (the value that means churned)');
    if (!event && values.length) throw new TenureError('cli.badOption', '--event-value needs --event COL');
    const spec: SurvivalSpecInput = {
      table: '',
      time: timeCol
        ? { kind: 'duration', column: timeCol, ...(str(ctx, 'unit') ? { unit: str(ctx, 'unit') } : {}) }
        : { kind: 'dates', start: start!, end: str(ctx, 'end') ?? '', unit: str(ctx, 'unit') as never, asOf: str(ctx, 'as-of') },
      event: event ? { column: event, values } : undefined,
      group: str(ctx, 'group'),
      where: str(ctx, 'where'),
      confType: str(ctx, 'conf-type') as never,
      confLevel: num(ctx, 'conf-level'),
      horizons: numList(ctx, 'times'),
      rmeanTau: num(ctx, 'rmean'),
      hazardWidth: num(ctx, 'hazard-width'),
    };
    const chart = str(ctx, 'chart') ?? 'km';
    if (chart !== 'km' && chart !== 'hazard') throw new TenureError('cli.badOption', `--chart expects km or hazard, got "${chart}"`);
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeSurvival(engine, { ...spec, table: imported.table });
      return {
        unit: r.unit,
        confType: r.spec.confType,
        groups: r.groups.map((g) => ({
          name: g.name,
          n: g.n,
          events: g.events,
          censored: g.censored,
          median: g.median,
          medianCI: g.medianCI,
          rmean: { tau: r.rmeanTau, value: g.rmean },
          atTimes: g.atTimes.map((a) => ({ time: a.time, nRisk: a.nRisk, survival: a.survival, stdErr: a.stdErr, lower: a.lower, upper: a.upper })),
          steps: g.steps.map((s) => ({ time: s.time, nRisk: s.nRisk, nEvent: s.nEvent, nCensor: s.nCensor, survival: s.survival, stdErr: s.stdErr, lower: s.lower, upper: s.upper })),
          hazard: g.hazard,
        })),
        logrank: r.logrank && { chisq: r.logrank.chisq, df: r.logrank.df, p: r.logrank.p, log10p: r.logrank.log10p, observed: r.logrank.observed, expected: r.logrank.expected },
        excluded: r.excluded,
        sql: r.sql,
        ...(await analysisChartFiles(ctx, chart === 'km' ? 'survival' : 'hazard', r)),
      };
    } finally {
      await engine.close();
    }
  },
};
