import { fileSourceFromHost } from '../host/fileSource';
import { reportError } from '../workbench/actions/reportError';
import type { WorkbenchServices } from '../workbench/services';
import { useRelink, type RelinkRow } from './relinkStore';

/**
 * "Locate…" on one source of the study being opened: the host's file chooser for a data file, the desktop
 * app's folder dialog for a Parquet folder (main grants the chosen folder to the native engine). The row
 * is updated in the open dialog; nothing happens when cancelled or when the host has no folder dialog.
 */
export async function locateSource(services: WorkbenchServices, row: RelinkRow): Promise<void> {
  const update = (patch: Partial<RelinkRow>) => {
    const cur = useRelink.getState().rows;
    if (cur) useRelink.getState().set({ rows: cur.map((r) => (r.source.id === row.source.id ? { ...r, ...patch } : r)) });
  };
  try {
    if (row.source.kind === 'parquetFolder') {
      const folder = await services.host.openFolder?.();
      if (folder) update({ folder, path: folder.path });
      return;
    }
    const [f] = await services.host.openFiles({ multiple: false });
    if (f) update({ file: fileSourceFromHost(services.host, f), path: f.path, mtime: f.mtime });
  } catch (err) {
    reportError(services.i18n, err);
  }
}
