import { reasonTable, type ReasonTable, type ReasonsResult } from '../../../shared/analysis/reasons/compute';
import type { ReasonsSpecInput } from '../../../shared/analysis/reasons/spec';
import { guessSurvivalForm } from '../survival/survivalForm';

/** The reasons side panel's state; `tags` (reason → controllable) is edited in the result's tag table. */
export interface ReasonsForm {
  table: string;
  reason: string;
  event: string;
  eventValues: string[];
  group: string;
  where: string;
  tags: Record<string, boolean>;
}

export type Tag = 'yes' | 'no' | 'none';

export function emptyReasonsForm(table = ''): ReasonsForm {
  return { table, reason: '', event: '', eventValues: [], group: '', where: '', tags: {} };
}

/** Opened on a table: the reason and churn columns guessed from their names, as the churn-time editor guesses them. */
export function guessReasonsForm(table: string, columns: { name: string; type: string }[]): ReasonsForm {
  const g = guessSurvivalForm(table, columns);
  return { ...emptyReasonsForm(table), reason: g.reason, event: g.event };
}

export function restoreReasonsForm(saved: unknown, table: string): ReasonsForm | null {
  if (!saved || typeof saved !== 'object') return null;
  const f = { ...emptyReasonsForm(table), ...(saved as Partial<ReasonsForm>) };
  return { ...f, tags: { ...f.tags } };
}

export function reasonsProblems(f: ReasonsForm): { field: keyof ReasonsForm; key: string }[] {
  const out: { field: keyof ReasonsForm; key: string }[] = [];
  if (!f.table) out.push({ field: 'table', key: 'survival.form.needTable' });
  if (!f.reason) out.push({ field: 'reason', key: 'survival.reasonsForm.needReason' });
  if (!f.event) out.push({ field: 'event', key: 'survival.form.needEvent' });
  else if (!f.eventValues.length) out.push({ field: 'eventValues', key: 'survival.form.needEventValues' });
  return out;
}

/** The query part of the spec: tags are applied to the counts in the view, so tagging never re-queries. */
export function reasonsSpecOf(f: ReasonsForm): ReasonsSpecInput {
  return {
    table: f.table,
    reason: f.reason,
    event: { column: f.event, values: f.eventValues },
    ...(f.group ? { group: f.group } : {}),
    ...(f.where.trim() ? { where: f.where.trim() } : {}),
  };
}

export function tagOf(tags: Record<string, boolean>, reason: string): Tag {
  return Object.hasOwn(tags, reason) ? (tags[reason] ? 'yes' : 'no') : 'none';
}

export function setTag(tags: Record<string, boolean>, reason: string, tag: Tag): Record<string, boolean> {
  const next = { ...tags };
  if (tag === 'none') delete next[reason];
  else next[reason] = tag === 'yes';
  return next;
}

/** A result table re-tagged (same counts, order and shares; controllable shares recomputed). */
export function retag(table: ReasonTable, tags: Record<string, boolean>): ReasonTable {
  return reasonTable(table.name, new Map(table.rows.map((r) => [r.reason, r.count])), tags);
}

/** Overall and per-group tables with the current tags. */
export function retagResult(r: ReasonsResult, tags: Record<string, boolean>): ReasonsResult {
  return { ...r, spec: { ...r.spec, controllable: tags }, overall: retag(r.overall, tags), groups: r.groups.map((g) => retag(g, tags)) };
}
