import { asTenureError } from '../../shared/errors';
import { computeShared, recordOf, runStudy, sourcesOf } from '../../shared/study/run';
import type { Study } from '../../shared/study/schema';
import { whatChanged, type AnalysisResults } from '../../shared/study/whatChanged';
import { fileSourceFromHost } from '../host/fileSource';
import { useWorkbench } from '../store/workbenchStore';
import { useAnalysisRuns } from '../store/analysisRuns';
import { workerExcelReader } from '../editors/import/workerExcelReader';
import { refreshCatalog } from '../workbench/actions/catalog';
import { reportError } from '../workbench/actions/reportError';
import type { WorkbenchServices } from '../workbench/services';
import { buildStudy } from './buildStudy';
import { describeFile } from './sourceFiles';
import { markRun, offerResults } from './preparedRuns';
import type { HostFile } from '../../shared/host/HostApi';
import type { DataSource, SourceFile } from '../store/types';
import { rememberFolder } from '../engine/rebuildSources';

export const WHAT_CHANGED_TAB = 'whatChanged';

/** The file source behind a table (the palette command acts on the current table's source). */
export function fileSourceOfTable(table: string | null): string | null {
  const src = useWorkbench.getState().sources.find((s) => s.file && s.tables.some((x) => x.name === table));
  return src?.id ?? null;
}

/**
 * "Replace data file…": next month's export in place of a source. The analyses reading it are computed on
 * the old data, the new file is imported under the same table name with the same choices, the analyses
 * and the tables derived from them re-run, their editors refreshed, and a "What changed" tab opened.
 */
export async function replaceDataFile(services: WorkbenchServices, sourceId: string | null): Promise<void> {
  const store = useWorkbench.getState();
  const found = store.sources.find((s) => s.id === sourceId && s.file);
  if (!found?.file) return;
  const current = { ...found, file: found.file };
  // A Parquet folder is replaced by another folder (next month's partitions), read in place the same way.
  if (current.file.folder && services.host.openFolder) {
    const folder = await services.host.openFolder().catch((err: unknown) => {
      reportError(services.i18n, err);
      return null;
    });
    if (folder) await replaceWith(services, current, { name: folder.name, path: folder.path, folder: true });
    return;
  }
  const picked = await services.host.openFiles({ multiple: false }).catch((err: unknown) => {
    reportError(services.i18n, err);
    return [];
  });
  const hf = picked[0];
  if (!hf) return;
  await replaceWith(services, current, { ...hf, folder: false });
}

type Replacement = { name: string; path?: string; folder: true } | (HostFile & { folder: false });

async function replaceWith(services: WorkbenchServices, current: DataSource & { file: SourceFile }, hf: Replacement): Promise<void> {
  const { t } = services.i18n;
  const store = useWorkbench.getState();
  const task = store.startTask(t('workbench.changed.replacing', { file: hf.name }));
  try {
    const study: Study = buildStudy(useWorkbench.getState());
    // A database file is one source per table (buildStudy): all of them move to the new file.
    const replaced = study.sources.filter((s) => s.id === current.id || s.id.startsWith(`${current.id}#`));
    if (!replaced.length) return;
    const ids = new Set(replaced.map((s) => s.id));
    const dependents = study.analyses.filter((a) => sourcesOf(study, a).some((s) => ids.has(s.id)));
    const before: AnalysisResults[] = [];
    const computeBefore = computeShared(services.engine, (a) => markRun(a.id, true));
    for (const a of dependents) {
      const rec = recordOf(a.kind);
      const result = rec ? await computeBefore(rec, a).catch(() => undefined) : undefined;
      before.push({ id: a.id, kind: a.kind, title: a.title ?? '', result });
    }
    const file = hf.folder ? null : fileSourceFromHost(services.host, hf);
    const sub: Study = { ...study, sql: [], sources: replaced, derived: study.derived.filter((d) => dependents.some((a) => a.id === d.analysis)), analyses: dependents };
    const run = await runStudy(services.engine, sub, () => ({ file: hf.folder ? hf.path! : hf.name, src: () => file! }), { excelReader: workerExcelReader, onCompute: (a) => markRun(a.id) });
    const failed = run.sources.find((o) => o.error);
    if (failed?.error) throw failed.error;
    const opened = new Map(run.sources.map((o) => [o.source.table, o]));
    for (const a of run.analyses) if (a.error) reportError(services.i18n, a.error);
    const o = run.sources[0];
    const described: SourceFile = file
      ? await describeFile(file, { path: hf.path, mtime: hf.folder ? undefined : hf.mtime, options: current.file.options, columns: current.file.columns })
      : { ...current.file, fileName: hf.name, path: hf.path ?? null, size: o.folder?.size ?? 0, fingerprint: o.fingerprint ?? null, folder: { pattern: current.file.folder!.pattern, files: o.folder?.files ?? 0 } };
    if (hf.folder) for (const s of replaced) rememberFolder(s.table, { folder: hf.path!, pattern: current.file.folder!.pattern });
    useWorkbench.setState((s) => ({
      sources: s.sources.map((x) => (x.id === current.id ? { ...x, label: hf.name, file: described, tables: x.tables.map((tb) => { const o = opened.get(tb.name); return o ? { ...tb, rows: o.rows ?? tb.rows, columns: o.columns ?? tb.columns } : tb; }) } : x)),
    }));
    await refreshCatalog(services.engine);
    // The editors show the new data: their runs are dropped and they show the results just computed
    // (handed over, not computed a second time).
    offerResults(run.analyses.map((a) => ({ id: a.analysis.id, spec: a.analysis.spec, result: a.result })));
    const tabs = new Set(dependents.map((a) => a.id.split(':')[0]));
    for (const id of tabs) {
      useAnalysisRuns.getState().drop(id);
      useWorkbench.getState().updateTabData(id, { runOnOpen: true });
    }
    const after: AnalysisResults[] = run.analyses.map((a) => ({ id: a.analysis.id, kind: a.analysis.kind, title: a.analysis.title ?? '', result: a.result }));
    const data = { changes: whatChanged(before, after), before: current.file.fileName, after: hf.name, opened: Date.now() };
    useWorkbench.getState().openEditor({ id: WHAT_CHANGED_TAB, kind: 'whatChanged', data });
    useWorkbench.getState().updateTabData(WHAT_CHANGED_TAB, data);
  } catch (err) {
    reportError(services.i18n, asTenureError(err, 'import'));
  } finally {
    useWorkbench.getState().endTask(task);
  }
}
