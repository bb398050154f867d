import type { ColumnOverride, ImportOptions } from '../../../shared/import/importTypes';
import { useWorkbench } from '../../store/workbenchStore';

/** What the dialog remembers per file: the options and per-column choices (detection redoes the rest). */
export interface ImportChoices {
  options: DialogOptions;
  columns: Record<number, ColumnOverride>;
  tableName?: string;
  at: number;
}

export type DialogOptions = Pick<ImportOptions, 'encoding' | 'delimiter' | 'quote' | 'headerRow' | 'hasHeader' | 'sheet' | 'decimal' | 'dateOrder' | 'ragged'>;

const MAX_REMEMBERED = 50;

/** Choices of dialogs closed with Cancel, kept for this session only (an import persists its own). */
const sessionChoices = new Map<string, ImportChoices>();

/** A file is recognised by name and size (the host gives no stable path in the browser). */
export const fileKey = (name: string, size: number): string => `${name}:${size}`;

export function recallChoices(name: string, size: number): ImportChoices | null {
  const all = useWorkbench.getState().settings.importChoices as Record<string, ImportChoices> | undefined;
  const c = all?.[fileKey(name, size)];
  return c && typeof c === 'object' && c.options ? c : null;
}

/** Stored in the persisted settings (saved through the host like the layout). */
export function rememberChoices(name: string, size: number, choices: Omit<ImportChoices, 'at'>): void {
  sessionChoices.delete(fileKey(name, size));
  useWorkbench.setState((s) => {
    const all = { ...((s.settings.importChoices as Record<string, ImportChoices> | undefined) ?? {}), [fileKey(name, size)]: { ...choices, at: Date.now() } };
    const keep = Object.entries(all).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_REMEMBERED);
    return { settings: { ...s.settings, importChoices: Object.fromEntries(keep) } };
  });
}


export function rememberSessionChoices(name: string, size: number, choices: Omit<ImportChoices, 'at'>): void {
  sessionChoices.set(fileKey(name, size), { ...choices, at: Date.now() });
}

export function recallSessionChoices(name: string, size: number): ImportChoices | null {
  return sessionChoices.get(fileKey(name, size)) ?? null;
}
