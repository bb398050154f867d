import type { StudySource } from './schema';

/** A data file offered for a study's sources (picked in the browser, named on the CLI). */
export interface Candidate {
  name: string;
  size: number;
  /** Full path when the host knows it. */
  path?: string;
}

const base = (p: string) => p.replace(/^.*[\\/]/, '');
const lower = (s: string) => s.normalize('NFC').toLowerCase();

/**
 * Which source a `--relink SOURCE=FILE` names: its short name, its id, its recorded path or its file
 * name (in that order, exact before case-insensitive). Undefined when none or several match.
 */
export function sourceForRelink(sources: readonly StudySource[], key: string): StudySource | undefined {
  const tests: ((s: StudySource) => boolean)[] = [
    (s) => s.name === key || s.id === key,
    (s) => s.path === key,
    (s) => s.fileName === key || (s.path !== null && base(s.path) === key),
    (s) => lower(s.name) === lower(key) || lower(s.fileName) === lower(base(key)),
  ];
  for (const test of tests) {
    const hits = sources.filter(test);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}

export type Match = { source: StudySource; file: Candidate; how: 'exact' | 'name' | 'size' } ;

/**
 * Match picked files to the study's sources (the browser asks for the data files, several at once):
 * same name and size first, then the same name (a new month's export of the same file), then a file
 * of the same size whose name is not another source's. What stays unmatched is asked about.
 */
export function matchFiles(sources: readonly StudySource[], files: readonly Candidate[]): { matched: Match[]; missing: StudySource[]; unused: Candidate[] } {
  const matched: Match[] = [];
  const left = new Set(files);
  const open = new Set(sources);
  const pass = (how: Match['how'], test: (s: StudySource, f: Candidate) => boolean) => {
    for (const s of [...open]) {
      const hits = [...left].filter((f) => test(s, f));
      if (hits.length !== 1) continue;
      matched.push({ source: s, file: hits[0], how });
      left.delete(hits[0]);
      open.delete(s);
    }
  };
  const sameName = (s: StudySource, f: Candidate) => lower(base(f.name)) === lower(s.fileName);
  pass('exact', (s, f) => sameName(s, f) && f.size === s.size);
  pass('name', sameName);
  const names = new Set(sources.map((s) => lower(s.fileName)));
  pass('size', (s, f) => f.size === s.size && s.size > 0 && !names.has(lower(base(f.name))));
  return { matched, missing: [...open], unused: [...left] };
}
