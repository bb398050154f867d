import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/import/limits';
import { useImportDialog, type ImportSession } from './importDialogStore';
import { cancelImport, confirmImport, keepDetectedTypes, setOptions, setTableName } from './importController';
import { ImportOptionsBar } from './ImportOptionsBar';
import { ImportPreview } from './ImportPreview';
import { ImportProgressBar } from './ImportProgressBar';
import './import.css';

/** The import dialog (modal): rendered once by the workbench, shown while a file is being opened. */
export function ImportDialogHost() {
  const s = useImportDialog((st) => st.session);
  useEffect(() => {
    if (!s) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancelImport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s]);
  return s ? <ImportDialog s={s} /> : null;
}

function ImportDialog({ s }: { s: ImportSession }) {
  const { t } = useTranslation();
  const loading = s.status === 'loading';
  const ambiguous = (s.plan?.columns ?? []).filter((c) => c.ambiguousDates);
  const order = s.options.dateOrder ?? s.plan?.dateOrder ?? 'MDY';
  return (
    <div className="import-backdrop">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-label={t('import.title', { file: s.file })} data-testid="import-dialog" data-status={s.status}>
        <div className="import-header">
          <span className="codicon codicon-cloud-download" aria-hidden />
          <span className="import-title">{t('import.title', { file: s.file })}</span>
          <span className="import-size">{formatBytes(s.size)}</span>
          {s.remembered && <span className="import-badge">{t('import.remembered')}</span>}
          {s.status === 'planning' && <span className="codicon codicon-loading codicon-modifier-spin" aria-label={t('import.redetecting')} />}
        </div>
        <ImportOptionsBar s={s} />
        {ambiguous.length > 0 && (
          <div className="import-ask" data-testid="import-ambiguous">
            <span className="codicon codicon-question" aria-hidden />
            <span>{t('import.ambiguousAsk', { columns: ambiguous.map((c) => c.name).join(', ') })}</span>
            {(['MDY', 'DMY'] as const).map((o) => (
              <label key={o} className="import-check">
                <input type="radio" name="dateOrder" checked={order === o} disabled={loading} onChange={() => setOptions({ dateOrder: o })} />
                {t(`import.dateOrders.${o}`)}
              </label>
            ))}
          </div>
        )}
        {s.ask && (
          <div className="import-ask import-ask-loss" role="alertdialog" data-testid="import-ask-loss">
            <span className="codicon codicon-warning" aria-hidden />
            <span>
              {t('import.askLoss', {
                columns: s.ask.map((f) => t('import.askLossColumn', { column: f.column, lost: f.lost.toLocaleString(), present: f.present.toLocaleString(), type: t(`import.types.${f.type}`) })).join(t('import.listSeparator')),
              })}
            </span>
            <button type="button" className="button secondary" data-testid="import-keep-detected" onClick={keepDetectedTypes}>{t('import.keepDetected')}</button>
            <button type="button" className="button primary" data-testid="import-anyway" onClick={() => void confirmImport(true)}>{t('import.importAnyway')}</button>
          </div>
        )}
        {s.error && (
          <div className="import-error" role="alert" data-testid="import-error">
            <span className="codicon codicon-error" aria-hidden />
            <span>{s.error.text}</span>
          </div>
        )}
        {s.warnings.filter((w) => w.code !== 'import.warnings.ambiguousDates').map((w, i) => (
          <div key={i} className="import-warning">
            <span className="codicon codicon-warning" aria-hidden />
            <span>{t(w.code, { ...w.params, defaultValue: w.message })}</span>
          </div>
        ))}
        <div className="import-preview-title">
          {t('import.preview', { count: s.preview.length })}
          {s.plan && s.status !== 'planning' && (
            <span className="import-column-count" data-testid="import-column-count">
              {' · '}
              {t('import.columnCount', { count: s.plan.columns.length })}
            </span>
          )}
          {s.status === 'planning' && <span data-testid="import-rereading">{' · '}{t('import.rereading')}</span>}
        </div>
        <ImportPreview s={s} />
        <div className="import-footer">
          <label className="import-field import-table-name">
            <span className="import-field-label">{t('import.tableName')}</span>
            <input data-testid="import-table-name" value={s.tableName} disabled={loading} onChange={(e) => setTableName(e.target.value)} />
          </label>
          {loading && <ImportProgressBar p={s.progress} />}
          <span className="import-spacer" />
          <button type="button" className="button secondary" data-testid="import-cancel" onClick={cancelImport}>
            {loading ? t('import.cancel') : t('import.close')}
          </button>
          <button type="button" className="button primary" data-testid="import-confirm" disabled={loading || s.status === 'planning' || !s.plan} onClick={() => void confirmImport()}>
            {t('import.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
