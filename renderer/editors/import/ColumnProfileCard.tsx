import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeColumnProfile, isTemporalType, type ColumnProfile } from '../../../shared/import/columnProfile';
import { useServices } from '../../workbench/services';
import './import.css';

const cache = new Map<string, ColumnProfile>();

/**
 * Type, NULLs, distinct count, min/max and a small histogram (numbers, dates) or the most
 * frequent values (text), computed in SQL when first shown; the engine runs in a worker, so the
 * UI never waits on it.
 */
export function ColumnProfileCard({ table, column, rows }: { table: string; column: string; rows: number }) {
  const { t, i18n } = useTranslation();
  const { engine } = useServices();
  const key = `${table}\u0000${column}\u0000${rows}`;
  const [profile, setProfile] = useState<ColumnProfile | null>(cache.get(key) ?? null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (cache.has(key)) return;
    let live = true;
    computeColumnProfile(engine, table, column, { bins: 24, top: 5 }).then(
      (p) => {
        cache.set(key, p);
        if (live) setProfile(p);
      },
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [engine, table, column, key]);
  const n = (x: number) => x.toLocaleString(i18n.language);
  if (error) return <div className="column-profile">{error}</div>;
  if (!profile) return <div className="column-profile">{t('import.profile.loading')}</div>;
  const fmt = (v: unknown) => (v === null || v === undefined ? '—' : isTemporalType(profile.type) && typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : typeof v === 'number' ? n(v) : String(v));
  const peak = Math.max(1, ...profile.histogram.map((b) => b.count));
  return (
    <div className="column-profile" data-testid="column-profile" data-column={column}>
      <span>{t('import.type')}</span>
      <span>{profile.type}</span>
      <span>{t('import.profile.nulls')}</span>
      <span data-testid="profile-nulls">{n(profile.nulls)}</span>
      <span>{t('import.profile.distinct')}</span>
      <span>{n(profile.distinct)}</span>
      <span>{t('import.profile.min')}</span>
      <span>{fmt(profile.min)}</span>
      <span>{t('import.profile.max')}</span>
      <span>{fmt(profile.max)}</span>
      {profile.histogram.length > 0 && (
        <div className="cp-hist" aria-label={t('import.profile.histogram')}>
          {profile.histogram.map((b, i) => (
            <span key={i} style={{ height: `${(b.count / peak) * 100}%` }} title={`${fmt(b.from)} – ${fmt(b.to)}: ${n(b.count)}`} />
          ))}
        </div>
      )}
      {profile.top.length > 0 && (
        <div className="cp-top">
          <div>{t('import.profile.top')}</div>
          {profile.top.map((x, i) => (
            <div key={i}>
              <span>{String(x.value)}</span>
              <span>{n(x.count)}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
