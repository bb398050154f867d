import type { CliCommand, CliContext } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computeSurvival, type SurvivalResult } from '../../analysis/survival/compute';
import type { SurvivalSpecInput } from '../../analysis/survival/spec';
import { P_ADJUST, type PAdjust } from '../../stats/pAdjust';
import { survivalExtras } from './survivalExtras';

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

/** What `survival --json` prints (also the `hazard` result of `study run`). */
export function survivalJson(r: SurvivalResult, asked = { pairwise: r.spec.pairwise != null, rmst: r.spec.rmstTau != null }) {
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
    ...survivalExtras(r, asked),
    excluded: r.excluded,
    warnings: r.warnings,
    sql: r.sql,
  };
}

/** --pairwise, --rmst, --cause / --cause-expr and --bands as spec fields. */
function extrasSpec(ctx: CliContext): Partial<SurvivalSpecInput> {
  const out: Partial<SurvivalSpecInput> = {};
  const pw = str(ctx, 'pairwise');
  if (pw !== undefined) {
    if (!(P_ADJUST as readonly string[]).includes(pw)) throw new TenureError('cli.badOption', `--pairwise expects holm, bonferroni or bh, got "${pw}"`);
    out.pairwise = pw as PAdjust;
  }
  const tau = str(ctx, 'rmst');
  if (tau !== undefined && tau !== 'auto') {
    const x = num(ctx, 'rmst')!;
    if (!(x > 0)) throw new TenureError('cli.badOption', `--rmst expects a positive time or auto, got "${tau}"`);
    out.rmstTau = x;
  }
  const cause = str(ctx, 'cause');
  const expr = str(ctx, 'cause-expr');
  if (cause !== undefined && expr !== undefined) throw new TenureError('cli.badOption', 'Give --cause COL or --cause-expr SQL, not both');
  if (cause !== undefined) out.cause = { kind: 'column', column: cause };
  if (expr !== undefined) out.cause = { kind: 'sql', sql: expr };
  const bands = num(ctx, 'bands');
  if (bands !== undefined) {
    if (!Number.isInteger(bands) || bands < 2 || bands > 20) throw new TenureError('cli.badOption', `--bands expects a whole number from 2 to 20, got "${bands}"`);
    if (!str(ctx, 'group')) throw new TenureError('cli.badOption', '--bands needs --group COL (a numeric column)');
    out.bands = bands;
  }
  return out;
}

export const survivalCommand: CliCommand = {
  name: 'survival',
  usage:
    'survival FILE (--time COL | --start COL --end COL [--unit days|weeks|months] [--as-of YYYY-MM-DD]) --event COL --event-value V [--event-value V2] [--group COL] [--where SQL] [--conf-type log|log-log|plain] [--times 1,3,6,12] [--rmean T] [--hazard-width W] [--pairwise holm|bonferroni|bh] [--rmst TAU|auto] [--cause COL | --cause-expr SQL] [--bands N] [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--chart km|hazard|rmst|incidence] [--width 960 --height 540 --scale 2] --json',
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
    pairwise: { type: 'string' },
    rmst: { type: 'string' },
    cause: { type: 'string' },
    'cause-expr': { type: 'string' },
    bands: { type: 'string' },
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
      ...extrasSpec(ctx),
    };
    const chart = str(ctx, 'chart') ?? 'km';
    if (!['km', 'hazard', 'rmst', 'incidence'].includes(chart)) throw new TenureError('cli.badOption', `--chart expects km, hazard, rmst or incidence, got "${chart}"`);
    if (chart === 'rmst' && !spec.group) throw new TenureError('cli.badOption', '--chart rmst needs --group COL (it compares groups)');
    if (chart === 'incidence' && !spec.cause) throw new TenureError('cli.badOption', '--chart incidence needs --cause COL or --cause-expr SQL');
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeSurvival(engine, { ...spec, table: imported.table });
      return {
        ...survivalJson(r, { pairwise: ctx.values.pairwise !== undefined, rmst: ctx.values.rmst !== undefined }),
        ...(await analysisChartFiles(ctx, chart === 'hazard' ? 'hazard' : 'survival', r, chart)),
      };
    } finally {
      await engine.close();
    }
  },
};
