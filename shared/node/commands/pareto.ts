import type { CliCommand, CliContext } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computePareto } from '../../analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpecInput } from '../../analysis/pareto/spec';
import type { ParetoClassRow, ParetoResult } from '../../analysis/pareto/types';

const USAGE =
  'pareto FILE (--customer COL | --row-id) (--value COL | --value-expr SQL) [--where SQL] [--group COL] [--a 0.8] [--b 0.95] ' +
  '[--date COL (--last-months N | --from YYYY-MM-DD --to YYYY-MM-DD)] [--drop-non-positive] [--bins N] [--sheet NAME] [--encoding E] ' +
  '[--png FILE] [--svg FILE] [--width 960 --height 540 --scale 2] --json';

function str(ctx: CliContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' ? v : undefined;
}

function num(ctx: CliContext, name: string): number | undefined {
  const v = str(ctx, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new TenureError('cli.badOption', `--${name} expects a number, got "${v}"`);
  return x;
}

/** CLI options → spec input (zod checks the rest: thresholds, bins, dates). */
export function paretoSpecFromCli(ctx: CliContext, table: string): ParetoSpecInput {
  const customer = str(ctx, 'customer');
  const rowId = ctx.values['row-id'] === true;
  if (!customer === !rowId) throw new TenureError('cli.badOption', `Give exactly one of --customer COL or --row-id (usage: tenure ${USAGE})`);
  const column = str(ctx, 'value');
  const expr = str(ctx, 'value-expr');
  if (!column === !expr) throw new TenureError('cli.badOption', `Give exactly one of --value COL or --value-expr SQL (usage: tenure ${USAGE})`);
  const date = str(ctx, 'date');
  const months = num(ctx, 'last-months');
  const from = str(ctx, 'from');
  const to = str(ctx, 'to');
  if (!date && (months !== undefined || from || to)) throw new TenureError('cli.badOption', '--last-months, --from and --to need --date COL');
  const bins = num(ctx, 'bins');
  return {
    table,
    customer: customer ?? null,
    value: column ? { kind: 'column', column } : { kind: 'expr', sql: expr! },
    where: str(ctx, 'where'),
    group: str(ctx, 'group'),
    a: num(ctx, 'a'),
    b: num(ctx, 'b'),
    keepNonPositive: ctx.values['drop-non-positive'] !== true,
    date: date ? { column: date, period: months !== undefined ? { kind: 'lastMonths', months } : { kind: 'range', from, to } } : undefined,
    chart: bins !== undefined ? { bins } : undefined,
  };
}

const classJson = (c: ParetoClassRow) => ({ name: c.name, count: c.count, customerShare: c.customerShare, value: c.value, valueShare: c.valueShare, avgValue: c.avgValue });

/** The documented JSON shape (chart bins and Lorenz points stay out: they are for drawing). */
export function paretoJson(r: ParetoResult) {
  return {
    n: r.n,
    rows: r.rows,
    nullValues: r.nullValues,
    nullIds: r.nullIds,
    total: r.total,
    mean: r.mean,
    top20: { k: r.top20.k, share: r.top20.share },
    k80: r.k80,
    k95: r.k95,
    classes: r.classes.map(classJson),
    gini: r.gini,
    giniSampleCorrected: r.giniSampleCorrected,
    negative: r.negative,
    zeros: r.zeros,
    peak: { k: r.peak.k, share: r.peak.share },
    groups: r.groups.map((g) => ({
      name: g.name, n: g.n, value: g.value, valueShare: g.valueShare, customerShare: g.customerShare, avgValue: g.avgValue, classes: g.classes.map(classJson),
    })),
    exact: r.exact,
    warnings: r.warnings,
    sql: r.sql,
  };
}

export const paretoCommand: CliCommand = {
  name: 'pareto',
  usage: USAGE,
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    customer: { type: 'string' },
    'row-id': { type: 'boolean' },
    value: { type: 'string' },
    'value-expr': { type: 'string' },
    where: { type: 'string' },
    group: { type: 'string' },
    a: { type: 'string' },
    b: { type: 'string' },
    date: { type: 'string' },
    'last-months': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'drop-non-positive': { type: 'boolean' },
    bins: { type: 'string' },
  },
  async run(ctx) {
    // Check the options before the (slow) engine start and import.
    parseParetoSpec(paretoSpecFromCli(ctx, 'check'));
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const spec = paretoSpecFromCli(ctx, imported.table);
      const result = await computePareto(engine, spec);
      return { ...paretoJson(result), ...(await analysisChartFiles(ctx, 'pareto', { ...result, spec: parseParetoSpec(spec) })) };
    } finally {
      await engine.close();
    }
  },
};
