import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysisNotes } from './AnalysisNotes';
import './analysis.css';

export interface AnalysisLayoutProps {
  /** The spec form: FormSection elements. */
  form: ReactNode;
  /** Run / Cancel / Show SQL, pinned under the form. */
  actions: ReactNode;
  /** Headline, status and result cards. */
  children: ReactNode;
  testId?: string;
  /** The analysis id whose free-text notes show under the settings (saved in the study). */
  notesId?: string;
}

/**
 * The layout every analysis editor shares: a settings side panel on the left (scrolling sections, actions
 * pinned at the bottom) and the results on the right (headline banner, then stacked cards).
 */
export function AnalysisLayout({ form, actions, children, testId, notesId }: AnalysisLayoutProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  // The user's choice wins; until they make one, the settings fold away in a narrow editor (a split).
  const [choice, setChoice] = useState<boolean | null>(null);
  const narrow = useNarrow(root, NARROW_PX);
  const collapsed = choice ?? narrow;
  const setCollapsed = (f: (c: boolean) => boolean) => setChoice(f(collapsed));
  return (
    <div ref={root} className={`tn-an${collapsed ? ' collapsed' : ''}`} data-testid={testId} data-narrow={narrow || undefined}>
      <aside className="tn-an-side" aria-label={t('export.analysis.settings')}>
        <div className="tn-an-side-header">
          {!collapsed && <span>{t('export.analysis.settings')}</span>}
          <button type="button" className="icon-button" title={t('export.analysis.settings')} onClick={() => setCollapsed((c) => !c)}>
            <span className={`codicon codicon-${collapsed ? 'chevron-right' : 'chevron-left'}`} aria-hidden />
          </button>
        </div>
        {!collapsed && (
          <>
            <div className="tn-an-form">
              {form}
              {notesId && <AnalysisNotes id={notesId} />}
            </div>
            <div className="tn-an-actions">{actions}</div>
          </>
        )}
      </aside>
      <main className="tn-an-results">{children}</main>
    </div>
  );
}

/** Below this editor width the settings panel starts folded (300 px of settings + a readable chart). */
const NARROW_PX = 720;

function useNarrow(ref: React.RefObject<HTMLDivElement | null>, px: number): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      // A hidden editor (another tab active) measures 0: keep the last state.
      if (el.clientWidth > 0) setNarrow(el.clientWidth < px);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, px]);
  return narrow;
}

/** A titled, collapsible group of fields in the side panel. */
export function FormSection({ title, children, defaultOpen = true }: { title: string; children: ReactNode; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <section className="tn-an-section">
      <button type="button" className="tn-an-section-title" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className={`codicon codicon-chevron-${open ? 'down' : 'right'}`} aria-hidden />
        {title}
      </button>
      {open && <div className="tn-an-section-body">{children}</div>}
    </section>
  );
}

/** Label + control + optional hint or error. */
export function Field({ label, hint, error, children, htmlFor }: { label: string; hint?: string; error?: string | null; children: ReactNode; htmlFor?: string }) {
  return (
    <div className={`tn-an-field${error ? ' invalid' : ''}`}>
      <label className="tn-an-label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error ? <div className="tn-an-error-text">{error}</div> : hint ? <div className="tn-an-hint">{hint}</div> : null}
    </div>
  );
}
