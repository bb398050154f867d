import type { CliCommand } from '../cliTypes';
import { FILE_OPTIONS } from '../cliTypes';
import { openFileFromCli } from '../openFile';
import { CHART_OPTIONS } from '../chartOutput';
import { analysisChartFiles } from '../analysisChart';
import { TenureError } from '../../errors';
import { computeReasons, type ReasonsResult } from '../../analysis/reasons/compute';
import { list, str } from './survival';

/** What `reasons --json` prints. */
export function reasonsJson(r: ReasonsResult) {
  return { overall: r.overall, groups: r.groups, warnings: r.warnings, sql: r.sql };
}

export const reasonsCommand: CliCommand = {
  name: 'reasons',
  usage:
    'reasons FILE --reason COL --event COL --event-value V [--event-value V2] [--group COL] [--where SQL] [--controllable REASON]… [--not-controllable REASON]… [--sheet NAME] [--encoding E] [--png FILE] [--svg FILE] [--width 960 --height 540 --scale 2] --json',
  options: {
    ...FILE_OPTIONS,
    ...CHART_OPTIONS,
    reason: { type: 'string' },
    event: { type: 'string' },
    'event-value': { type: 'string', multiple: true },
    group: { type: 'string' },
    where: { type: 'string' },
    controllable: { type: 'string', multiple: true },
    'not-controllable': { type: 'string', multiple: true },
  },
  async run(ctx) {
    const event = str(ctx, 'event');
    if (!event || !list(ctx, 'event-value').length) throw new TenureError('cli.badOption', 'Give --event COL and at least one --event-value V (the value that means churned)');
    const controllable: Record<string, boolean> = {};
    for (const r of list(ctx, 'controllable')) controllable[r] = true;
    for (const r of list(ctx, 'not-controllable')) controllable[r] = false;
    const spec = { reason: str(ctx, 'reason'), event: { column: event, values: list(ctx, 'event-value') }, group: str(ctx, 'group'), where: str(ctx, 'where'), controllable };
    const { engine, imported } = await openFileFromCli(ctx);
    try {
      const r = await computeReasons(engine, { ...spec, table: imported.table });
      return { ...reasonsJson(r), ...(await analysisChartFiles(ctx, 'reasons', r)) };
    } finally {
      await engine.close();
    }
  },
};
