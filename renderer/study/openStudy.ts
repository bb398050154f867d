import type { HostFile, HostFolder } from '../../shared/host/HostApi';
import { asTenureError, TenureError } from '../../shared/errors';
import { errorTextKey } from '../../shared/i18n/errorKey';
import { parseStudyText, serializeStudy } from '../../shared/study/migrate';
import { matchFiles } from '../../shared/study/relink';
import { runStudy, analysisLabel } from '../../shared/study/run';
import type { Study } from '../../shared/study/schema';
import { fileSourceFromHost } from '../host/fileSource';
import { useWorkbench } from '../store/workbenchStore';
import { useAnalysisRuns } from '../store/analysisRuns';
import type { EditorGroup, EditorTab } from '../store/types';
import { workerExcelReader } from '../editors/import/workerExcelReader';
import { refreshCatalog } from '../workbench/actions/catalog';
import { reportError } from '../workbench/actions/reportError';
import type { WorkbenchServices } from '../workbench/services';
import { buildStudy, sessionNow, studyKey } from './buildStudy';
import { askForFiles, rowFound, type RelinkRow } from './relinkStore';
import { askConfirm } from '../workbench/confirmStore';
import { describeFile } from './sourceFiles';
import { rememberFolder, rememberImport, sqlRecipes } from '../engine/rebuildSources';
import { DEFAULT_PATTERN } from '../../shared/import/parquetFolder';
import { folderSourceMeta } from '../workbench/actions/openFolder';
import { rememberStudy, useStudy } from './studyStore';
import { clearOffered, markRun, offerResults } from './preparedRuns';

export const STUDY_FILE = /\.tenure$/i;

const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.tenure$/i, '');

function translate(services: WorkbenchServices, err: TenureError): string {
  const key = errorTextKey((k) => services.i18n.exists(k), err.code);
  return key ? services.i18n.t(key, { ...err.params, file: err.file, line: err.line, column: err.column, message: err.message }) : err.message;
}

/** File → Save Study (As): the whole study as JSON, never the data; the host's save dialog or a download. */
export async function saveStudy(services: WorkbenchServices, opts: { as?: boolean } = {}): Promise<boolean> {
  const { t } = services.i18n;
  const st = useStudy.getState();
  const title = st.file ? stem(st.file.name) : t('workbench.study.untitled');
  const study = { ...buildStudy(useWorkbench.getState(), title), savedAt: new Date().toISOString() };
  const text = serializeStudy(study);
  const suggestedName = `${st.file && !opts.as ? stem(st.file.name) : title}.tenure`;
  try {
    // Save (not Save As) of a study with a file writes over it without asking (Electron); else a dialog.
    const direct = !opts.as && st.file?.path && services.host.saveStudyTo ? await services.host.saveStudyTo(st.file.path, text).catch(() => null) : null;
    const res = direct ?? (await services.host.saveFile({ suggestedName, data: text, filters: [{ name: t('workbench.study.fileType'), extensions: ['tenure'] }] }));
    if (!res.saved) return false;
    const name = (res.path ?? suggestedName).replace(/^.*[\\/]/, '');
    useStudy.getState().set({ file: { name, path: services.host.kind === 'electron' ? (res.path ?? null) : null }, savedText: studyKey(study), dirty: false, dirtyTabs: [] });
    rememberStudy(name, services.host.kind === 'electron' ? (res.path ?? null) : null);
    useWorkbench.getState().notify('info', t('workbench.study.saved', { file: name }));
    return true;
  } catch (err) {
    reportError(services.i18n, err);
    return false;
  }
}

/** Open a .tenure (or DECK.json) the host chose: parse, ask for files, re-run, restore. */
export async function openStudyFile(services: WorkbenchServices, file: HostFile): Promise<void> {
  let study: Study;
  try {
    const bytes = await services.host.readFileRange(file.id, 0, file.size);
    study = parseStudyText(new TextDecoder('utf-8').decode(bytes), file.name);
  } catch (err) {
    // A damaged, truncated or newer file: say so; the session is left exactly as it was.
    reportError(services.i18n, err, 'study.badJson');
    return;
  }
  await openStudy(services, study, { name: file.name, path: file.path ?? null });
}

/** File → Open Study: the host's chooser (a .tenure or a DECK.json). */
export async function openStudyFromHost(services: WorkbenchServices): Promise<void> {
  const files = await services.host.openFiles({ multiple: false }).catch((err: unknown) => {
    reportError(services.i18n, err);
    return [];
  });
  if (files[0]) await openStudyFile(services, files[0]);
}

