import { readFileSync } from 'node:fs';
import type { CliCommand } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS, exportSizeFrom, writeChartFiles } from '../chartOutput';
import { TenureError } from '../../errors';
import { REGISTRY } from '../../analysis/registry';
import { SLIDE_THEME } from '../../charts/theme';
import { createI18n } from '../../i18n/i18n';
import { computeCox } from '../../analysis/cox/compute';
import { COX_TIES, type CoxProfile, type CoxSpecInput } from '../../analysis/cox/spec';
import { list, str } from './survival';

const CHARTS = ['forest', 'ph', 'predicted'];

/** `--reference COL=LEVEL` (repeatable; the level may itself contain "="). */
function references(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new TenureError('cli.badOption', `--reference expects COLUMN=LEVEL, got "${v}"`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

/** A profiles file: an array of `{ name?, values: {column: value} }` or of plain `{column: value}` objects. */
function readProfiles(path: string): CoxProfile[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new TenureError('cli.badOption', `--profiles: cannot read ${path} as JSON (${(err as Error).message})`, { file: path });
  }
  if (!Array.isArray(data)) throw new TenureError('cli.badOption', `--profiles: ${path} must hold a JSON array of profiles`, { file: path });
  return data.map((p: unknown, i) => {
    if (!p || typeof p !== 'object') throw new TenureError('cli.badOption', `--profiles: entry ${i + 1} of ${path} is not an object`, { file: path });
    const o = p as Record<string, unknown>;
    if (o.values && typeof o.values === 'object') return { name: typeof o.name === 'string' ? o.name : undefined, values: o.values as CoxProfile['values'] };
    const { name, ...values } = o;
    return { name: typeof name === 'string' ? name : undefined, values: values as CoxProfile['values'] };
  });
}

export const coxCommand: CliCommand = {
  name: 'cox',
  usage:
    'cox FILE --time COL --event COL --event-value V [--event-value V2] --covariates "A,B,C" [--reference COL=LEVEL]... [--ties efron|breslow] [--profiles PROFILES.json --times 6,12,24] [--where SQL] [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--chart forest|ph|predicted] [--width 960 --height 540 --scale 2] --json',
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    chart: { type: 'string' },
    time: { type: 'string' },
    unit: { type: 'string' },
    event: { type: 'string' },
    'event-value': { type: 'string', multiple: true },
    covariates: { type: 'string' },
    reference: { type: 'string', multiple: true },
    ties: { type: 'string' },
    profiles: { type: 'string' },
    times: { type: 'string' },
    where: { type: 'string' },
  },
  async run(ctx) {
    const time = str(ctx, 'time');
    const event = str(ctx, 'event');
    const values = list(ctx, 'event-value');
    if (!time || !event || !values.length) throw new TenureError('cli.badOption', 'Give --time COL --event COL --event-value V (the value that means churned)');
    const covariates = (str(ctx, 'covariates') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (!covariates.length) throw new TenureError('cli.badOption', 'Give --covariates "A,B,C" (the columns that may explain churn)');
    const ties = str(ctx, 'ties') ?? 'efron';
    if (!(COX_TIES as readonly string[]).includes(ties)) throw new TenureError('cli.badOption', `--ties expects efron or breslow, got "${ties}"`);
    const chart = str(ctx, 'chart') ?? 'forest';
    if (!CHARTS.includes(chart)) throw new TenureError('cli.badOption', `--chart expects ${CHARTS.join(', ')}, got "${chart}"`);
    const timesText = str(ctx, 'times');
    const times = timesText?.split(',').map((s) => {
      const x = Number(s.trim());
      if (s.trim() === '' || !Number.isFinite(x) || x < 0) throw new TenureError('cli.badOption', `--times expects times separated by commas, got "${timesText}"`);
      return x;
    });
    const profilesPath = str(ctx, 'profiles');
    const spec: CoxSpecInput = {
      table: '',
      time: { kind: 'duration', column: time, ...(str(ctx, 'unit') ? { unit: str(ctx, 'unit') } : {}) },
      event: { column: event, values },
      covariates,
      references: references(list(ctx, 'reference')),
      ties: ties as CoxSpecInput['ties'],
      where: str(ctx, 'where'),
      profiles: profilesPath ? readProfiles(profilesPath) : [],
      times,
    };
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeCox(engine, { ...spec, table: imported.table });
      const m = r.model;
      let files: { png?: string; svg?: string } | undefined;
      if (ctx.values.png || ctx.values.svg) {
        const c = REGISTRY.cox.charts(r, createI18n('en').t, SLIDE_THEME, exportSizeFrom(ctx)).find((x) => x.id === chart)!;
        files = await writeChartFiles(ctx, c.option);
      }
      return {
        n: m.n,
        events: m.events,
        excluded: r.excluded,
        ties: m.ties,
        references: Object.fromEntries(m.factors.map((f) => [f.column, f.reference])),
        loglik: { null: m.loglikNull, model: m.loglik },
        iterations: m.iterations,
        concordance: m.concordance,
        likelihoodRatio: m.likelihoodRatio,
        wald: m.wald,
        score: m.score,
        coefficients: m.coefficients.map((c) => ({ term: c.term, column: c.column, level: c.level, coef: c.coef, hazardRatio: c.hazardRatio, se: c.se, z: c.z, p: c.p, hrLower: c.hrLower, hrUpper: c.hrUpper })),
        phTest: m.phTest,
        predicted: r.predicted.map((p) => ({ profile: p.profile, values: p.values, times: p.times, survival: p.survival })),
        warnings: r.warnings,
        sql: r.sql,
        ...(files ? { files } : {}),
      };
    } finally {
      await engine.close();
    }
  },
};
