import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeaderProfile } from './useHeaderProfiles';
import { histogramBars, SEGMENT_LABEL_PX, shareSegments, shownDistinct, stripKind } from './stripGeometry';
import { PROFILE_OPTS } from './useColumnProfile';

interface Props {
  column: string;
  profile: HeaderProfile;
  /** Pixels available for the picture. */
  width: number;
  open: boolean;
  onCompute(): void;
  onToggle(): void;
  onHover(inside: boolean): void;
}

/**
 * The header's profile strip: a tiny histogram (numbers, dates) or the share of the most frequent
 * values (text, booleans), over a "NULL n · n distinct" line. Hover or click opens the full card.
 */
export function ProfileStrip({ column, profile, width, open, onCompute, onToggle, onHover }: Props) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => x.toLocaleString(i18n.language);
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const stop = (e: SyntheticEvent) => e.stopPropagation();

  if (profile.state === 'none') return null;
  if (profile.state === 'manual') {
    return (
      <div className="tn-grid-profile" onClick={stop}>
        <button type="button" className="tn-grid-pbutton" data-testid="profile-compute" title={t('grid.profile.computeHint')} onClick={onCompute}>
          <span className="codicon codicon-graph" aria-hidden />
          {t('grid.profile.compute')}
        </button>
      </div>
    );
  }
  if (profile.state === 'error') {
    return (
      <div className="tn-grid-profile tn-grid-perror" data-state="error" title={`${t('grid.profile.failed', { message: profile.error })}\n${t('grid.profile.retry')}`} onClick={stop}>
        <button type="button" className="tn-grid-pbutton" onClick={onCompute}>
          <span className="codicon codicon-warning" aria-hidden />
          {t('grid.profile.failedShort')}
        </button>
      </div>
    );
  }
  if (profile.state !== 'ready') {
    return (
      <div className="tn-grid-profile" data-state="pending" title={t('grid.profile.pending')} onClick={stop}>
        <span className="tn-grid-spark tn-grid-spark-pending" />
        <span className="tn-grid-pstats">&nbsp;</span>
      </div>
    );
  }

  const p = profile.profile;
  const kind = stripKind(p);
  return (
    <div
      className={`tn-grid-profile tn-grid-pready${open ? ' tn-open' : ''}`}
      data-state="ready"
      data-kind={kind}
      role="button"
      tabIndex={-1}
      aria-label={t('grid.profile.label', { column })}
      aria-expanded={open}
      onClick={(e) => {
        stop(e);
        onToggle();
      }}
      onPointerEnter={() => onHover(true)}
      onPointerLeave={() => onHover(false)}
    >
      {kind === 'histogram' ? (
        <span className="tn-grid-spark" data-testid="profile-histogram">
          {histogramBars(p.histogram, width).map((b, i) => (
            <span key={i} className="tn-grid-bar" style={{ height: `${b.height * 100}%` }} />
          ))}
        </span>
      ) : (
        <span className="tn-grid-spark tn-grid-share" data-testid="profile-share">
          {shareSegments(p).map((s, i) => (
            <span key={i} className={`tn-grid-seg tn-${s.kind}`} data-rank={s.kind === 'value' ? i : undefined} style={{ left: `${s.start * 100}%`, width: `${s.share * 100}%` }}>
              {i === 0 && s.kind === 'value' && s.share * width >= SEGMENT_LABEL_PX && `${pct.format(s.share)} ${String(s.value)}`}
            </span>
          ))}
        </span>
      )}
      <span className="tn-grid-pstats">
        {p.nulls > 0 && (
          <span className="tn-grid-pnulls" data-testid="header-nulls">
            {t('grid.profile.nulls', { n: n(p.nulls) })}
          </span>
        )}
        <span className="tn-grid-pdistinct">{t('grid.profile.distinct', { n: n(shownDistinct(p, PROFILE_OPTS.top)) })}</span>
      </span>
    </div>
  );
}
