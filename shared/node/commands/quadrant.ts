import type { CliCommand, CliContext } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computeQuadrant, priorityTable } from '../../analysis/quadrant/compute';
import { IMPORTANCE_METHODS, type CrosshairSpec, type QuadrantSpecInput } from '../../analysis/quadrant/spec';
import type { DriverResult, GroupResult, QuadrantResult } from '../../analysis/quadrant/result';

const str = (ctx: CliContext, k: string): string | undefined => ctx.values[k] as string | undefined;
const list = (s: string): string[] => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
/** "0" → 0, "NA" → 'NA': codes compare numerically when they look like numbers. */
const code = (s: string): number | string => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);

function crosshairOf(s: string | undefined): CrosshairSpec {
  if (s === undefined || s === 'mean') return { type: 'mean' };
  if (s === 'median' || s === 'midpoint') return { type: s };
  const xy = s.split(',').map(Number);
  if (xy.length !== 2 || xy.some((v) => !Number.isFinite(v))) {
    throw new TenureError('cli.badOption', `--crosshair expects mean, median, midpoint or PERFORMANCE,IMPORTANCE (e.g. 3.2,0.25), got "${s}"`);
  }
  return { type: 'custom', performance: xy[0], importance: xy[1] };
}

function positiveInt(ctx: CliContext, k: string): number | undefined {
  const s = str(ctx, k);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new TenureError('cli.badOption', `--${k} expects a whole number, got "${s}"`);
  return n;
}

/** --missing: absent = the default codes (0); "none" or "" = every value is a rating. */
function missingOf(s: string | undefined): (number | string)[] | undefined {
  if (s === undefined) return undefined;
  return s.trim().toLowerCase() === 'none' ? [] : list(s).map(code);
}

/** CLI options → spec input (validated by the analysis itself). */
export function quadrantSpecFromCli(ctx: CliContext, table: string): QuadrantSpecInput {
  const drivers = list(str(ctx, 'drivers') ?? '');
  if (!drivers.length) throw new TenureError('cli.badOption', '--drivers "COL1,COL2,…" is required');
  const stated = str(ctx, 'stated') !== undefined ? list(str(ctx, 'stated')!) : undefined;
  if (stated && stated.length !== drivers.length) {
    throw new TenureError('cli.badOption', `--stated names ${stated.length} columns for ${drivers.length} drivers (one importance column per driver, same order)`);
  }
  const method = str(ctx, 'importance') ?? (stated ? 'stated' : 'pearson');
  if (!(IMPORTANCE_METHODS as readonly string[]).includes(method)) {
    throw new TenureError('cli.badOption', `--importance expects ${IMPORTANCE_METHODS.join(', ')}, got "${method}"`);
  }
  const outcome = str(ctx, 'outcome');
  const ov = str(ctx, 'outcome-value');
  const resamples = positiveInt(ctx, 'bootstrap');
  return {
    table,
    drivers: drivers.map((column, i) => ({ column, importanceColumn: stated?.[i] })),
    missing: missingOf(str(ctx, 'missing')),
    outcome: outcome ? { column: outcome, positive: ov, invert: ctx.values.invert === true } : undefined,
    importance: method as QuadrantSpecInput['importance'],
    crosshair: crosshairOf(str(ctx, 'crosshair')),
    segment: str(ctx, 'segment'),
    where: str(ctx, 'where'),
    bootstrap: resamples !== undefined ? { resamples, seed: positiveInt(ctx, 'seed') ?? 1 } : undefined,
  };
}

function driverJson(d: DriverResult) {
  return {
    name: d.column,
    n: d.n,
    nImportance: d.nImportance,
    performance: d.performance,
    performanceSd: d.performanceSd,
    performanceCI: d.performanceCI,
    importance: d.importance,
    zone: d.zone,
    marginPerformance: d.marginPerformance,
    marginImportance: d.marginImportance,
    ...(d.bootstrap ? { bootstrap: d.bootstrap } : {}),
  };
}

function groupJson(g: GroupResult) {
  return {
    crosshair: g.crosshair,
    rows: g.rows,
    drivers: g.drivers.map(driverJson),
    priority: priorityTable(g).map((d) => d.column),
    ...(g.regression ? { regression: g.regression } : {}),
  };
}

/** What `quadrant --json` prints for the file it read. */
export function quadrantJson(r: QuadrantResult, file: string) {
  return {
    file,
    method: r.method,
    notApplicable: r.spec.missing,
    ciMethod: r.ciMethod,
    ...groupJson(r.overall),
    segments: r.segments.map((g) => ({ name: g.segment, ...groupJson(g) })),
    warnings: r.warnings,
    sql: r.sql,
  };
}

export const quadrantCommand: CliCommand = {
  name: 'quadrant',
  usage:
    'quadrant FILE --drivers "COL1,COL2,…" (--outcome COL [--outcome-value V] [--invert] | --stated "IMP1,IMP2,…") [--missing 0|none] ' +
    '[--importance pearson|spearman|regression|stated] [--crosshair mean|median|midpoint|X,Y] [--segment COL] [--where SQL] ' +
    '[--bootstrap N [--seed S]] [--encoding E] [--png FILE] [--svg FILE] [--width 960 --height 540 --scale 2] --json',
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    drivers: { type: 'string' },
    outcome: { type: 'string' },
    'outcome-value': { type: 'string' },
    invert: { type: 'boolean' },
    stated: { type: 'string' },
    missing: { type: 'string' },
    importance: { type: 'string' },
    crosshair: { type: 'string' },
    segment: { type: 'string' },
    where: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
  },
  async run(ctx) {
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeQuadrant(engine, quadrantSpecFromCli(ctx, imported.table));
      return {
        ...quadrantJson(r, imported.file),
        ...(await analysisChartFiles(ctx, 'quadrant', r)),
      };
    } finally {
      await engine.close();
    }
  },
};
