import { useTranslation } from 'react-i18next';
import { useServices } from '../workbench/services';
import { fileSourceFromHost } from '../host/fileSource';
import { reportError } from '../workbench/actions/reportError';
import { finishRelink, useRelink } from './relinkStore';
import { matchPicked } from './openStudy';
import './study.css';

const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * Opening a study whose data files the host cannot find by path (always, in a browser): choose them,
 * several at once (matched by name and size), or locate each one; the study opens with what is found.
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
  const missing = rows.filter((r) => !r.file).length;

  const chooseAll = async () => {
    try {
      const picked = await services.host.openFiles({ multiple: true });
      const cur = useRelink.getState().rows;
      if (cur) useRelink.getState().set({ rows: matchPicked(cur, picked.map((host) => ({ host, services }))) });
    } catch (err) {
      reportError(services.i18n, err);
    }
  };
  const locate = async (id: string) => {
    try {
      const [f] = await services.host.openFiles({ multiple: false });
      const cur = useRelink.getState().rows;
      if (f && cur) useRelink.getState().set({ rows: cur.map((r) => (r.source.id === id ? { ...r, file: fileSourceFromHost(services.host, f), path: f.path, mtime: f.mtime } : r)) });
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
            {rows.map((r) => (
              <tr key={r.source.id} data-source={r.source.name} data-state={r.file ? 'found' : 'missing'}>
                <td>
                  <span className={`codicon codicon-${r.file ? 'pass' : 'warning'}`} aria-hidden />
                </td>
                <td className="tn-study-name">{r.source.name}</td>
                <td title={r.source.path ?? r.source.fileName}>
                  {r.file ? r.file.name : r.source.fileName} <span className="tn-study-muted">{size(r.file ? r.file.size : r.source.size)}</span>
                </td>
                <td className="tn-study-muted">{r.file ? t('workbench.study.found') : t('workbench.study.missing')}</td>
                <td>
                  <button type="button" className="button secondary small" onClick={() => void locate(r.source.id)} data-testid="relink-locate">
                    {t('workbench.study.locate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
