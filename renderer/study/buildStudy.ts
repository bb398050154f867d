import { STUDY_FORMAT, STUDY_VERSION, studySchema, type Study } from '../../shared/study/schema';
import { importOptionsSchema } from '../../shared/study/schema';
import { sourceKindOf } from '../../shared/import/dataFiles';
import { allTables } from '../store/sourcesSlice';
import { useWorkbench, type WorkbenchState } from '../store/workbenchStore';
import { openAnalyses } from '../editors/deck/sources';
import { useStudy } from './studyStore';
import { sqlRecipes } from '../engine/rebuildSources';

/** Editor kinds that are views of the session, not part of a study's work. */
const TRANSIENT = new Set(['welcome', 'queryGrid']);

/**
 * The session as a study: the files (described, never their rows), derived tables as recipes, every
 * complete analysis with its spec, the open editors with their state, the layout, the deck and notes.
 */
export function buildStudy(s: WorkbenchState, title = ''): Study {
  const study = useStudy.getState();
  const sources: Study['sources'] = [];
  for (const src of s.sources) {
    if (!src.file) continue;
    for (const table of src.tables) {
      const options = importOptionsSchema.safeParse({ ...src.file.options, ...(table.dbTable ? { dbTable: table.dbTable } : {}) });
      const folder = src.file.folder;
      const kind = folder ? 'parquetFolder' : sourceKindOf(src.file.fileName);
      sources.push({
        // The tables of one database file: one source each (openStudy groups them again by file).
        id: src.tables.length > 1 ? `${src.id}#${table.name}` : src.id,
        name: table.name,
        path: src.file.path,
        fileName: src.file.fileName,
        ...(kind ? { kind } : {}),
        ...(folder ? { pattern: folder.pattern, files: folder.files } : {}),
        size: src.file.size,
        mtime: src.file.mtime,
        fingerprint: src.file.fingerprint,
        table: table.name,
        options: options.success ? options.data : {},
        columns: Object.fromEntries(Object.entries(src.file.columns).map(([k, v]) => [String(k), Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined))])),
      });
    }
  }
  const tabs = s.groups.flatMap((g) => g.tabs).filter((t) => !TRANSIENT.has(t.kind));
  const analyses: Study['analyses'] = openAnalyses(s.groups, allTables(s.sources)).map((a) => ({
    id: a.key,
    kind: a.kind,
    ...(tabs.find((t) => t.id === a.tabId)?.title ? { title: tabs.find((t) => t.id === a.tabId)!.title } : {}),
    spec: a.spec,
    chart: (a.view ?? {}) as Record<string, unknown>,
    notes: study.notes[a.key] ?? '',
  }));
  const editors: Study['editors'] = tabs.map((t) => ({ id: t.id, kind: t.kind, ...(t.title ? { title: t.title } : {}), data: stripRuntime(t.data) }));
  const kept = new Set(tabs.map((t) => t.id));
  const groups = s.groups
    .map((g) => ({ id: g.id, tabs: g.tabs.map((t) => t.id).filter((id) => kept.has(id)), active: g.activeTabId && kept.has(g.activeTabId) ? g.activeTabId : null }))
    .filter((g, i) => g.tabs.length || i === 0);
  return studySchema.parse({
    format: STUDY_FORMAT,
    version: STUDY_VERSION,
    title,
    sources,
    derived: study.derived.filter((d) => analyses.some((a) => a.id === d.analysis)),
    // The SQL editor's statements that made or changed tables (their text, never the rows).
    sql: sqlRecipes.list().map((sql) => ({ sql })),
    analyses,
    editors,
    layout: { groups, activeGroup: groups.some((g) => g.id === s.activeGroupId) ? s.activeGroupId : groups[0].id },
    deck: study.deck,
  });
}

/** Tab data minus what only makes sense in this session (open nonces, run-on-open flags). */
function stripRuntime(data: Record<string, unknown>): Record<string, unknown> {
  const { opened: _opened, runOnOpen: _run, ...rest } = data;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** A session worth keeping: it has data files or editors. */
export function hasContent(study: Study): boolean {
  return study.sources.length > 0 || study.editors.length > 0;
}

const stem = (name: string) => name.replace(/\.tenure$/i, '');

/**
 * Unsaved changes right now (not waiting for the autosave's quiet period): the study differs from the one
 * last saved or opened, or, untitled, it has work in it.
 */
export function sessionNow(): { study: Study; key: string; dirty: boolean } {
  const st = useStudy.getState();
  const study = buildStudy(useWorkbench.getState(), st.file ? stem(st.file.name) : '');
  const key = studyKey(study);
  return { study, key, dirty: st.savedText !== null ? key !== st.savedText : hasContent(study) };
}

/** What decides "dirty": the study without the time it was saved. */
export function studyKey(study: Study): string {
  const { savedAt: _at, ...rest } = study;
  return JSON.stringify(rest);
}