/** Ask first (the workbench's own dialog) when the session has unsaved changes (true = go ahead). */
export async function confirmDiscard(services: WorkbenchServices): Promise<boolean> {
  if (!sessionNow().dirty) return true;
  const { t } = services.i18n;
  return askConfirm({ message: t('workbench.study.discardChanges'), detail: t('workbench.study.discardDetail'), confirmLabel: t('workbench.study.discardButton'), cancelLabel: t('common.cancel'), destructive: true });
}

/**
 * Opening a study: the sources are re-imported read-only (found by their recorded path where the host can,
 * else asked for: several files at once, matched by name and size, "Locate…" for the rest), the derived
 * tables rebuilt, every analysis re-run (its editor shows the result), the layout restored. A missing file
 * or column fails only what depends on it, as a Problem; a changed file is said so.
 */
export async function openStudy(services: WorkbenchServices, study: Study, file: { name: string; path: string | null } | null, opts: { restoring?: boolean } = {}): Promise<void> {
  const { t } = services.i18n;
  if (!opts.restoring && !(await confirmDiscard(services))) return;
  const rows: RelinkRow[] = [];
  for (const source of study.sources) {
    if (source.kind === 'parquetFolder') {
      // Read in place by the desktop app's engine: granted again by its path if opened here before, else located.
      const folder = source.path && services.host.reopenFolder ? await services.host.reopenFolder(source.path).catch(() => null) : null;
      rows.push({ source, file: null, folder });
      continue;
    }
    let hf: HostFile | null = null;
    if (source.path && services.host.kind === 'electron') hf = await services.host.openRecent(source.path).catch(() => null);
    rows.push({ source, file: hf ? fileSourceFromHost(services.host, hf) : null, path: hf?.path, mtime: hf?.mtime });
  }
  let linked = rows;
  if (!rows.every(rowFound)) {
    const answer = await askForFiles(file?.name ?? (study.title || t('workbench.study.untitled')), rows);
    if (!answer) return;
    linked = answer;
  }
  const folders = new Map<string, HostFolder | null>(linked.filter((r) => r.source.kind === 'parquetFolder').map((r) => [r.source.id, r.folder ?? null]));
  const store = useWorkbench.getState();
  const task = store.startTask(t('workbench.study.opening', { file: file?.name ?? study.title }));
  try {
    await services.engine.init();
    // A fresh session: the study's editors replace the open ones (their results go with them).
    useAnalysisRuns.getState().clear();
    store.resetEditors();
    const byId = new Map(linked.map((r) => [r.source.id, r]));
    const run = await runStudy(services.engine, study, (s) => {
      if (s.kind === 'parquetFolder') {
        // Electron grants a folder by its path only if it was opened on this machine before; else it is missing.
        const f = folders.get(s.id);
        return { file: f ? f.path : services.host.reopenFolder ? '' : (s.path ?? s.fileName), src: () => { throw new TenureError('study.missingSource', `The study's source ${s.name} (${s.fileName}) is not found`, { file: s.fileName, params: { name: s.name, file: s.fileName } }); } };
      }
      const r = byId.get(s.id);
      return {
        file: r?.file?.name ?? s.fileName,
        src: () => {
          if (!r?.file) throw new TenureError('study.missingSource', `The study's source ${s.name} (${s.fileName}) is not found`, { file: s.fileName, params: { name: s.name, file: s.fileName } });
          return r.file;
        },
      };
    }, { excelReader: workerExcelReader, onCompute: (a) => markRun(a.id) });
    for (const o of run.sources) {
      if (o.source.kind === 'parquetFolder' && !o.error && o.folder) {
        const folder = { path: o.file, name: o.source.fileName };
        rememberFolder(o.source.table, { folder: o.file, pattern: o.source.pattern ?? DEFAULT_PATTERN });
        const file = { fileName: o.source.fileName, size: o.folder.size, path: o.file, mtime: null, fingerprint: o.fingerprint ?? null, options: {}, columns: {}, folder: { pattern: o.source.pattern ?? DEFAULT_PATTERN, files: o.folder.files } };
        store.addTable({ ...folderSourceMeta(folder), id: o.source.id, file }, { name: o.source.table, rows: o.rows ?? 0, columns: o.columns ?? [] });
        if (o.changed) store.notify('warning', t('workbench.study.changedFile', { file: o.source.fileName }));
        continue;
      }
      const r = byId.get(o.source.id);
      if (o.error || !r?.file) {
        const e = o.error ?? new TenureError('study.missingSource', '', { params: { name: o.source.name, file: o.source.fileName } });
        store.addProblem({ severity: 'error', code: e.code, message: translate(services, e), file: o.source.fileName });
        continue;
      }
      const described = await describeFile(r.file, { path: r.path ?? o.source.path ?? undefined, mtime: r.mtime, options: o.source.options, columns: Object.fromEntries(Object.entries(o.source.columns).map(([k, v]) => [Number(k), v])) });
      const dbTable = o.source.options.dbTable;
      // After an engine-process restart the table is rebuilt from the same file and choices.
      rememberImport(o.source.table, r.file, { ...o.source.options, columns: Object.fromEntries(Object.entries(o.source.columns).map(([k, v]) => [Number(k), v])), excelReader: workerExcelReader });
      store.addTable({ id: o.source.id.replace(/#.*$/, ''), label: r.file.name, icon: 'file', file: described }, { name: o.source.table, rows: o.rows ?? 0, columns: o.columns ?? [], ...(dbTable ? { dbTable } : {}) });
      if (o.changed) store.notify('warning', t('workbench.study.changedFile', { file: r.file.name }));
    }
    // The study's SQL statements are now the session's: saved again with it, replayed after an engine restart.
    sqlRecipes.load(study.sql.map((r) => r.sql));
    for (const f of run.sql.failed) store.addProblem({ severity: 'error', code: f.error.code, message: translate(services, f.error), file: f.sql.length > 80 ? `${f.sql.slice(0, 79)}…` : f.sql });
    for (const d of run.derived) if (d.error) store.addProblem({ severity: 'error', code: d.error.code, message: translate(services, d.error), file: d.table });
    await refreshCatalog(services.engine);
    for (const a of run.analyses) if (a.error) store.addProblem({ severity: 'error', code: a.error.code, message: translate(services, a.error), file: analysisLabel(a.analysis) });
    // The editors show these results instead of computing them again.
    clearOffered();
    offerResults(run.analyses.map((a) => ({ id: a.analysis.id, spec: a.analysis.spec, result: a.result })));
    // The study's own state first, so the editors (the deck's above all) mount with it. The saved state is
    // the study as read (named after its file, as saving names it); a restored session keeps its unsaved
    // state (dirty) until saved. Editors that change nothing on mount leave it clean, whenever they settle.
    const savedText = opts.restoring ? null : studyKey({ ...study, title: file ? stem(file.name) : study.title });
    useStudy.getState().set({ file, derived: study.derived, notes: Object.fromEntries(study.analyses.filter((a) => a.notes).map((a) => [a.id, a.notes])), deck: study.deck, dirty: false, dirtyTabs: [], savedText });
    restoreLayout(study, new Set(run.analyses.filter((a) => a.error).map((a) => a.analysis.id)));
    if (file) rememberStudy(file.name, file.path);
  } catch (err) {
    reportError(services.i18n, asTenureError(err, 'study.invalid'));
  } finally {
    store.endTask(task);
  }
}

/** The study's editors in their groups; analyses that cannot run open without running. */
function restoreLayout(study: Study, failed: Set<string>): void {
  const tabs = new Map<string, EditorTab>(
    study.editors.map((e) => [e.id, { id: e.id, kind: e.kind, ...(e.title ? { title: e.title } : {}), data: { ...e.data, ...(failed.has(e.id) ? {} : { runOnOpen: true }) } }]),
  );
  const used = new Set<string>();
  let groups: EditorGroup[] = (study.layout?.groups ?? [{ id: 'group-1', tabs: study.editors.map((e) => e.id), active: study.editors[0]?.id ?? null }]).map((g) => {
    const list = g.tabs.map((id) => tabs.get(id)).filter((x): x is EditorTab => !!x && !used.has(x.id));
    list.forEach((x) => used.add(x.id));
    return { id: g.id, tabs: list, activeTabId: g.active && list.some((x) => x.id === g.active) ? g.active : (list[0]?.id ?? null) };
  });
  const rest = [...tabs.values()].filter((x) => !used.has(x.id));
  if (rest.length) groups[0] = { ...groups[0], tabs: [...groups[0].tabs, ...rest], activeTabId: groups[0].activeTabId ?? rest[0].id };
  groups = groups.filter((g, i) => i === 0 || g.tabs.length);
  const activeGroupId = groups.some((g) => g.id === study.layout?.activeGroup) ? study.layout!.activeGroup : groups[0].id;
  useWorkbench.getState().restoreEditors(groups, activeGroupId);
}

/** Browser: the picked data files matched to the study's sources by name and size. */
export function matchPicked(rows: RelinkRow[], picked: { host: HostFile; services: WorkbenchServices }[]): RelinkRow[] {
  const open = rows.filter((r) => !r.file && r.source.kind !== 'parquetFolder');
  const m = matchFiles(open.map((r) => r.source), picked.map((p) => ({ name: p.host.name, size: p.host.size, path: p.host.path })));
  return rows.map((r) => {
    const hit = m.matched.find((x) => x.source.id === r.source.id);
    if (!hit) return r;
    const p = picked.find((x) => x.host.name === hit.file.name && x.host.size === hit.file.size)!;
    return { ...r, file: fileSourceFromHost(p.services.host, p.host), path: p.host.path, mtime: p.host.mtime };
  });
}
