import type { FileSource } from './FileSource';
import type { ImportPlan, PlanColumn } from './importTypes';
import type { StagedColumn } from './stagedColumns';

/** Bytes read for the type sample (about the 2,000 rows inference looks at, for most files). */
export const SAMPLE_BYTES = 1024 * 1024;

type Detected = Pick<PlanColumn, 'type' | 'decimal' | 'date' | 'ambiguousDates' | 'flag' | 'textReason'> & { flagCandidate?: boolean };

/**
 * What type detection found in a CSV's first SAMPLE_BYTES, kept for the next import of the same
 * source: the import dialog's preview stages and detects exactly the sample the direct import would
 * (same plan, same bytes), so the import that follows need not load and detect it again. Keyed by
 * the plan before detection (encoding, delimiter, header, the user's column choices…) and the
 * size; any difference, and any second use, finds nothing. Only guesses are reused: the import
 * checks every value against them as always.
 */
const memo = new WeakMap<FileSource, { key: string; detected: Detected[] }>();

export const sampleKey = (src: FileSource, plan: ImportPlan): string => JSON.stringify({ size: src.size, plan });

export function rememberSample(src: FileSource, key: string, cols: StagedColumn[]): void {
  memo.set(src, {
    key,
    detected: cols.map(({ col, flagCandidate }) => structuredClone({ type: col.type, decimal: col.decimal, date: col.date, ambiguousDates: col.ambiguousDates, flag: col.flag, textReason: col.textReason, flagCandidate })),
  });
}

/** Apply a remembered detection to `cols` (true), or leave them alone (false). Either way it is used up. */
export function recallSample(src: FileSource, key: string, cols: StagedColumn[]): boolean {
  const m = memo.get(src);
  memo.delete(src);
  if (!m || m.key !== key || m.detected.length !== cols.length) return false;
  cols.forEach((s, i) => {
    const { flagCandidate, ...col } = m.detected[i];
    Object.assign(s.col, col);
    s.flagCandidate = flagCandidate;
  });
  return true;
}
