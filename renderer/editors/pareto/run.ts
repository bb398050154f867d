import type { TFunction } from 'i18next';
import { computePareto } from '../../../shared/analysis/pareto/compute';
import { parseParetoSpec, type ParetoSpec } from '../../../shared/analysis/pareto/spec';
import { customerListSql, type CustomerSelection } from '../../../shared/analysis/pareto/sql';
import type { ParetoResult } from '../../../shared/analysis/pareto/types';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { openQueryGrid } from '../analysis';
import { computeOnce } from '../../study/preparedRuns';
import { toSpecInput, valueLabel, type ParetoForm } from './form';

/** One finished run: the validated spec, the result and the value's display name, kept together. */
export interface ParetoRun {
  spec: ParetoSpec;
  result: ParetoResult;
  label: string;
  groupLabel?: string;
}

/** `id`: the analysis (editor tab), so a result a study run already computed for this spec is taken, not recomputed. */
export async function runPareto(engine: QueryEngine, form: ParetoForm, id: string): Promise<ParetoRun> {
  const input = toSpecInput(form);
  const spec = parseParetoSpec(input);
  const result = await computeOnce(id, input, () => computePareto(engine, spec));
  return { spec, result, label: valueLabel(form), groupLabel: spec.group };
}

/** Customers of a class or a rank range, in a grid tab (all of them: the grid pages through the query). */
export function openCustomers(run: ParetoRun, sel: CustomerSelection, t: TFunction): void {
  const group = 'class' in sel && sel.group ? run.result.groups.find((g) => g.name === sel.group!.value) : undefined;
  const classes = group ? group.classes : run.result.classes;
  const count = 'class' in sel ? classes.find((c) => c.name === sel.class)!.count : sel.toRank - sel.fromRank + 1;
  const sql = customerListSql(run.spec, run.result.mode, sel, Math.max(1, count));
  const cls = 'class' in sel ? { key: `pareto.class.${sel.class}` } : '';
  // Kept as a key with parameters: the tab title follows a language switch.
  const [titleKey, titleParams]: [string, Record<string, string | number | { key: string }>] =
    'class' in sel
      ? group
        ? ['pareto.editor.customersOfClassInGroup', { cls, group: group.name ?? { key: 'pareto.blankGroup' }, value: run.label }]
        : ['pareto.editor.customersOfClass', { cls, value: run.label }]
      : ['pareto.editor.customersOfRanks', { from: sel.fromRank, to: sel.toRank, value: run.label }];
  const title = String(t(titleKey, Object.fromEntries(Object.entries(titleParams).map(([k, v]) => [k, typeof v === 'object' ? String(t(v.key)) : v]))));
  const captionParams = { count, table: run.spec.table, value: run.label };
  const caption = t('pareto.editor.customersCaption', captionParams);
  openQueryGrid(title, { sql, caption, fileTitle: `${run.spec.table} ${title}`, percentColumns: ['cum_share'], titleKey, titleParams, captionKey: 'pareto.editor.customersCaption', captionParams });
}
