import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../store/workbenchStore';

/** Every SQL statement the engine ran: time, duration, rows or error; newest at the bottom. */
export function LogView() {
  const { t, i18n } = useTranslation();
  const log = useWorkbench((s) => s.log);
  const end = useRef<HTMLDivElement>(null);
  // Braces matter: newer Chromium returns a Promise from scrollIntoView, which React would call as a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [log.length]);
  if (!log.length) return <div className="panel-empty">{t('workbench.panel.noLog')}</div>;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return (
    <div className="log" data-testid="log">
      {log.map((e, i) => (
        <div key={i} className={`log-entry${e.error ? ' error' : ''}`}>
          <span className="log-time">{time.format(e.at)}</span>
          <span className="log-ms">{formatMs(e.ms)}</span>
          <span className="log-rows">{e.error ? t('common.error') : e.rows === null ? '' : t('workbench.status.rows', { count: e.rows, formatted: e.rows.toLocaleString(i18n.language) })}</span>
          <code className="log-sql">{e.sql.replace(/\s+/g, ' ').trim()}</code>
          {e.error && <div className="log-error">{e.error}</div>}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
