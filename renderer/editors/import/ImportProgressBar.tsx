import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../../shared/import/importTypes';
import { formatBytes } from '../../../shared/import/limits';

/** Bytes and rows read, rate and time left; indeterminate while converting. */
export function ImportProgressBar({ p }: { p: ImportProgress | null }) {
  const { t, i18n } = useTranslation();
  const fraction = p && p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
  const converting = !p || p.phase !== 'reading';
  const left = p && p.bytesPerSecond > 0 ? Math.max(0, (p.totalBytes - p.bytesRead) / p.bytesPerSecond) : null;
  return (
    <div className="import-progress" data-testid="import-progress" data-bytes={p?.bytesRead ?? 0}>
      <div className={`import-progress-track${converting ? ' indeterminate' : ''}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)}>
        <div className="import-progress-fill" style={{ width: converting ? undefined : `${fraction * 100}%` }} />
      </div>
      <div className="import-progress-text">
        {!p
          ? t('import.starting')
          : p.phase === 'converting'
          ? t('import.converting', { rows: p.rows.toLocaleString(i18n.language) })
          : t('import.progress', { read: formatBytes(p.bytesRead), total: formatBytes(p.totalBytes), rows: p.rows.toLocaleString(i18n.language), rate: formatBytes(p.bytesPerSecond) })}
        {p?.phase === 'reading' && left !== null && ` · ${t('import.timeLeft', { seconds: Math.ceil(left) })}`}
      </div>
    </div>
  );
}
