import { useTranslation } from 'react-i18next';
import { useServices } from '../workbench/services';
import { reportError } from '../workbench/actions/reportError';
import { finishRelink, rowFound, useRelink } from './relinkStore';
import { locateSource } from './locateSource';
import { matchPicked } from './openStudy';
import './study.css';

const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * Opening a study whose data files the host cannot find by path (always, in a browser): choose them,
 * several at once (matched by name and size), or locate each one; the study opens with what is found.
 * A Parquet folder source is located with the desktop app's folder dialog (main grants the folder to the
 * engine); the browser cannot read folders, and the dialog says so instead of offering "Locate…".
 */
export function RelinkDialogHost() {
  const rows = useRelink((s) => s.rows);
  return rows ? <RelinkDialog /> : null;
}

function RelinkDialog() {
  const { t } = useTranslation();
  const services = useServices();
  const { rows, studyName } = useRelink();
  if (!rows) return null;
  const missing = rows.filter((r) => !rowFound(r)).length;
  const canFolder = !!services.host.openFolder;
  const browserFolders = canFolder ? [] : rows.filter((r) => r.source.kind === 'parquetFolder');

  const chooseAll = async () => {
    try {
      const picked = await services.host.openFiles({ multiple: true });
      const cur = useRelink.getState().rows;
      if (cur) useRelink.getState().set({ rows: matchPicked(cur, picked.map((host) => ({ host, services }))) });
    } catch (err) {
      reportError(services.i18n, err);
    }
  };

  return (
    <div className="import-backdrop">
      <div className="tn-study-dialog" role="dialog" aria-modal="true" aria-labelledby="tn-relink-title" data-testid="relink-dialog" data-missing={missing}>
        <h2 id="tn-relink-title">{t('workbench.study.relinkTitle', { study: studyName })}</h2>
        <p className="tn-study-intro">{t('workbench.study.relinkIntro')}</p>
        <button type="button" className="button primary" onClick={() => void chooseAll()} data-testid="relink-choose">
          <span className="codicon codicon-folder-opened" aria-hidden /> {t('workbench.study.chooseFiles')}
        </button>
        <table className="tn-study-table">
          <tbody>
            {rows.map((r) => {
              const found = rowFound(r);
              const isFolder = r.source.kind === 'parquetFolder';
              return (
                <tr key={r.source.id} data-source={r.source.name} data-state={found ? 'found' : 'missing'} data-kind={isFolder ? 'folder' : 'file'}>
                  <td>
                    <span className={`codicon codicon-${found ? 'pass' : 'warning'}`} aria-hidden />
                  </td>
                  <td className="tn-study-name">{r.source.name}</td>
                  <td title={r.folder?.path ?? r.source.path ?? r.source.fileName}>
                    {isFolder && <span className="codicon codicon-folder tn-study-kind" aria-hidden />}
                    {r.folder ? r.folder.name : r.file ? r.file.name : r.source.fileName}{' '}
                    <span className="tn-study-muted">{isFolder ? t('workbench.study.folderFiles', { count: r.source.files ?? 0 }) : size(r.file ? r.file.size : r.source.size)}</span>
                  </td>
                  <td className="tn-study-muted">{found ? t('workbench.study.found') : isFolder && !canFolder ? t('workbench.study.desktopOnly') : t('workbench.study.missing')}</td>
                  <td>
                    {(!isFolder || canFolder) && (
                      <button type="button" className="button secondary small" onClick={() => void locateSource(services, r)} data-testid="relink-locate">
                        {t('workbench.study.locate')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {browserFolders.length > 0 && (
          <p className="tn-study-note" role="note" data-testid="relink-folder-note">
            <span className="codicon codicon-info" aria-hidden /> {t('workbench.study.folderNeedsDesktop', { count: browserFolders.length, names: browserFolders.map((r) => r.source.name).join(', ') })}
          </p>
        )}
        <div className="tn-study-actions">
          <button type="button" className="button secondary" onClick={() => finishRelink(false)} data-testid="relink-cancel">
            {t('workbench.study.cancel')}
          </button>
          <button type="button" className="button primary" onClick={() => finishRelink(true)} data-testid="relink-open">
            {missing ? t('workbench.study.skipMissing') : t('workbench.study.open')}
          </button>
        </div>
      </div>
    </div>
  );
}
