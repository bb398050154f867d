import type { CliCommand } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { computeCohorts, type CohortResult } from '../../analysis/cohort/compute';
import { str } from './survival';

/** What `cohort --json` prints. */
export function cohortJson(r: CohortResult) {
  return {
    period: r.period,
    lastPeriod: r.lastPeriod,
    cohorts: r.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, active: c.active, retention: c.retention, ...(c.value ? { value: c.value } : {}) })),
    average: r.average,
    excluded: r.excluded,
    warnings: r.warnings,
    sql: r.sql,
  };
}

export const cohortCommand: CliCommand = {
  name: 'cohort',
  usage: 'cohort FILE --customer COL --date COL [--period month|quarter|week] [--value-expr SQL] [--where SQL] [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--width 960 --height 540 --scale 2] --json',
  options: { ...FILE_OPTIONS, ...CHART_OPTIONS, customer: { type: 'string' }, date: { type: 'string' }, period: { type: 'string' }, 'value-expr': { type: 'string' }, where: { type: 'string' } },
  async run(ctx) {
    const spec = { customer: str(ctx, 'customer'), date: str(ctx, 'date'), period: str(ctx, 'period'), valueExpr: str(ctx, 'value-expr'), where: str(ctx, 'where') };
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeCohorts(engine, { ...spec, table: imported.table });
      return {
        ...cohortJson(r),
        ...(await analysisChartFiles(ctx, 'cohort', r)),
      };
    } finally {
      await engine.close();
    }
  },
};
