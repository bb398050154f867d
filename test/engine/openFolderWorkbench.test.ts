import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkedNativeEngine } from '../../shared/engine/node/forkEngine';
import type { RemoteEngine } from '../../shared/engine/remoteEngine';
import type { HostApi, HostFolder } from '../../shared/host/HostApi';
import { createI18n } from '../../shared/i18n/i18n';
import { parseStudyText, serializeStudy } from '../../shared/study/migrate';
import { rebuildSources, sqlRecipes } from '../../renderer/engine/rebuildSources';
import { buildStudy } from '../../renderer/study/buildStudy';
import { replaceDataFile } from '../../renderer/study/replaceData';
import { useWorkbench } from '../../renderer/store/workbenchStore';
import { openFolder } from '../../renderer/workbench/actions/openFolder';
import { openStudy } from '../../renderer/study/openStudy';
import { locateSource } from '../../renderer/study/locateSource';
import { finishRelink, rowFound, useRelink } from '../../renderer/study/relinkStore';
import type { WorkbenchServices } from '../../renderer/workbench/services';
import { makeTelcoFolder } from '../helpers/parquetFolder';

// The workbench's own path for a folder (as in Electron, with a host whose folder dialog answers at once):
// open it, list it in the Explorer with its file count, save it in a study, replace it with next month's.
let dir: string;
let data: Awaited<ReturnType<typeof makeTelcoFolder>>;
let engine: RemoteEngine;
let services: WorkbenchServices;
let nextFolder: HostFolder | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tenure-openfolder-'));
  data = await makeTelcoFolder(dir);
  const i18n = createI18n('en');
  engine = forkedNativeEngine({ threads: 1, onRestart: () => rebuildSources(engine, i18n.t) });
  const host = { kind: 'electron', openFolder: async () => nextFolder } as unknown as HostApi;
  services = { engine, host, i18n, shell: 'desktop' };
}, 120_000);
afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('File → Open Folder… in the workbench', () => {
  it('opens the folder as one table, listed with its files; the study records it; the SQL-made table survives the restart', async () => {
    await engine.init();
    await engine.query('CREATE TABLE before_folder AS SELECT 1 AS x');
    sqlRecipes.record('CREATE TABLE before_folder AS SELECT 1 AS x');
    const table = await openFolder(services, { path: data.folder, name: 'telco_parts' });
    expect(table).toBe('telco_parts');
    // The engine restarted to be given the folder; the table made in SQL before it was made again.
    expect(engine.readDirs).toEqual([data.folder]);
    expect((await engine.query('SELECT * FROM before_folder')).numRows).toBe(1);
    const src = useWorkbench.getState().sources.find((s) => s.file?.folder)!;
    expect(src.icon).toBe('folder');
    expect(src.file).toMatchObject({ fileName: 'telco_parts', path: data.folder, folder: { pattern: '**/*.parquet', files: 3 } });
    expect(src.tables.map((t) => [t.name, t.rows])).toEqual([['telco_parts', 7043]]);
    const study = parseStudyText(serializeStudy(buildStudy(useWorkbench.getState(), 'x')), 'x.tenure');
    const s = study.sources.find((x) => x.kind === 'parquetFolder')!;
    expect(s).toMatchObject({ path: data.folder, fileName: 'telco_parts', pattern: '**/*.parquet', files: 3, table: 'telco_parts' });
    expect(s.fingerprint).toMatch(/^sha256f:/);
    expect(study.sql).toEqual([{ sql: 'CREATE TABLE before_folder AS SELECT 1 AS x' }]);
  });

  it('Replace data file… on the folder asks for another folder and reads that one in its place', async () => {
    const next = path.join(dir, 'december');
    cpSync(path.join(data.folder, 'plan=m2m'), path.join(next, 'plan=m2m'), { recursive: true });
    nextFolder = { path: next, name: 'december' };
    const src = useWorkbench.getState().sources.find((x) => x.file?.folder)!;
    await replaceDataFile(services, src.id);
    const after = useWorkbench.getState().sources.find((x) => x.id === src.id)!;
    expect(after.file).toMatchObject({ fileName: 'december', path: next, folder: { files: 1 } });
    expect(after.tables[0].rows).toBe(3875);
    expect(engine.readDirs).toContain(next);
    expect(useWorkbench.getState().problems).toEqual([]);
  });

  it('a study whose folder moved: the relink dialog lists it missing, Locate… takes the folder dialog\'s answer, the study opens on it', async () => {
    const saved = parseStudyText(serializeStudy(buildStudy(useWorkbench.getState(), 'moved')), 'moved.tenure');
    const moved = path.join(dir, 'moved_parts');
    cpSync(data.folder, moved, { recursive: true });
    const gone = path.join(dir, 'gone', 'telco_parts');
    const study = { ...saved, sources: saved.sources.map((x) => (x.kind === 'parquetFolder' ? { ...x, path: gone } : x)) };
    // The desktop host: the recorded folder is not there any more (reopenFolder: null); the folder dialog picks the moved one.
    const host = { kind: 'electron', openRecent: async () => null, reopenFolder: async () => null, openFolder: async () => ({ path: moved, name: 'moved_parts' }), saveSession: async () => undefined } as unknown as HostApi;
    const desktop: WorkbenchServices = { ...services, host };
    // A fresh window (the engine's SQL-made table too: the study makes it again).
    useWorkbench.setState({ sources: [], problems: [] });
    await engine.query('DROP TABLE before_folder');
    sqlRecipes.clear();
    const opening = openStudy(desktop, study, { name: 'moved.tenure', path: null }, { restoring: true });
    await expect.poll(() => useRelink.getState().rows, { timeout: 20_000 }).not.toBeNull();
    const row = useRelink.getState().rows!.find((r) => r.source.kind === 'parquetFolder')!;
    expect(rowFound(row)).toBe(false);
    await locateSource(desktop, row);
    const located = useRelink.getState().rows!.find((r) => r.source.id === row.source.id)!;
    expect(rowFound(located)).toBe(true);
    expect(located.folder).toEqual({ path: moved, name: 'moved_parts' });
    finishRelink(true);
    await opening;
    const src = useWorkbench.getState().sources.find((x) => x.id === row.source.id)!;
    expect(src.file).toMatchObject({ path: moved, folder: { files: 3 } });
    expect(src.tables[0].rows).toBe(7043);
    expect(engine.readDirs).toContain(moved);
    expect(useWorkbench.getState().problems).toEqual([]);
  });
});
