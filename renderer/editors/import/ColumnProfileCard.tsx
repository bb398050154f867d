import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryEngine } from '../../../shared/engine/QueryEngine';
import { isTemporalType } from '../../../shared/import/columnProfile';
import { ServicesContext } from '../../workbench/services';
import { shownDistinct } from '../grid/stripGeometry';
import { PROFILE_OPTS, useColumnProfile } from '../grid/useColumnProfile';
import './import.css';

/**
 * Type, NULLs, distinct count, min/max and a small histogram (numbers, dates) or the most
 * frequent values (text), computed in SQL when first shown; the engine runs in a worker, so the
 * UI never waits on it. The profile cache and queue are the grid headers' (useColumnProfile).
 * `engine` defaults to the workbench's; the grid passes its own (it also runs outside the workbench).
 */
export function ColumnProfileCard({ table, column, rows, engine }: { table: string; column: string; rows: number; engine?: QueryEngine }) {
  const { t, i18n } = useTranslation();
  const services = useContext(ServicesContext);
  const eng = engine ?? services?.engine;
  if (!eng) throw new Error('ColumnProfileCard needs an engine');
  const { profile, error } = useColumnProfile(eng, table, column, rows);
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
      <span>{t(profile.distinctExact ? 'import.profile.distinctExact' : 'import.profile.distinct')}</span>
      <span>{n(shownDistinct(profile, PROFILE_OPTS.top))}</span>
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
